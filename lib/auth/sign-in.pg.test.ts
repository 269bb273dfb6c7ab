import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { DEMO_PASSWORDS } from "@/db/seed-data";
import { getOrderForUser } from "@/lib/checkout/orders";
import { createMemoryRateLimiter } from "@/lib/rate-limit/limiter";
import { openSeededPostgres } from "@/tests/helpers/db";
import { signInWithPassword, signUp } from "./users";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
});
afterAll(async () => {
  await handle?.close();
});

const t = (seconds: number) => new Date(Date.UTC(2030, 0, 1) + seconds * 1000);
const SHOPPER = "shopper@example.com";

describe("sign-in throttle (PostgreSQL)", () => {
  it("cools an account down after 5 wrong passwords: the right one is refused too, with when to retry", async () => {
    const limiter = createMemoryRateLimiter();
    const attempt = (password: string, at: number, ip = "198.51.100.1") =>
      signInWithPassword(handle.db, limiter, { email: SHOPPER, password, ip, now: t(at) });
    expect(await attempt(DEMO_PASSWORDS.shopper, 0)).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++) {
      expect(await attempt("wrong-password-1", 1)).toMatchObject({ ok: false, code: "invalid_credentials" });
    }
    // From another address as well: the account's bucket is empty.
    const refused = await attempt(DEMO_PASSWORDS.shopper, 2, "203.0.113.9");
    expect(refused).toMatchObject({
      ok: false,
      code: "rate_limited",
      message: expect.stringMatching(/try again in 3 minutes/),
    });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(60);
    // Case and spaces do not make a fresh account bucket.
    expect(
      await signInWithPassword(handle.db, limiter, {
        email: ` ${SHOPPER.toUpperCase()} `,
        password: DEMO_PASSWORDS.shopper,
        ip: "203.0.113.10",
        now: t(2),
      }),
    ).toMatchObject({ code: "rate_limited" });
    // After the wait, the right password works again.
    expect(await attempt(DEMO_PASSWORDS.shopper, 2 + 180)).toMatchObject({ ok: true });
  });

  it("limits one address spraying many accounts, known or not, and only failures count", async () => {
    const limiter = createMemoryRateLimiter();
    const ip = "198.51.100.2";
    // More right passwords than the address's capacity: they are given back, so they never use it up.
    for (let i = 0; i < 35; i++) {
      const ok = await signInWithPassword(handle.db, limiter, {
        email: SHOPPER,
        password: DEMO_PASSWORDS.shopper,
        ip,
        now: t(0),
      });
      expect(ok.ok).toBe(true);
    }
    const results = [];
    for (let i = 0; i < 31; i++) {
      results.push(
        await signInWithPassword(handle.db, limiter, {
          email: `nobody-${i}@example.com`,
          password: "wrong-password-1",
          ip,
          now: t(0),
        }),
      );
    }
    expect(results.slice(0, 30).every((r) => !r.ok && r.code === "invalid_credentials")).toBe(true);
    expect(results[30]).toMatchObject({ ok: false, code: "rate_limited" });
  });
});

describe("sign-up (PostgreSQL)", () => {
  it("answers the same for a taken email as for a new one, and the new account signs in", async () => {
    const limiter = createMemoryRateLimiter();
    const input = (email: string) => ({ name: "Fan", email, password: "kite-fan-2026!" });
    const taken = await signUp(handle.db, limiter, { input: input(SHOPPER), ip: "198.51.100.3", now: t(0) });
    const fresh = await signUp(handle.db, limiter, {
      input: input("new-fan@example.com"),
      ip: "198.51.100.3",
      now: t(0),
    });
    expect(taken).toEqual({ ok: true, email: SHOPPER });
    expect(fresh).toEqual({ ok: true, email: "new-fan@example.com" });
    expect(Object.keys(taken)).toEqual(Object.keys(fresh));
    // The taken account keeps its own password; the new one opens with what was typed.
    const signIn = (email: string, password: string) =>
      signInWithPassword(handle.db, limiter, { email, password, ip: "198.51.100.4", now: t(0) });
    expect(await signIn(SHOPPER, "kite-fan-2026!")).toMatchObject({ code: "invalid_credentials" });
    expect(await signIn(SHOPPER, DEMO_PASSWORDS.shopper)).toMatchObject({ ok: true });
    expect(await signIn("new-fan@example.com", "kite-fan-2026!")).toMatchObject({ ok: true });
  });

  it("limits accounts created from one address", async () => {
    const limiter = createMemoryRateLimiter();
    const results = [];
    for (let i = 0; i < 31; i++) {
      results.push(
        await signUp(handle.db, limiter, {
          input: { name: "Farm", email: `farm-${i}@example.com`, password: "kite-fan-2026!" },
          ip: "198.51.100.5",
          now: t(0),
        }),
      );
    }
    expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
    expect(results[30]).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 20 });
    // Another address is not affected.
    expect(
      await signUp(handle.db, limiter, {
        input: { name: "Fan", email: "elsewhere@example.com", password: "kite-fan-2026!" },
        ip: "198.51.100.6",
        now: t(0),
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("ids that only look like ids (PostgreSQL)", () => {
  it("an order id of 36 dashes is not found, not a database error", async () => {
    const userId = "00000000-0000-4000-8000-000000000000";
    await expect(getOrderForUser(handle.db, { orderId: "-".repeat(36), userId })).resolves.toBeNull();
    await expect(getOrderForUser(handle.db, { orderId: "a".repeat(36), userId })).resolves.toBeNull();
  });
});
