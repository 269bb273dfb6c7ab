import "server-only";
import { eq } from "drizzle-orm";
import { pointsAccounts } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { STRIPE_MINIMUM_CHARGE_MINOR } from "@/lib/limits";
import { fail, Refusal } from "@/lib/result";
import { MAX_POINTS_SHARE_PERCENT, maxPointsForOrder, type Tier, tierFor, tierUnitPrice } from "./rules";

export type PointsRefusalCode = "points_over_limit" | "points_insufficient" | "points_stale";

/** What the fan brings to a checkout: their tier (by lifetime points) and their points balance. */
export interface CheckoutPerks {
  tier: Tier;
  balance: number;
  lifetimeEarned: number;
}

export async function readCheckoutPerks(db: Db | Tx, { userId }: { userId: string }): Promise<CheckoutPerks> {
  const [row] = await db
    .select({ balance: pointsAccounts.balance, lifetimeEarned: pointsAccounts.lifetimeEarned })
    .from(pointsAccounts)
    .where(eq(pointsAccounts.userId, userId));
  const balance = row?.balance ?? 0;
  const lifetimeEarned = row?.lifetimeEarned ?? 0;
  return { tier: tierFor(lifetimeEarned), balance, lifetimeEarned };
}

/** The most points this total may use (the share, and never below Stripe's smallest card payment). */
export function pointsAllowed({ currency, totalMinor }: { currency: string; totalMinor: number }): number {
  return maxPointsForOrder({ totalMinor, minimumMinor: STRIPE_MINIMUM_CHARGE_MINOR[currency] ?? 0 });
}

/**
 * Refuses points a checkout may not use, before anything is held: more than the order allows, more than the fan
 * has, or asked for from a form that showed another balance (it changed meanwhile, e.g. in another tab). Throws
 * a Refusal (the caller's transaction rolls back; nothing is written).
 */
export function refuseUnspendablePoints({
  perks,
  points,
  expectedBalance,
  currency,
  totalMinor,
}: {
  perks: CheckoutPerks;
  points: number;
  expectedBalance: number | undefined;
  currency: string;
  totalMinor: number;
}): void {
  if (points <= 0) return;
  if (expectedBalance !== undefined && expectedBalance !== perks.balance) {
    throw new Refusal(
      fail(
        "points_stale",
        `Your points balance is now ${perks.balance.toLocaleString("en")} (it changed since this page was loaded). Check the points to use and press Checkout again.`,
        { fieldErrors: { points: ["Your balance changed: check this number again."] } },
      ),
    );
  }
  const allowed = pointsAllowed({ currency, totalMinor });
  if (points > allowed) {
    throw new Refusal(
      fail(
        "points_over_limit",
        `Points can pay for at most ${MAX_POINTS_SHARE_PERCENT} % of an order: use at most ${allowed.toLocaleString("en")} points on this one.`,
        { fieldErrors: { points: [`At most ${allowed.toLocaleString("en")} points on this order.`] } },
      ),
    );
  }
  if (points > perks.balance) throw notEnoughPoints({ balance: perks.balance, points });
}

/** The refusal of points the fan does not have (also when a spend at the same moment took them first). */
export function notEnoughPoints({ balance, points }: { balance: number; points: number }): Refusal {
  return new Refusal(
    fail(
      "points_insufficient",
      `You have ${balance.toLocaleString("en")} points, fewer than the ${points.toLocaleString("en")} you asked to use. Lower the points and press Checkout again.`,
      { fieldErrors: { points: [`You have ${balance.toLocaleString("en")} points.`] } },
    ),
  );
}

/** What the cart shows a signed-in fan before checkout: the tier price of the cart and the points it may use. */
export interface CartClub {
  tier: Tier["name"];
  discountPercent: number;
  /** The cart at the tier price. */
  totalMinor: number;
  currency: string;
  balance: number;
  /** The most points this cart may use, and the fan has (0 when none). */
  maxPoints: number;
}

export async function getCartClub(
  db: Db,
  {
    userId,
    lines,
    currency,
  }: { userId: string; lines: { unitPriceMinor: number; quantity: number }[]; currency: string },
): Promise<CartClub> {
  const perks = await readCheckoutPerks(db, { userId });
  const percent = perks.tier.discountPercent;
  const totalMinor = lines.reduce((sum, l) => sum + tierUnitPrice(l.unitPriceMinor, percent) * l.quantity, 0);
  return {
    tier: perks.tier.name,
    discountPercent: percent,
    totalMinor,
    currency,
    balance: perks.balance,
    maxPoints: Math.max(0, Math.min(perks.balance, pointsAllowed({ currency, totalMinor }))),
  };
}
