import { describe, expect, it } from "vitest";
import { setupRedisLimiterPair } from "@/tests/helpers/redis";
import { beginSignInAttempt, checkSignUpRateLimit } from "./throttle";

const t = (seconds: number) => new Date(Date.UTC(2030, 0, 1) + seconds * 1000);
/** Two app instances on one Redis. */
const limiters = setupRedisLimiterPair();
/** Alternates between the two instances. */
const instance = (i: number) => (i % 2 ? limiters.a : limiters.b);

describe("sign-in and sign-up throttles shared through Redis", () => {
  it("failures on two instances add up to one cooldown; a success gives its tokens back", async () => {
    const email = "fan@example.com";
    for (let i = 0; i < 5; i++) {
      const begun = await beginSignInAttempt(instance(i), { email, ip: `198.51.100.${i}`, now: t(0) });
      if (!begun.ok) throw new Error("refused too early");
      await begun.attempt.settle(false);
    }
    expect(await beginSignInAttempt(limiters.a, { email, ip: "203.0.113.1", now: t(1) })).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
    // A correct password gives the tokens back: successes never lock anyone out.
    for (let i = 0; i < 20; i++) {
      const begun = await beginSignInAttempt(instance(i), {
        email: "other@example.com",
        ip: "198.51.100.9",
        now: t(0),
      });
      if (!begun.ok) throw new Error(`success ${i} refused`);
      await begun.attempt.settle(true);
    }
  });

  it("sign-ups from one address are counted across instances", async () => {
    const results = [];
    for (let i = 0; i < 31; i++)
      results.push(await checkSignUpRateLimit(instance(i), { ip: "198.51.100.7", now: t(0) }));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(results[30]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});
