/**
 * Bot defence for register and reserve: token buckets per account and per IP. A bucket holds up to `capacity`
 * tokens and refills at `refillPerSecond`; each request takes one, and a refused request learns how long to wait
 * (for `Retry-After`).
 *
 * The in-memory limiter serves one instance. Several instances must share buckets, so with REDIS_URL production
 * plugs a Redis implementation into the same interface (one Lua script per take: read tokens and time, refill,
 * take, write back with a PEXPIRE of a full refill), keeping the check to one round trip.
 */

export interface RateLimitRule {
  capacity: number;
  refillPerSecond: number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult>;
}

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

export function createMemoryRateLimiter({ maxKeys = 100_000 }: { maxKeys?: number } = {}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number; rule: RateLimitRule }>();

  function refilled(b: { tokens: number; at: number; rule: RateLimitRule }, t: number): number {
    return Math.min(b.rule.capacity, b.tokens + (Math.max(0, t - b.at) / 1000) * b.rule.refillPerSecond);
  }

  function evict(t: number) {
    for (const [key, b] of buckets) {
      if (refilled(b, t) >= b.rule.capacity) buckets.delete(key);
    }
    // Still full: drop the least recently used half rather than grow without bound.
    if (buckets.size >= maxKeys) {
      let drop = Math.ceil(buckets.size / 2);
      for (const key of buckets.keys()) {
        if (drop-- <= 0) break;
        buckets.delete(key);
      }
    }
  }

  return {
    async take(key, rule, now) {
      const t = now.getTime();
      const current = buckets.get(key);
      const tokens = current ? refilled(current, t) : rule.capacity;
      if (tokens < 1 && current) {
        buckets.delete(key);
        buckets.set(key, current);
        const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / rule.refillPerSecond));
        return { ok: false, retryAfterSeconds };
      }
      if (!current && buckets.size >= maxKeys) evict(t);
      // Re-inserting keeps the map in least-recently-used order, so eviction drops idle keys, not busy ones.
      buckets.delete(key);
      buckets.set(key, { tokens: tokens - 1, at: Math.max(t, current?.at ?? t), rule });
      return { ok: true, remaining: Math.floor(tokens - 1) };
    },
  };
}

export type SaleRateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

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
      return {
        ok: false,
        retryAfterSeconds: result.retryAfterSeconds,
        message: `Too many tries in a short time. Please wait ${wait} and try again.`,
      };
    }
  }
  return { ok: true };
}

const globalLimiter = globalThis as unknown as { __kiteSaleLimiter?: RateLimiter };

/** The process's limiter (kept on globalThis: route handlers and actions are separate bundles). */
export function getSaleRateLimiter(): RateLimiter {
  globalLimiter.__kiteSaleLimiter ??= createMemoryRateLimiter();
  return globalLimiter.__kiteSaleLimiter;
}
