import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AccountSubpage } from "@/components/account/account-subpage";
import { ApplyForm, BuySeatForm } from "@/components/beta/beta-forms";
import { getCurrentAccount } from "@/lib/auth/session";
import { type FanBeta, listBetasForFan } from "@/lib/beta/queries";
import { BETA_SELECTION_RULE, betaPhase, betaPriceText } from "@/lib/beta/rules";
import { releaseExpiredForUser } from "@/lib/checkout/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getPointsSummary } from "@/lib/points/ledger";
import { getRequestNow } from "@/lib/qa/now";
import { formatStoreDateTime } from "@/lib/store-time";
import { applyToBetaAction, buyBetaUnitAction } from "./actions";

export const metadata: Metadata = { title: "Beta programme · Kite" };

/** What the fan's own application says, and what they can do next. */
function BetaStanding({ beta, now }: { beta: FanBeta; now: Date }) {
  const app = beta.application;
  const phase = betaPhase(beta, now);
  if (!app) {
    if (phase === "open")
      return <ApplyForm action={applyToBetaAction} betaId={beta.id} prompt={beta.prompt} />;
    return <p className="text-sm text-ink-600">Applications have closed.</p>;
  }
  if (app.status === "applied") {
    return <p className="text-sm text-ink-700">You've applied. We'll mail you once the seats are chosen.</p>;
  }
  if (app.status === "not_selected") {
    return <p className="text-sm text-ink-700">Not selected this time: thank you for applying.</p>;
  }
  if (app.orderStatus === "paid" || app.orderStatus === "refunded") {
    return (
      <p className="text-sm font-medium text-emerald-700">
        You've bought your beta unit.{" "}
        {app.orderId ? (
          <Link href={`/account/orders/${app.orderId}`} className="underline underline-offset-4">
            See the order
          </Link>
        ) : null}
      </p>
    );
  }
  if (app.orderStatus === "pending" && app.orderId) {
    return (
      <p className="text-sm text-ink-700">
        Your unit is held while you pay.{" "}
        <Link href={`/account/orders/${app.orderId}`} className="font-medium underline underline-offset-4">
          Finish paying
        </Link>
      </p>
    );
  }
  if (beta.seatsTaken >= beta.seats)
    return <p className="text-sm text-ink-700">Every seat has been bought.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-emerald-700">You're selected: one unit is yours to buy.</p>
      <BuySeatForm action={buyBetaUnitAction} betaId={beta.id} label={`Buy for ${betaPriceText(beta)}`} />
    </div>
  );
}

export default async function BetasPage() {
  const user = await getCurrentAccount();
  if (!user) redirect("/sign-in?callbackUrl=/account/betas");
  const now = await getRequestNow();
  // A beta order whose hold ran out gives its seat back before this page reads it.
  await releaseExpiredForUser({ userId: user.id, now });
  const db = await getDb();
  const tz = env.STORE_TIMEZONE;
  const [betas, points] = await Promise.all([
    listBetasForFan(db, { userId: user.id, now }),
    getPointsSummary(db, { userId: user.id }),
  ]);
  return (
    <AccountSubpage back="/account" backLabel="Your account" title="Beta programme">
      <p className="text-sm text-ink-700">
        Before a gadget launches, a few hundred fans test it for a token price. Apply with a few lines; seats
        go by the published rule. {BETA_SELECTION_RULE} You have{" "}
        <strong>{points.balance.toLocaleString("en-US")} points</strong> (
        {points.lifetimeEarned.toLocaleString("en-US")} lifetime).
      </p>
      {betas.length === 0 ? (
        <p className="mt-6 rounded-2xl border border-ink-100 p-6 text-sm text-ink-600">
          No beta is taking applications right now. We'll announce the next one here.
        </p>
      ) : (
        <ul className="mt-6 space-y-4">
          {betas.map((beta) => (
            <li
              key={beta.id}
              className="rounded-2xl border border-ink-100 p-5"
              data-testid="fan-beta"
              data-title={beta.title}
            >
              <h2 className="text-lg font-semibold text-ink-900">{beta.title}</h2>
              <p className="mt-1 text-sm text-ink-600">
                {beta.productName} ({beta.variant}) · {beta.seats.toLocaleString("en-US")} seats ·{" "}
                {betaPriceText(beta)}
              </p>
              <p className="mt-1 text-xs text-ink-500">
                Applications {formatStoreDateTime(beta.opensAt, tz)} –{" "}
                {formatStoreDateTime(beta.closesAt, tz)}
              </p>
              <div className="mt-4">
                <BetaStanding beta={beta} now={now} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </AccountSubpage>
  );
}
