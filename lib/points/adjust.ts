import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { pointsAccounts } from "@/db/schema";
import { type Actor, parseRequestKey, writeAudit } from "@/lib/audit/log";
import { findUserByEmail } from "@/lib/auth/users";
import type { Db } from "@/lib/db";
import { fail, invalid, ok, Refusal, type Result, refusable } from "@/lib/result";
import { ensurePointsAccount, recordPoints } from "./ledger";

/** The largest single adjustment, either way: a guard against a typo, not a business rule. */
export const MAX_POINTS_ADJUSTMENT = 100_000;

/** The console's adjustment form, as FormData strings. */
export const adjustPointsForm = z.strictObject({
  email: z.email({ error: "Enter the fan's email address." }).max(320),
  amount: z.coerce
    .number({ error: "Enter the points as a whole number, e.g. 200 or -200." })
    .int({ error: "Enter the points as a whole number, e.g. 200 or -200." })
    .min(-MAX_POINTS_ADJUSTMENT, {
      error: `At most ${MAX_POINTS_ADJUSTMENT.toLocaleString("en-US")} points at once.`,
    })
    .max(MAX_POINTS_ADJUSTMENT, {
      error: `At most ${MAX_POINTS_ADJUSTMENT.toLocaleString("en-US")} points at once.`,
    })
    .refine((n) => n !== 0, { error: "Enter points to add (200) or take away (-200), not 0." }),
  reason: z
    .string()
    .trim()
    .min(3, { error: "Say why, in a few words: the fan reads it in their history." })
    .max(200, { error: "Keep the reason to 200 characters." }),
  expectedBalance: z.coerce.number().int().min(-100_000_000).max(100_000_000),
  requestKey: z.string().max(64),
});
export type AdjustPointsInput = z.infer<typeof adjustPointsForm>;

/**
 * A marketer adds points to a fan's account or takes some away, with a reason the fan reads in their history: one
 * ledger entry (reason `adjustment`, named by the form's one-time key, so a double submit moves the balance once)
 * and an audit entry, in one transaction. Refused, writing nothing, when the balance changed since the form was
 * drawn (`points_stale`) or when it would take the balance below zero.
 */
export async function adjustPoints(
  db: Db,
  { actor, input }: { actor: Actor; input: AdjustPointsInput },
): Promise<Result<{ balance: number; email: string }>> {
  const requestKey = parseRequestKey(input.requestKey);
  if (!requestKey) return fail("invalid", "This form has expired. Reload the page and try again.");
  const fan = await findUserByEmail(db, input.email);
  if (!fan) return invalid({ email: ["No account uses this email."] });
  return refusable(() =>
    db.transaction(async (tx) => {
      await ensurePointsAccount(tx, { userId: fan.id });
      const [account] = await tx
        .select({ balance: pointsAccounts.balance })
        .from(pointsAccounts)
        .where(eq(pointsAccounts.userId, fan.id))
        .for("update");
      const balance = account?.balance ?? 0;
      if (balance !== input.expectedBalance) {
        throw new Refusal(
          fail(
            "points_stale",
            `${fan.email} now has ${balance.toLocaleString("en-US")} points: the balance changed since this page was loaded. Check it and adjust again.`,
          ),
        );
      }
      if (balance + input.amount < 0) {
        throw new Refusal(
          invalid({
            amount: [
              `${fan.email} has ${balance.toLocaleString("en-US")} points: take away at most that many.`,
            ],
          }),
        );
      }
      const after = await recordPoints(tx, {
        userId: fan.id,
        reason: "adjustment",
        cause: `adjustment:${requestKey}`,
        amount: input.amount,
        note: input.reason,
      });
      if (after === null) throw new Refusal(fail("conflict", "This adjustment was already made."));
      await writeAudit(tx, {
        actor,
        action: "points.adjust",
        entityType: "account",
        entityId: fan.id,
        summary: `Adjusted ${fan.email}'s points by ${input.amount}: ${input.reason}`,
        diff: {
          fan: { from: null, to: fan.email },
          points: { from: null, to: input.amount },
          balance: { from: balance, to: after },
          reason: { from: null, to: input.reason },
        },
        requestKey,
      });
      return ok({ balance: after, email: fan.email });
    }),
  );
}
