import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { EMAIL_CHANGE_LINK_HOURS } from "@/lib/limits";
import { enqueueEmailChangedNotice, enqueueLinkMail } from "@/lib/mail/events";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { type Failure, fail, invalid, ok, Refusal, type Result, refusable } from "@/lib/result";
import { sqlState, UNIQUE_VIOLATION } from "@/lib/sales/db-errors";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { beginSignInAttempt } from "./throttle";
import { consumeAuthToken, endOpenTokens, issueAuthToken, type TokenRefusalCode } from "./tokens";
import { displayNameSchema, emailSchema, sessionsEndNow } from "./users";

/*
 * What a signed-in person changes about their own account: the display name, the password (current one required),
 * the email (current password required; the change happens only when a link mailed to the new address is used).
 * Each takes the signed-in account's id from the session, never from the form.
 */

export const profileSchema = z.strictObject({ name: displayNameSchema });

const currentPasswordSchema = z.string().min(1, "Enter your current password.").max(200);

export const changePasswordSchema = z
  .strictObject({
    currentPassword: currentPasswordSchema,
    newPassword: passwordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ. Type the same new password twice.",
  });

export const changeEmailSchema = z.strictObject({
  email: emailSchema,
  currentPassword: currentPasswordSchema,
});

const EMAIL_TAKEN =
  "Another account already uses this email. Sign in to that account instead, or choose another email.";

export async function updateProfile(
  db: Db,
  { userId, name }: { userId: string; name: string },
): Promise<Result<{ name: string; message: string }, "not_found">> {
  const [row] = await db
    .update(users)
    .set({ name })
    .where(eq(users.id, userId))
    .returning({ name: users.name });
  if (!row) return fail("not_found", "This account no longer exists.");
  return ok({ name: row.name, message: "Saved. This is the name on your account and in our mails." });
}

interface PasswordCheck {
  userId: string;
  currentPassword: string;
  ip: string;
  now: Date;
}

/**
 * The account's current password, checked under the sign-in throttle (a wrong one counts as a failed sign-in of
 * the account), so a borrowed session cannot guess its way to a new password or email.
 */
async function checkCurrentPassword(
  db: Db,
  limiter: RateLimiter,
  { userId, currentPassword, ip, now }: PasswordCheck,
): Promise<
  | { ok: true; user: { id: string; email: string; name: string } }
  | Failure<"invalid" | "rate_limited" | "not_found">
> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return fail("not_found", "This account no longer exists.");
  const begun = await beginSignInAttempt(limiter, { email: user.email, ip, now });
  if (!begun.ok) return begun;
  const right = await verifyPassword(currentPassword, user.passwordHash);
  await begun.attempt.settle(right);
  if (!right) return invalid({ currentPassword: ["That isn't your current password."] });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/** A new password: every other session ends (the action renews the caller's own), open reset links too. */
export async function changePassword(
  db: Db,
  limiter: RateLimiter,
  { newPassword, ...check }: PasswordCheck & { newPassword: string },
): Promise<Result<{ message: string }>> {
  const checked = await checkCurrentPassword(db, limiter, check);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionsValidAfter: sessionsEndNow() })
      .where(eq(users.id, check.userId));
    await endOpenTokens(tx, { userId: check.userId, purpose: "password_reset", now: check.now });
  });
  return ok({ message: "Password changed. Your other devices are signed out." });
}

async function emailTakenBy(db: Db | Tx, { email, userId }: { email: string; userId: string }) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), ne(users.id, userId)));
  return Boolean(row);
}

/**
 * Asks to move the account to a new email: a link goes to the new address (in the transaction that stores its
 * hash); the account keeps its email until the link is used. A newer request ends the older link.
 */
export async function requestEmailChange(
  db: Db,
  limiter: RateLimiter,
  { email, origin, ...check }: PasswordCheck & { email: string; origin: string },
): Promise<Result<{ message: string; newEmail: string }>> {
  const checked = await checkCurrentPassword(db, limiter, check);
  if (!checked.ok) return checked;
  const { user } = checked;
  if (user.email.toLowerCase() === email) return invalid({ email: ["That's already your email."] });
  if (await emailTakenBy(db, { email, userId: user.id })) return invalid({ email: [EMAIL_TAKEN] });
  await db.transaction(async (tx) => {
    const link = await issueAuthToken(tx, {
      userId: user.id,
      purpose: "email_change",
      newEmail: email,
      now: check.now,
    });
    const url = `${origin}/account/confirm-email?token=${link.token}`;
    await enqueueLinkMail({
      tx,
      kind: "email_change",
      to: email,
      name: user.name,
      link: { id: link.id, url, expiresAt: link.expiresAt },
    });
  });
  return ok({
    newEmail: email,
    message: `We've sent a link to ${email}. Your email changes when you open it (within ${EMAIL_CHANGE_LINK_HOURS} hours).`,
  });
}

export type ConfirmEmailChangeResult = Result<
  { email: string; name: string },
  TokenRefusalCode | "email_taken"
>;

/**
 * Uses an email-change link, signed in as its account: the token's compare-and-set and the new email in one
 * transaction. A taken email is refused here too, with the unique index (lower(email)) as the last word when two
 * accounts confirm the same address at once. The old address gets a notice; reset links sent to it end.
 */
export async function confirmEmailChange(
  db: Db,
  { token, userId, now }: { token: string; userId: string; now: Date },
): Promise<ConfirmEmailChangeResult> {
  return refusable(() =>
    db.transaction(async (tx) => {
      const used = await consumeAuthToken(tx, { token, purpose: "email_change", userId, now });
      if (!used.ok) throw new Refusal(used);
      const newEmail = used.token.newEmail ?? "";
      const [before] = await tx
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(eq(users.id, userId));
      if (!before) throw new Error("an email-change token outlived its account");
      if (await emailTakenBy(tx, { email: newEmail, userId })) throw new Refusal(emailTaken());
      try {
        await tx.update(users).set({ email: newEmail }).where(eq(users.id, userId));
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) throw new Refusal(emailTaken());
        throw error;
      }
      await endOpenTokens(tx, { userId, purpose: "password_reset", now });
      await enqueueEmailChangedNotice({
        tx,
        tokenId: used.token.id,
        name: before.name,
        oldEmail: before.email,
        newEmail,
        now,
      });
      return ok({ email: newEmail, name: before.name });
    }),
  ) as Promise<ConfirmEmailChangeResult>;
}

const emailTaken = () =>
  fail("email_taken", `${EMAIL_TAKEN} Nothing was changed: your account keeps its current email.`);
