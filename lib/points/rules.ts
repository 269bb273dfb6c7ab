/**
 * The Kite Club's rules in one place: how points are earned and spent, the tiers and their perks. Pure (its one
 * import is a type), so the checkout, the account page, the published /club page and the product page's tier
 * price (in the browser) all read the same numbers.
 *
 * "Regular items" are everything bought through the cart at the everyday price; units bought in a flash sale are
 * sale items: they earn no points and get no tier discount.
 */

import type { PointsReason } from "@/db/schema/points";

/** Points earned per 1.00 (one major unit) of the money paid for regular items. */
export const POINTS_PER_MAJOR_UNIT = 10;

/** One point spent takes this many minor units off an order (1 = ¥0.01 a point: 100 points are ¥1.00). */
export const MINOR_UNITS_PER_POINT = 1;

/** Points may pay for at most this share of an order, in percent (of its total after the tier discount). */
export const MAX_POINTS_SHARE_PERCENT = 5;

/** Points credited to a fan when a friend who signed up through their link pays their first order. */
export const REFERRAL_POINTS = 500;

export type TierName = "Member" | "Silver" | "Gold" | "Platinum" | "Diamond";

export interface Tier {
  name: TierName;
  /** Lifetime points needed. */
  threshold: number;
  /** The perk: percent off regular (non-sale) items, applied at checkout. */
  discountPercent: number;
}

/** Tiers by lifetime points earned, lowest first. Every fan starts as a Member. */
export const TIERS: readonly Tier[] = [
  { name: "Member", threshold: 0, discountPercent: 0 },
  { name: "Silver", threshold: 1_000, discountPercent: 1 },
  { name: "Gold", threshold: 5_000, discountPercent: 2 },
  { name: "Platinum", threshold: 20_000, discountPercent: 3 },
  { name: "Diamond", threshold: 50_000, discountPercent: 5 },
];

export function tierFor(lifetimeEarned: number): Tier {
  let tier = TIERS[0] as Tier;
  for (const t of TIERS) if (lifetimeEarned >= t.threshold) tier = t;
  return tier;
}

/** The next tier and the points still needed for it; null at the top. */
export function nextTier(lifetimeEarned: number): { tier: Tier; pointsNeeded: number } | null {
  const next = TIERS.find((t) => t.threshold > lifetimeEarned);
  return next ? { tier: next, pointsNeeded: next.threshold - lifetimeEarned } : null;
}

/** How far from the current tier's threshold to the next one, 0–100 (100 at the top). */
export function tierProgressPercent(lifetimeEarned: number): number {
  const current = tierFor(lifetimeEarned);
  const next = nextTier(lifetimeEarned);
  if (!next) return 100;
  const span = next.tier.threshold - current.threshold;
  return Math.floor(((lifetimeEarned - current.threshold) / span) * 100);
}

/** The tier whose perk is this percent (orders keep the percent they were priced at). */
export function tierWithPerk(discountPercent: number): TierName {
  return TIERS.find((t) => t.discountPercent === discountPercent)?.name ?? "Member";
}

/** A regular item's unit price with a tier's perk: the discount rounded to the nearest minor unit. */
export function tierUnitPrice(priceMinor: number, discountPercent: number): number {
  return priceMinor - Math.round((priceMinor * discountPercent) / 100);
}

/** Minor units in one major unit of a currency (100 for CNY and INR, 1 for JPY). */
export function minorPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits;
  return 10 ** (digits ?? 2);
}

/** The earn rule: points for the money paid for regular items, rounded down. */
export function pointsEarned({ paidMinor, currency }: { paidMinor: number; currency: string }): number {
  if (paidMinor <= 0) return 0;
  return Math.floor((paidMinor * POINTS_PER_MAJOR_UNIT) / minorPerMajor(currency));
}

/**
 * The most points an order may use: MAX_POINTS_SHARE_PERCENT of its total, and never so many that the rest falls
 * below the smallest card payment (`minimumMinor`).
 */
export function maxPointsForOrder({
  totalMinor,
  minimumMinor = 0,
}: {
  totalMinor: number;
  minimumMinor?: number;
}): number {
  const share = Math.floor((totalMinor * MAX_POINTS_SHARE_PERCENT) / 100 / MINOR_UNITS_PER_POINT);
  const aboveMinimum = Math.floor((totalMinor - minimumMinor) / MINOR_UNITS_PER_POINT);
  return Math.max(0, Math.min(share, aboveMinimum));
}

/**
 * What a refund takes back of something given for an order (points earned, or points spent to return), in
 * proportion to the money refunded so far: the target after `refundedMinor` of `totalMinor`, minus what earlier
 * refunds already took. A full refund takes back exactly all of it.
 */
export function proportionalShare({
  points,
  refundedMinor,
  totalMinor,
  alreadyMoved,
}: {
  points: number;
  refundedMinor: number;
  totalMinor: number;
  alreadyMoved: number;
}): number {
  if (points <= 0 || totalMinor <= 0) return 0;
  const target = Math.floor((points * Math.min(refundedMinor, totalMinor)) / totalMinor);
  return Math.max(0, target - alreadyMoved);
}

/**
 * Points spread over an order's lines in proportion to each line's total (largest remainder), so the discount
 * Stripe sees sits on the lines themselves; returns the points per line, in the lines' order.
 */
export function allocatePoints(lineTotals: readonly number[], points: number): number[] {
  const sum = lineTotals.reduce((a, b) => a + b, 0);
  if (points <= 0 || sum <= 0) return lineTotals.map(() => 0);
  const exact = lineTotals.map((t) => (t * points) / sum);
  const shares = exact.map(Math.floor);
  let left = points - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

/**
 * A line of `quantity` units at `unitMinor` less `discountMinor` in all, as Stripe line items with whole unit
 * amounts: one item when the discount divides evenly, else two (some units one minor unit cheaper), adding up
 * exactly. Stripe Checkout takes no negative line items, and the local server models no coupons.
 */
export function splitDiscountedLine({
  unitMinor,
  quantity,
  discountMinor,
}: {
  unitMinor: number;
  quantity: number;
  discountMinor: number;
}): { unitMinor: number; quantity: number }[] {
  const each = Math.floor(discountMinor / quantity);
  const rest = discountMinor - each * quantity;
  if (rest === 0) return [{ unitMinor: unitMinor - each, quantity }];
  return [
    { unitMinor: unitMinor - each, quantity: quantity - rest },
    { unitMinor: unitMinor - each - 1, quantity: rest },
  ];
}

/** A referral code as shown and typed: 8 letters and digits without look-alikes (no 0/O, 1/I/L). */
export const REFERRAL_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const REFERRAL_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/;

export function normaliseReferralCode(input: string): string {
  return input.trim().toUpperCase();
}

/** What each reason reads as in the history. */
export const POINTS_REASON_LABELS: Record<PointsReason, string> = {
  order_paid: "Earned on an order",
  order_refunded: "Taken back: order refunded",
  beta_purchase: "Beta purchase",
  referral: "A friend's first order",
  adjustment: "Adjusted by Kite",
  points_spent: "Used at checkout",
  points_returned: "Returned to you",
};
