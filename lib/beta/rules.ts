import { z } from "zod";
import { STRIPE_MINIMUM_CHARGE_MINOR } from "@/lib/limits";
import { formatMoney } from "@/lib/money";
import { MINOR_UNITS_PER_POINT } from "@/lib/points/rules";
import { weekFromNowInputs } from "@/lib/store-time";

/**
 * The beta programme's rules, pure: the bounds of a beta and of an application, the published selection rule, and
 * what a selected fan pays. Client forms, the console and lib/beta/commands.ts read the same numbers.
 */

export const BETA_LIMITS = {
  seats: { min: 1, max: 10_000 },
  title: { max: 120 },
  prompt: { max: 500 },
  statement: { min: 20, max: 1000 },
  pointsCost: { max: 1_000_000 },
} as const;

/** The published selection rule, as the console and the fans' page state it. */
export const BETA_SELECTION_RULE =
  "Highest lifetime Kite Club points first; on equal points, the earliest application.";

/**
 * What one seat costs a selected fan. The token price goes through Stripe Checkout when it is at least Stripe's
 * minimum charge for the currency (lib/limits.ts); below it Stripe would refuse the session, so the token price is
 * paid in points instead (MINOR_UNITS_PER_POINT a point) and the order is complete at once, with nothing to pay by
 * card. Either way the beta's points cost is taken too, in the same transaction.
 */
export interface BetaPurchaseTerms {
  byCard: boolean;
  /** What Stripe charges (0 when paid in points). */
  totalMinor: number;
  /** Points standing in for the token price (0 when paid by card). */
  tokenPoints: number;
  /** Everything the fan needs: the points cost plus the token points. */
  pointsNeeded: number;
}

export function betaPurchaseTerms({
  tokenPriceMinor,
  currency,
  pointsCost,
}: {
  tokenPriceMinor: number;
  currency: string;
  pointsCost: number;
}): BetaPurchaseTerms {
  const minimum = STRIPE_MINIMUM_CHARGE_MINOR[currency] ?? 0;
  if (tokenPriceMinor >= minimum && tokenPriceMinor > 0) {
    return { byCard: true, totalMinor: tokenPriceMinor, tokenPoints: 0, pointsNeeded: pointsCost };
  }
  const tokenPoints = Math.ceil(tokenPriceMinor / MINOR_UNITS_PER_POINT);
  return { byCard: false, totalMinor: 0, tokenPoints, pointsNeeded: pointsCost + tokenPoints };
}

/** Where a beta stands at `now`: before its window, taking applications, or closed (selection and buying). */
export type BetaPhase = "upcoming" | "open" | "closed";

export function betaPhase({ opensAt, closesAt }: { opensAt: Date; closesAt: Date }, now: Date): BetaPhase {
  if (now.getTime() < opensAt.getTime()) return "upcoming";
  return now.getTime() < closesAt.getTime() ? "open" : "closed";
}

const whole = (what: string) =>
  z.coerce
    .number({ error: `Enter ${what} as a whole number.` })
    .int({ error: `Enter ${what} as a whole number.` });

/** The console's "open a beta" form, as FormData strings (times in the store's wall time, price as typed). */
export const openBetaForm = z.strictObject({
  skuId: whole("the version").min(1, { error: "Choose the version fans will buy." }).max(2_147_483_647),
  title: z
    .string()
    .trim()
    .min(1, { error: "Name the beta, e.g. “Kite Band 3 beta”." })
    .max(BETA_LIMITS.title.max, { error: `At most ${BETA_LIMITS.title.max} characters.` }),
  prompt: z
    .string()
    .trim()
    .min(10, { error: "Tell applicants what to write about (at least 10 characters)." })
    .max(BETA_LIMITS.prompt.max, { error: `At most ${BETA_LIMITS.prompt.max} characters.` }),
  seats: whole("the seats")
    .min(BETA_LIMITS.seats.min, { error: "Offer at least 1 seat." })
    .max(BETA_LIMITS.seats.max, { error: `At most ${BETA_LIMITS.seats.max.toLocaleString("en-US")} seats.` }),
  tokenPrice: z.string().trim().min(1, { error: "Enter the token price, e.g. 1.00." }).max(20),
  pointsCost: whole("the points cost")
    .min(0, { error: "The points cost can't be negative." })
    .max(BETA_LIMITS.pointsCost.max, { error: "That is more points than any fan has." }),
  opensAt: z.string().min(1, { error: "Enter when applications open." }).max(40),
  closesAt: z.string().min(1, { error: "Enter when applications close." }).max(40),
  requestKey: z.string().max(64).optional(),
});
export type OpenBetaForm = z.infer<typeof openBetaForm>;

/** A fan's application: the beta and their statement, bounded. */
export const applyToBetaForm = z.strictObject({
  betaId: z.uuid({ error: "That beta is unknown. Reload the page." }),
  statement: z
    .string()
    .trim()
    .min(BETA_LIMITS.statement.min, {
      error: `Write at least ${BETA_LIMITS.statement.min} characters: tell us why you and how you'd test it.`,
    })
    .max(BETA_LIMITS.statement.max, { error: `Keep it to ${BETA_LIMITS.statement.max} characters.` }),
});

/** What a seat costs, in words: "¥1.00 and 300 points", or, below Stripe's minimum, "400 points (¥1.00 …)". */
export function betaPriceText(beta: {
  tokenPriceMinor: number;
  currency: string;
  pointsCost: number;
}): string {
  const terms = betaPurchaseTerms(beta);
  const points = (n: number) => `${n.toLocaleString("en-US")} point${n === 1 ? "" : "s"}`;
  if (terms.byCard) {
    const money = formatMoney(beta.tokenPriceMinor, beta.currency);
    return beta.pointsCost > 0 ? `${money} and ${points(beta.pointsCost)}` : money;
  }
  if (terms.tokenPoints === 0) return points(terms.pointsNeeded);
  return `${points(terms.pointsNeeded)} (the ${formatMoney(beta.tokenPriceMinor, beta.currency)} token price paid in points)`;
}

/** What the console's "Open a beta" form starts with: 500 seats at 1.00 and 300 points, open for a week. */
export function openBetaDefaults(now: Date, timeZone: string): Record<string, string> {
  const window = weekFromNowInputs(now, timeZone);
  const seat = { seats: "500", tokenPrice: "1.00", pointsCost: "300" };
  const prompt = "How would you test it, and what would you tell us?";
  return { skuId: "", title: "", ...seat, opensAt: window.from, closesAt: window.until, prompt };
}
