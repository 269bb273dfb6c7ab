import Link from "next/link";
import { formatMoney } from "@/lib/money";
import {
  MAX_POINTS_SHARE_PERCENT,
  MINOR_UNITS_PER_POINT,
  POINTS_PER_MAJOR_UNIT,
  REFERRAL_POINTS,
  TIERS,
} from "@/lib/points/rules";

const CURRENCY = "CNY";

/** The club's rules in words and a table, every number from lib/points/rules.ts. */
export function ClubRules() {
  const pointValue = formatMoney(100 * MINOR_UNITS_PER_POINT, CURRENCY);
  return (
    <div className="mt-8 space-y-10">
      <section aria-labelledby="earn-title">
        <h2 id="earn-title" className="text-xl font-semibold">
          Earning points
        </h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-ink-700">
          <li>
            {POINTS_PER_MAJOR_UNIT} points for every {formatMoney(100, CURRENCY)} you pay for everyday items,
            credited the moment your payment goes through.
          </li>
          <li>
            Flash-sale units are already at their lowest price: they earn no points and take no tier discount.
          </li>
          <li>
            A refund takes back the points the order earned, in proportion to the money refunded — even if you
            have spent them already, so your balance can go below zero for a while.
          </li>
          <li>
            {REFERRAL_POINTS.toLocaleString("en")} points when a friend signs up through your share link and
            their first order is paid (once per friend; your own accounts and addresses do not count).
          </li>
        </ul>
      </section>

      <section aria-labelledby="spend-title">
        <h2 id="spend-title" className="text-xl font-semibold">
          Spending points
        </h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-ink-700">
          <li>100 points take {pointValue} off at checkout.</li>
          <li>
            Points can pay for up to {MAX_POINTS_SHARE_PERCENT} % of an order; the rest is paid by card.
          </li>
          <li>
            If the order is cancelled, its hold runs out or it is refunded, the points come back to you.
          </li>
        </ul>
      </section>

      <section aria-labelledby="tiers-title">
        <h2 id="tiers-title" className="text-xl font-semibold">
          Tiers and perks
        </h2>
        <p className="mt-2 text-ink-700">
          Your tier follows the points you have earned in all (spending them never lowers it; refunds do).
        </p>
        <div className="mt-4 overflow-x-auto rounded-2xl border border-ink-100">
          <table className="w-full min-w-[20rem] text-left text-sm">
            <caption className="sr-only">Kite Club tiers</caption>
            <thead className="bg-ink-50 text-ink-700">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Tier
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Points earned
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Perk on everyday items
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {TIERS.map((tier) => (
                <tr key={tier.name}>
                  <th scope="row" className="px-4 py-2.5 font-semibold text-ink-900">
                    {tier.name}
                  </th>
                  <td className="px-4 py-2.5 tabular-nums">
                    {tier.threshold === 0 ? "From sign-up" : `${tier.threshold.toLocaleString("en")}+`}
                  </td>
                  <td className="px-4 py-2.5">
                    {tier.discountPercent > 0 ? `${tier.discountPercent} % off` : "Points on every order"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm text-ink-600">
          Signed in, you see your tier price on every product page; it is applied at checkout. See your
          points, tier and referrals on{" "}
          <Link href="/account/points" className="font-semibold text-accent-700 underline underline-offset-2">
            your account
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="early-access-title" data-testid="club-early-access">
        <h2 id="early-access-title" className="text-xl font-semibold">
          Early access to flash sales
        </h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-ink-700">
          <li>
            Some flash sales open early for the Kite Club: fans of the tier the sale names, or higher, may buy
            a few minutes before everyone else. The sale page says who and when, for example “Gold and above:
            from 09:50”.
          </li>
          <li>
            Early access has its own share of the sale&apos;s units, set for each sale. What it does not sell
            goes on sale to everyone at the public start.
          </li>
          <li>
            You still register for the sale as usual, and the per-account limit is the same. Signed in, the
            sale page tells you whether your tier is in.
          </li>
        </ul>
      </section>
    </div>
  );
}
