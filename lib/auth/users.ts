import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type UserRole, users } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/limits";
import { enqueueWelcomeMail } from "@/lib/mail/events";
import type { RateLimiter } from "@/lib/rate-limit/limiter";
import { checkReferralCode, type ReferralCode, recordReferral } from "@/lib/referrals/referrals";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { beginSignInAttempt, checkSignUpRateLimit, whenAllowed } from "./throttle";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** An email as accounts keep it: trimmed and lower-cased (the unique index is on lower(email)). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email("Enter a valid email address."));

/** The name an account goes by (sign-up and the profile). */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Tell us your name.")
  .max(MAX_DISPLAY_NAME_LENGTH, `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters.`);

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
  /** The referral code of the friend whose share link brought them (optional). */
  ref: z.string().trim().max(32, "A referral code has 8 letters and digits.").optional(),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export type CreateUserResult = Result<{ user: SessionUser }, "email_taken">;

const emailTaken = (): Failure<"email_taken"> =>
  fail("email_taken", "Please check the highlighted fields.", {
    fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
  });

/** A shopper's account and its welcome mail, in one transaction: the mail exists only if the account does. */
export async function createUser(
  db: Db,
  {
    input,
    now,
    onCreated,
  }: {
    input: SignUpInput;
    now: Date;
    /** More to write in the same transaction once the account exists (a referral). */
    onCreated?: (tx: Tx, user: SessionUser) => Promise<void>;
  },
): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: "shopper" })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (created) {
      await enqueueWelcomeMail({ tx, user: created, now });
      await onCreated?.(tx, created);
    }
    return created;
  });
  if (!row) return emailTaken();
  return { ok: true, user: row };
}

export type SignUpResult = Result<{ email: string }, "rate_limited" | ReferralCode>;

/**
 * Sign-up as the form sees it: throttled per address, and the same answer whether or not the email already had an
 * account — same words, same work (a bcrypt hash and an insert either way), so the answer does not tell who
 * shops here. The form then signs in with what was typed: a new account opens; an existing one opens only with its
 * own password, and otherwise the person reads the sign-in's usual "email or password is incorrect" — which is
 * also what a stranger reads for an email that has no account.
 */
export async function signUp(
  db: Db,
  limiter: RateLimiter,
  { input, ip, now }: { input: SignUpInput; ip: string; now: Date },
): Promise<SignUpResult> {
  return whenAllowed(checkSignUpRateLimit(limiter, { ip, now }), async () => {
    let onCreated: ((tx: Tx, user: SessionUser) => Promise<void>) | undefined;
    if (input.ref) {
      // Checked before anything is written: a code of one's own, or one nobody has, is refused with a reason.
      const referral = await checkReferralCode(db, { code: input.ref, email: input.email });
      if (!referral.ok) return referral;
      onCreated = (tx, user) =>
        recordReferral(tx, { friendId: user.id, referrerId: referral.referrerId, now });
    }
    await createUser(db, { input, now, ...(onCreated ? { onCreated } : {}) });
    return ok({ email: input.email });
  });
}

export type SignInResult = Result<{ user: SessionUser }, "invalid_credentials" | "rate_limited">;

/** A password sign-in, throttled per account and per address (./throttle.ts); during a cooldown even the right
 * password is refused, with when to try again. */
export async function signInWithPassword(
  db: Db,
  limiter: RateLimiter,
  { email, password, ip, now }: { email: string; password: string; ip: string; now: Date },
): Promise<SignInResult> {
  const begun = await beginSignInAttempt(limiter, { email, ip, now });
  if (!begun.ok) return begun;
  const user = await verifyCredentials(db, { email, password });
  await begun.attempt.settle(user !== null);
  return user ? ok({ user }) : fail("invalid_credentials", "Email or password is incorrect.");
}

/** The account with this email, compared as the store stores emails (trimmed, any case), or null. */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  return row ?? null;
}

export async function verifyCredentials(
  db: Db,
  { email, password }: { email: string; password: string },
): Promise<SessionUser | null> {
  const row = await findUserByEmail(db, email);
  if (!row) {
    // Same cost as a real check, so response time does not reveal which emails exist.
    await verifyPassword(password, DUMMY_HASH);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash))) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function getUserById(db: Db, { userId }: { userId: string }): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/**
 * The account behind a session, fresh from the database, or null when it is gone or the session signed in before
 * its password last changed (`sessions_valid_after`; `authAt` is when the session signed in, in ms).
 */
export async function getSessionAccount(
  db: Db,
  { userId, authAt }: { userId: string; authAt: number | undefined },
): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      sessionsValidAfter: users.sessionsValidAfter,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) return null;
  const { sessionsValidAfter, ...user } = row;
  if (sessionsValidAfter && (authAt ?? 0) < sessionsValidAfter.getTime()) return null;
  return user;
}

/**
 * The moment sessions end when a password changes. Real time, not the store's (test) clock: sessions are stamped
 * with real time when they sign in (`authAt`, like the JWT's own iat), and the two are compared.
 */
export function sessionsEndNow(): Date {
  return new Date();
}

const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8k1Q0Y8lQnJp6C2Dl0g1YxZL3W6mC2";

/**
 * Makes one account's writes take turns inside a transaction (checkout, address book): a row lock on the user
 * that still lets other tables insert rows referencing it (FOR NO KEY UPDATE).
 */
export async function lockAccount(tx: Tx, { userId }: { userId: string }): Promise<void> {
  await tx.execute(sql`select 1 from users where id = ${userId}::uuid for no key update`);
}
