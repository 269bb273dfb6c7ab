import { createRedisFallback, defineLuaScript, getRedis, type RedisClient } from "@/lib/redis";
import { fail, type Result } from "@/lib/result";

/**
 * Bot defence for register and reserve: token buckets per account and per IP. A bucket holds up to `capacity`
 * tokens and refills at `refillPerSecond`; each request takes one, and a refused request learns how long to wait
 * (for `Retry-After`).
 *
 * The in-memory limiter serves one instance. Several instances must share buckets, so with REDIS_URL the Redis
 * limiter implements the same interface with one Lua script per take (read tokens and time, refill, take, write
 * back with a PEXPIRE of a full refill), keeping the check to one round trip.
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

/**
 * The memory limiter's arithmetic, run inside Redis so that every instance takes from one bucket. `now` comes from
 * the caller (the store's clock, which tests and the QA clock move); PEXPIRE is only garbage collection.
 * Numbers are written with %.17g so a bucket reads back exactly what was stored.
 */
const TAKE_TOKEN = defineLuaScript(`
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
local at = now
if saved[1] then
  at = tonumber(saved[2])
  tokens = math.min(capacity, tonumber(saved[1]) + (math.max(0, now - at) / 1000) * rate)
end
if tokens < 1 then
  return {0, math.max(1, math.ceil((1 - tokens) / rate))}
end
tokens = tokens - 1
redis.call('HSET', KEYS[1],
  'tokens', string.format('%.17g', tokens),
  'at', string.format('%.17g', math.max(now, at)))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000))
return {1, math.floor(tokens)}
`);

/**
 * Buckets shared by every instance that uses the same Redis and prefix. If Redis does not answer, the take fails
 * open to this instance's memory limiter rather than turning the request into a 500: the buckets are bot defence,
 * and the stock itself is guarded by PostgreSQL.
 */
export function createRedisRateLimiter({
  client,
  prefix = "kite:rate:",
  fallback = createMemoryRateLimiter(),
}: {
  client: RedisClient;
  prefix?: string;
  fallback?: RateLimiter;
}): RateLimiter {
  const withFallback = createRedisFallback("rate limits");
  return {
    take(key, rule, now) {
      return withFallback(
        client,
        async (c) => {
          const args = [String(rule.capacity), String(rule.refillPerSecond), String(now.getTime())];
          const [ok, n] = (await TAKE_TOKEN(c, [prefix + key], args)) as [number, number];
          return ok === 1 ? { ok: true, remaining: n } : { ok: false, retryAfterSeconds: n };
        },
        () => fallback.take(key, rule, now),
      );
    },
  };
}

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

const globalLimiter = globalThis as unknown as { __kiteSaleLimiter?: RateLimiter };

/**
 * The process's limiter: shared through Redis when REDIS_URL is set, else in memory. Kept on globalThis: route
 * handlers and actions are separate bundles.
 */
export function getSaleRateLimiter(): RateLimiter {
  if (!globalLimiter.__kiteSaleLimiter) {
    const client = getRedis();
    globalLimiter.__kiteSaleLimiter = client ? createRedisRateLimiter({ client }) : createMemoryRateLimiter();
  }
  return globalLimiter.__kiteSaleLimiter;
}
