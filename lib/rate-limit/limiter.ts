import {
  createRedisFallback,
  defineLuaScript,
  getRedis,
  type RedisClient,
  redisKeyPrefix,
} from "@/lib/redis";

/**
 * Token buckets for every limit of the store (sales' register and reserve, sign-in, sign-up). A bucket holds up
 * to `capacity` tokens and refills at `refillPerSecond`; each request takes one, and a refused request learns how
 * long to wait (for `Retry-After` and the message). `refund` gives a token back (a sign-in that turned out right).
 *
 * The in-memory limiter serves one instance. Several instances must share buckets, so with REDIS_URL the Redis
 * limiter implements the same interface with one Lua script per call (read tokens and time, refill, take, write
 * back with a PEXPIRE of a full refill), keeping the check to one round trip.
 */

export interface RateLimitRule {
  capacity: number;
  refillPerSecond: number;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult>;
  /** Gives back one token taken earlier (never beyond capacity). */
  refund(key: string, rule: RateLimitRule, now: Date): Promise<void>;
}

/** A bucket to take from: its key and its rule. */
export type RateLimitBucket = readonly [key: string, rule: RateLimitRule];

/**
 * Takes one token from each bucket. If any refuses, the tokens taken from the others are given back (a refused
 * request does no work, so it costs nothing) and the answer is the longest wait. On success `giveBack` returns
 * them all (a request that turned out not to count).
 */
export async function takeEach(
  limiter: RateLimiter,
  buckets: readonly RateLimitBucket[],
  now: Date,
): Promise<{ ok: true; giveBack: () => Promise<void> } | { ok: false; retryAfterSeconds: number }> {
  const taken: RateLimitBucket[] = [];
  const giveBack = async () => {
    await Promise.all(taken.map(([key, rule]) => limiter.refund(key, rule, now)));
  };
  let wait = 0;
  for (const bucket of buckets) {
    const result = await limiter.take(bucket[0], bucket[1], now);
    if (result.ok) taken.push(bucket);
    else wait = Math.max(wait, result.retryAfterSeconds);
  }
  if (wait > 0) {
    await giveBack();
    return { ok: false, retryAfterSeconds: wait };
  }
  return { ok: true, giveBack };
}

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
    async refund(key, rule, now) {
      const current = buckets.get(key);
      if (!current) return;
      const t = now.getTime();
      const tokens = Math.min(rule.capacity, refilled(current, t) + 1);
      if (tokens >= rule.capacity) buckets.delete(key);
      else buckets.set(key, { tokens, at: Math.max(t, current.at), rule });
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

/** One token back, capped at capacity; a bucket that is full again is simply dropped. */
const REFUND_TOKEN = defineLuaScript(`
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
if not saved[1] then return 0 end
local at = tonumber(saved[2])
local tokens = math.min(capacity, tonumber(saved[1]) + (math.max(0, now - at) / 1000) * rate + 1)
if tokens >= capacity then
  redis.call('DEL', KEYS[1])
  return 1
end
redis.call('HSET', KEYS[1],
  'tokens', string.format('%.17g', tokens),
  'at', string.format('%.17g', math.max(now, at)))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate * 1000))
return 1
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
    async refund(key, rule, now) {
      await withFallback(
        client,
        async (c) => {
          const args = [String(rule.capacity), String(rule.refillPerSecond), String(now.getTime())];
          await REFUND_TOKEN(c, [prefix + key], args);
        },
        () => fallback.refund(key, rule, now),
      );
    },
  };
}

const globalLimiter = globalThis as unknown as { __kiteSaleLimiter?: RateLimiter };

/**
 * The process's limiter: shared through Redis when REDIS_URL is set, else in memory. Kept on globalThis: route
 * handlers and actions are separate bundles.
 */
export function getRateLimiter(): RateLimiter {
  if (!globalLimiter.__kiteSaleLimiter) {
    const client = getRedis();
    globalLimiter.__kiteSaleLimiter = client
      ? createRedisRateLimiter({ client, prefix: redisKeyPrefix("rate") })
      : createMemoryRateLimiter();
  }
  return globalLimiter.__kiteSaleLimiter;
}
