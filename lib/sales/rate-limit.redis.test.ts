import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openUnreachableRedis, setupRedisLimiterPair } from "@/tests/helpers/redis";
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from "./rate-limit";

const t = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);

/** Two limiters on two connections: two app instances. */
const limiters = setupRedisLimiterPair();
const { redis } = limiters;
let a: RateLimiter;
let b: RateLimiter;

beforeEach(() => {
  ({ a, b } = limiters);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Redis token-bucket rate limits", () => {
  it("two instances take from one bucket: the 6th take across both is refused", async () => {
    const rule = { capacity: 5, refillPerSecond: 1 };
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await (i % 2 === 0 ? a : b).take("k", rule, t(0)));
    expect(results.slice(0, 5)).toEqual([4, 3, 2, 1, 0].map((remaining) => ({ ok: true, remaining })));
    expect(results[5]).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await a.take("k", rule, t(0))).toMatchObject({ ok: false });

    // Concurrent takes from both instances: the script is atomic, so exactly `capacity` win.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take("burst", rule, t(0))),
    );
    expect(burst.filter((r) => r.ok)).toHaveLength(5);
    for (const r of burst.filter((x) => !x.ok)) {
      expect(r.ok === false && r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it("refills by the `now` it is given, up to capacity, and says how long to wait", async () => {
    const rule = { capacity: 5, refillPerSecond: 0.2 };
    for (let i = 0; i < 5; i++) expect((await a.take("k", rule, t(0))).ok).toBe(true);
    expect(await b.take("k", rule, t(0))).toEqual({ ok: false, retryAfterSeconds: 5 });
    expect(await b.take("k", rule, t(4000))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await b.take("k", rule, t(5000))).toEqual({ ok: true, remaining: 0 });
    expect((await a.take("k", rule, t(5000))).ok).toBe(false);
    expect(await a.take("k", rule, t(3_600_000))).toEqual({ ok: true, remaining: 4 });
    // Other keys are independent.
    expect(await a.take("other", rule, t(0))).toEqual({ ok: true, remaining: 4 });
  });

  it("expires a bucket after a full refill (PEXPIRE)", async () => {
    const [client] = redis.clients;
    const rule = { capacity: 5, refillPerSecond: 1 };
    await a.take("k", rule, t(0));
    const one = await client?.pTTL(`${redis.prefix}k`);
    expect(one).toBeGreaterThan(0);
    expect(one).toBeLessThanOrEqual(1000);
    for (let i = 0; i < 4; i++) await b.take("k", rule, t(0));
    expect(await client?.pTTL(`${redis.prefix}k`)).toBeGreaterThan(4000);
  });

  it("answers exactly as the memory limiter does, take for take", async () => {
    const memory = createMemoryRateLimiter();
    const rules = [
      { capacity: 5, refillPerSecond: 1 },
      { capacity: 3, refillPerSecond: 0.3 },
      { capacity: 10, refillPerSecond: 7 },
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let ms = 0;
    for (let i = 0; i < 300; i++) {
      // Mostly forward, sometimes a little back (instances' clocks differ); fast enough to drain the buckets.
      ms += Math.floor(random() * 250) - (random() < 0.15 ? 200 : 0);
      const rule = rules[i % rules.length];
      if (!rule) continue;
      const key = `k${i % rules.length}`;
      const shared = await (random() < 0.5 ? a : b).take(key, rule, t(ms));
      expect(shared, `take ${i} at ${ms} ms`).toEqual(await memory.take(key, rule, t(ms)));
    }
  });

  it("fails open to the instance's memory when Redis does not answer, and says so once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = await openUnreachableRedis();
    try {
      const limiter = createRedisRateLimiter({ client, prefix: redis.prefix });
      const rule = { capacity: 5, refillPerSecond: 1 };
      const started = Date.now();
      const results = [];
      for (let i = 0; i < 6; i++) results.push(await limiter.take("k", rule, t(0)));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
      expect(results[5]).toEqual({ ok: false, retryAfterSeconds: 1 });
      const fallbackWarnings = warn.mock.calls.filter((args) => String(args[0]).includes("rate limits"));
      expect(fallbackWarnings).toHaveLength(1);
    } finally {
      client.destroy();
    }
  });
});
