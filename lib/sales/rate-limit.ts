import { getRateLimiter, type RateLimiter, type RateLimitRule } from "@/lib/rate-limit/limiter";
import { fail, type Result } from "@/lib/result";

/**
 * Bot defence for register and reserve: token buckets per account and per IP (the limiter itself is
 * lib/rate-limit/limiter.ts, shared with sign-in and sign-up; re-exported here for the sales modules and tests).
 */
export {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  type RateLimiter,
  type RateLimitResult,
  type RateLimitRule,
} from "@/lib/rate-limit/limiter";

/** Reserve allows a burst of clicks and retries, then one a second; IPs are generous because campuses share them. */
export const SALE_RATE_LIMITS = {
  reserve: {
    account: { capacity: 5, refillPerSecond: 1 },
    ip: { capacity: 120, refillPerSecond: 30 },
  },
  register: {
    account: { capacity: 5, refillPerSecond: 0.2 },
    ip: { capacity: 60, refillPerSecond: 5 },
  },
} as const satisfies Record<string, { account: RateLimitRule; ip: RateLimitRule }>;

export type SaleRateLimitResult = Result<object, "rate_limited">;

/** Checks the per-IP then the per-account bucket of an action; the caller answers 429 with `Retry-After`. */
export async function checkSaleRateLimit(
  limiter: RateLimiter,
  {
    action,
    userId,
    ip,
    now,
  }: { action: keyof typeof SALE_RATE_LIMITS; userId: string; ip: string | null; now: Date },
): Promise<SaleRateLimitResult> {
  const rules = SALE_RATE_LIMITS[action];
  const checks: [string, RateLimitRule][] = [
    ...(ip ? ([[`${action}:ip:${ip}`, rules.ip]] as [string, RateLimitRule][]) : []),
    [`${action}:user:${userId}`, rules.account],
  ];
  for (const [key, rule] of checks) {
    const result = await limiter.take(key, rule, now);
    if (!result.ok) {
      const wait = result.retryAfterSeconds === 1 ? "a second" : `${result.retryAfterSeconds} seconds`;
      return fail("rate_limited", `Too many tries in a short time. Please wait ${wait} and try again.`, {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
  }
  return { ok: true };
}

/** The process's limiter (lib/rate-limit/limiter.ts): shared through Redis when REDIS_URL is set, else in memory. */
export function getSaleRateLimiter(): RateLimiter {
  return getRateLimiter();
}
