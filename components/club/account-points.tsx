import Link from "next/link";
import type { ClubStatus, PointsHistoryRow } from "@/lib/points/queries";
import { POINTS_REASON_LABELS } from "@/lib/points/rules";
import type { ReferralRow } from "@/lib/referrals/referrals";
import { formatStoreDateTime } from "@/lib/store-time";

const points = (n: number) => n.toLocaleString("en");

/** Balance, tier, and how far to the next one (a labelled progress bar). */
export function TierStanding({ status }: { status: ClubStatus }) {
  return (
    <section
      aria-labelledby="standing-title"
      className="mt-6 rounded-2xl bg-accent-50 p-5 ring-1 ring-accent-100"
    >
      <h2 id="standing-title" className="sr-only">
        Your standing
      </h2>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-ink-600">Points to spend</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="points-balance">
            {points(status.balance)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-ink-600">Tier</dt>
          <dd className="text-2xl font-bold" data-testid="points-tier">
            {status.tier.name}
          </dd>
          <dd className="text-sm text-ink-700">
            {status.tier.discountPercent > 0
              ? `${status.tier.discountPercent} % off everyday items`
              : "Points on every order"}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-ink-600">Earned in all</dt>
          <dd className="text-2xl font-bold tabular-nums">{points(status.lifetimeEarned)}</dd>
        </div>
      </dl>
      <div className="mt-5">
        <p id="progress-label" className="text-sm text-ink-700">
          {status.next
            ? `${points(status.next.pointsNeeded)} more points to ${status.next.tier.name} (${status.next.tier.discountPercent} % off).`
            : "You are at the top tier. Thank you, Kite fan."}
        </p>
        <div
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={status.progressPercent}
          className="mt-2 h-2.5 overflow-hidden rounded-full bg-white ring-1 ring-accent-100"
        >
          <div
            className="h-full rounded-full bg-accent-600"
            style={{ width: `${status.progressPercent}%` }}
          />
        </div>
        <p className="mt-2 text-sm">
          <Link href="/club" className="text-accent-700 underline underline-offset-2">
            How points and tiers work
          </Link>
        </p>
      </div>
    </section>
  );
}

/** The ledger, newest first, 20 a page (keyset: `?after=<id>`). */
export function PointsHistory({
  rows,
  next,
  firstPage,
  timeZone,
}: {
  rows: PointsHistoryRow[];
  next: string | null;
  firstPage: boolean;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="history-title" className="mt-10">
      <h2 id="history-title" className="text-xl font-semibold">
        History
      </h2>
      {rows.length === 0 ? (
        <p className="mt-3 rounded-2xl bg-ink-50 p-8 text-center text-ink-600">
          {firstPage
            ? "No points yet. Your first order earns 10 points for every ¥1.00."
            : "No older entries."}
        </p>
      ) : (
        <ul
          className="mt-3 divide-y divide-ink-100 rounded-2xl border border-ink-100"
          aria-label="Points history"
        >
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <span className="min-w-0">
                <span className="block font-semibold">{POINTS_REASON_LABELS[row.reason]}</span>
                <span className="block text-sm text-ink-500">
                  {formatStoreDateTime(row.createdAt, timeZone)}
                  {row.orderId ? (
                    <>
                      {" · "}
                      <Link href={`/account/orders/${row.orderId}`} className="underline underline-offset-2">
                        the order
                      </Link>
                    </>
                  ) : null}
                </span>
                {row.note ? <span className="block text-sm text-ink-600">{row.note}</span> : null}
              </span>
              <span className="text-right">
                <span
                  className={`block font-semibold tabular-nums ${row.amount > 0 ? "text-emerald-700" : "text-ink-900"}`}
                >
                  {row.amount > 0 ? "+" : "−"}
                  {points(Math.abs(row.amount))}
                </span>
                <span className="block text-xs text-ink-500 tabular-nums">
                  balance {points(row.balanceAfter)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="History pages" className="mt-3 flex gap-4 text-sm">
        {firstPage ? null : (
          <Link href="/account/points" className="text-accent-700 underline underline-offset-2">
            Newest
          </Link>
        )}
        {next ? (
          <Link
            href={`/account/points?after=${next}`}
            className="text-accent-700 underline underline-offset-2"
          >
            Older entries
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

const REFERRAL_STATUS: Record<ReferralRow["status"], string> = {
  waiting: "Signed up: waiting for a first paid order",
  credited: "First order paid: points earned",
  not_counted: "Not counted: the order went to one of your own addresses",
};

/** Friends who came through the fan's link, and the code their links carry. */
export function ReferralList({
  friends,
  referralCode,
  timeZone,
}: {
  friends: ReferralRow[];
  referralCode: string;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="referrals-title" className="mt-10">
      <h2 id="referrals-title" className="text-xl font-semibold">
        Friends you referred
      </h2>
      <p className="mt-2 text-sm text-ink-700">
        Your referral code is{" "}
        <strong className="font-mono tracking-wider" data-testid="referral-code">
          {referralCode}
        </strong>
        . Press “Share with a friend” on any product or sale: the link carries it.
      </p>
      {friends.length === 0 ? (
        <p className="mt-3 rounded-2xl bg-ink-50 p-6 text-center text-ink-600">
          No friends have joined through your link yet.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-ink-100 rounded-2xl border border-ink-100" aria-label="Referrals">
          {friends.map((f) => (
            <li key={`${f.friendName}-${f.joinedAt.toISOString()}`} className="p-4">
              <span className="block font-semibold">{f.friendName}</span>
              <span className="block text-sm text-ink-600">
                Joined {formatStoreDateTime(f.joinedAt, timeZone)} · {REFERRAL_STATUS[f.status]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
