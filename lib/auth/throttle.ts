import { createHash } from "node:crypto";
import { type RateLimiter, type RateLimitRule, takeEach } from "@/lib/rate-limit/limiter";
import { type Failure, fail } from "@/lib/result";

/**
 * Throttles on signing in and signing up (token buckets of lib/rate-limit, in Redis with REDIS_URL so every
 * instance counts together).
 *
 * Sign-in: every attempt takes a token from the account's bucket and the address's before the password is
 * checked, and a correct password gives both back. So only failures count, an attacker's parallel guesses cannot
 * overtake the count, and once a bucket is empty the account (or address) is cooling down: every attempt is
 * refused, the right password included, with the time to wait. Accounts that do not exist get buckets too, so
 * the throttle tells nothing about which emails have accounts.
 *
 * Sign-up: every account created costs a bcrypt hash and is a fresh per-account sale limit, so sign-ups are
 * limited per address.
 *
 * Password reset: every request sends a mail, so requests are limited per email (known or not, so the limit tells
 * nothing) and per address.
 */
export const AUTH_RATE_LIMITS = {
  signIn: {
    /** 5 wrong passwords in a row, then one more try every 3 minutes (≈ 480 guesses a day at most). */
    account: { capacity: 5, refillPerSecond: 1 / 180 },
    /** Generous for shared addresses (campuses, offices), still a ceiling on spraying many accounts. */
    ip: { capacity: 30, refillPerSecond: 1 / 10 },
  },
  signUp: {
    ip: { capacity: 30, refillPerSecond: 1 / 20 },
  },
  passwordReset: {
    /** 3 reset mails to one address, then one every 10 minutes: a mailbox is never flooded. */
    account: { capacity: 3, refillPerSecond: 1 / 600 },
    ip: { capacity: 20, refillPerSecond: 1 / 30 },
  },
} as const satisfies Record<string, Record<string, RateLimitRule>>;

/** "a second", "40 seconds", "3 minutes": the wait a person reads. */
export function formatWait(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "a minute" : `${minutes} minutes`;
}

/** An email as a bucket key. Hashed: the limiter's keys (in Redis too) never hold an email address. */
export function emailKey(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22);
}

export interface SignInAttempt {
  /** Report how the password check went: a success gives the tokens back. */
  settle(succeeded: boolean): Promise<void>;
}

/** Takes a sign-in attempt from the account's and the address's buckets, or refuses with when to retry. */
export async function beginSignInAttempt(
  limiter: RateLimiter,
  { email, ip, now }: { email: string; ip: string; now: Date },
): Promise<{ ok: true; attempt: SignInAttempt } | Failure<"rate_limited">> {
  const rules = AUTH_RATE_LIMITS.signIn;
  // A refused attempt checks no password, so it costs nothing from the other bucket either (takeEach).
  const taken = await takeEach(
    limiter,
    [
      [`signin:account:${emailKey(email)}`, rules.account],
      [`signin:ip:${ip}`, rules.ip],
    ],
    now,
  );
  if (!taken.ok) {
    const wait = taken.retryAfterSeconds;
    return fail(
      "rate_limited",
      `Too many sign-in attempts. For your security, try again in ${formatWait(wait)}.`,
      { retryAfterSeconds: wait },
    );
  }
  return {
    ok: true,
    attempt: {
      async settle(succeeded) {
        if (succeeded) await taken.giveBack();
      },
    },
  };
}

/** The opening every throttled request shares: `work` runs once `check` lets it through, else the refusal answers. */
export async function whenAllowed<T>(
  check: Promise<{ ok: true } | Failure<"rate_limited">>,
  work: () => Promise<T>,
): Promise<T | Failure<"rate_limited">> {
  const allowed = await check;
  return allowed.ok ? work() : allowed;
}

/** One sign-up from this address, or a refusal saying when to retry. */
export async function checkSignUpRateLimit(
  limiter: RateLimiter,
  { ip, now }: { ip: string; now: Date },
): Promise<{ ok: true } | Failure<"rate_limited">> {
  const result = await limiter.take(`signup:ip:${ip}`, AUTH_RATE_LIMITS.signUp.ip, now);
  if (result.ok) return { ok: true };
  return fail(
    "rate_limited",
    `Too many new accounts from your network. Please try again in ${formatWait(result.retryAfterSeconds)}.`,
    { retryAfterSeconds: result.retryAfterSeconds },
  );
}

/** One reset request for this email from this address, or a refusal saying when to retry. Both buckets are taken:
 * a request refused by one still costs the other, so a flood from one address drains its own bucket. */
export async function checkPasswordResetRateLimit(
  limiter: RateLimiter,
  { email, ip, now }: { email: string; ip: string; now: Date },
): Promise<{ ok: true } | Failure<"rate_limited">> {
  const rules = AUTH_RATE_LIMITS.passwordReset;
  const results = await Promise.all([
    limiter.take(`reset:account:${emailKey(email)}`, rules.account, now),
    limiter.take(`reset:ip:${ip}`, rules.ip, now),
  ]);
  const wait = Math.max(0, ...results.map((r) => (r.ok ? 0 : r.retryAfterSeconds)));
  if (wait === 0) return { ok: true };
  return fail(
    "rate_limited",
    `Too many reset requests. Please try again in ${formatWait(wait)}, and check your inbox (and spam folder) for the links already sent.`,
    { retryAfterSeconds: wait },
  );
}
