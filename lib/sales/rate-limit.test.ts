import { describe, expect, it } from "vitest";
import { checkSaleRateLimit, createMemoryRateLimiter } from "./rate-limit";

const t = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);

describe("token-bucket rate limits", () => {
  it("allows a burst, then one per refill interval, and says how long to wait", async () => {
    const limiter = createMemoryRateLimiter();
    const rule = { capacity: 3, refillPerSecond: 0.5 };
    for (let i = 0; i < 3; i++) expect((await limiter.take("k", rule, t(0))).ok).toBe(true);
    expect(await limiter.take("k", rule, t(0))).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(await limiter.take("k", rule, t(1000))).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect((await limiter.take("k", rule, t(2000))).ok).toBe(true);
    expect((await limiter.take("k", rule, t(2000))).ok).toBe(false);
    // Other keys are independent; a long pause refills to capacity, not beyond.
    expect((await limiter.take("other", rule, t(2000))).ok).toBe(true);
    expect(await limiter.take("k", rule, t(60_000))).toEqual({ ok: true, remaining: 2 });
  });

  it("limits reserve per account and per IP, with a message and Retry-After", async () => {
    const limiter = createMemoryRateLimiter();
    const now = t(0);
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        await checkSaleRateLimit(limiter, { action: "reserve", userId: "u1", ip: "10.0.0.1", now }),
      );
    }
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({
      ok: false,
      retryAfterSeconds: 1,
      message: expect.stringMatching(/wait a second/),
    });
    // Many accounts behind one address share the IP bucket (120 burst).
    let refused = 0;
    for (let i = 0; i < 130; i++) {
      const r = await checkSaleRateLimit(limiter, {
        action: "reserve",
        userId: `n${i}`,
        ip: "10.0.0.2",
        now,
      });
      if (!r.ok) refused += 1;
    }
    expect(refused).toBe(10);
  });

  it("stays bounded in memory without forgetting a busy key", async () => {
    const limiter = createMemoryRateLimiter({ maxKeys: 100 });
    const slow = { capacity: 2, refillPerSecond: 0.001 };
    expect((await limiter.take("bot", slow, t(0))).ok).toBe(true);
    expect((await limiter.take("bot", slow, t(0))).ok).toBe(true);
    for (let i = 0; i < 1000; i++) {
      expect((await limiter.take(`k${i}`, slow, t(i))).ok).toBe(true);
      if (i % 10 === 0) expect((await limiter.take("bot", slow, t(i))).ok).toBe(false);
    }
  });
});
