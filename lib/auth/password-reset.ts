import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { PASSWORD_RESET_LINK_MINUTES } from "@/lib/limits";
import { enqueueLinkMail } from "@/lib/mail/events";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { ok, Refusal, type Result, refusable } from "@/lib/result";
import { hashPassword, passwordSchema } from "./password";
import { checkPasswordResetRateLimit, whenAllowed } from "./throttle";
import { consumeAuthToken, issueAuthToken, type TokenRefusalCode } from "./tokens";
import { emailSchema, findUserByEmail, sessionsEndNow } from "./users";

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

/** A reset link's page: the token from the link, the new password twice. */
export const resetPasswordSchema = z
  .strictObject({
    token: z.string().max(200),
    password: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ. Type the same new password twice.",
  });

/** What the forgot-password form says every time, whether or not the email has an account. */
export const RESET_REQUESTED = `If an account exists for that email, we've sent a link to reset its password. It works once, for ${PASSWORD_RESET_LINK_MINUTES} minutes.`;

export type RequestPasswordResetResult = Result<{ message: string }, "rate_limited">;

/**
 * Asks for a reset link. The answer is the same whether or not the email has an account (no enumeration); only an
 * existing account gets a mail, enqueued in the transaction that stores the link's hash. Throttled per email and per
 * address. `origin` is the store's public origin, for the link.
 */
export async function requestPasswordReset(
  db: Db,
  limiter: RateLimiter,
  { email, ip, origin, now }: { email: string; ip: string; origin: string; now: Date },
): Promise<RequestPasswordResetResult> {
  return whenAllowed(checkPasswordResetRateLimit(limiter, { email, ip, now }), async () => {
    const user = await findUserByEmail(db, email);
    if (user) {
      await db.transaction(async (tx) => {
        const link = await issueAuthToken(tx, { userId: user.id, purpose: "password_reset", now });
        const url = `${origin}/reset-password?token=${link.token}`;
        await enqueueLinkMail({
          tx,
          kind: "password_reset",
          to: user.email,
          name: user.name,
          link: { id: link.id, url, expiresAt: link.expiresAt },
        });
      });
    }
    return ok({ message: RESET_REQUESTED });
  });
}

export type ResetPasswordResult = Result<{ email: string }, TokenRefusalCode>;

/**
 * Sets a new password from a reset link: the link is used (compare-and-set) in the same transaction as the new
 * password, so a used, expired, replaced or unknown link writes nothing, and of two uses at once exactly one wins.
 * Every session signed in before now ends (`sessions_valid_after`), and the account's other open links with it.
 */
export async function resetPassword(
  db: Db,
  { token, password, now }: { token: string; password: string; now: Date },
): Promise<ResetPasswordResult> {
  const passwordHash = await hashPassword(password);
  return refusable(() =>
    db.transaction(async (tx) => {
      const used = await consumeAuthToken(tx, { token, purpose: "password_reset", now });
      if (!used.ok) throw new Refusal(used);
      const [user] = await tx
        .update(users)
        .set({ passwordHash, sessionsValidAfter: sessionsEndNow() })
        .where(eq(users.id, used.token.userId))
        .returning({ email: users.email });
      if (!user) throw new Error("a reset token outlived its account");
      return ok({ email: user.email });
    }),
  ) as Promise<ResetPasswordResult>;
}
