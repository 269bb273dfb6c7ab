import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, pointsAccounts, pointsEntries, referrals, users } from "@/db/schema";
import { signUp } from "@/lib/auth/users";
import { getPointsSummary } from "@/lib/points/ledger";
import { REFERRAL_POINTS } from "@/lib/points/rules";
import { createMemoryRateLimiter } from "@/lib/rate-limit/limiter";
import { submitCard } from "@/stripe-local/testing";
import { giveAddress } from "@/tests/helpers/addresses";
import { withCheckoutEnv } from "@/tests/helpers/checkout";
import { checkReferralCode, normaliseEmailForReferral } from "./referrals";

/**
 * Share to friends on real PostgreSQL: a friend who signs up through a fan's code and pays a first order earns
 * the fan points once; one's own code, an unknown one or a loop is refused with nothing written; a first order
 * to the referrer's own address earns nothing.
 */

const env = withCheckoutEnv({ secret: "whsec_referral_tests", poolMax: 6, currency: "CNY" });
const limiter = createMemoryRateLimiter();

const OTHER_ADDRESS = {
  recipientName: "Zhang Min",
  mobile: "13900139000",
  province: "Shanghai",
  city: "Shanghai",
  district: "Pudong",
  street: "7 Century Avenue, Room 501",
  postcode: "200120",
};

async function emailOf(userId: string) {
  const [row] = await env.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? "";
}

async function signUpWith(email: string, ref: string) {
  return signUp(env.db, limiter, {
    input: { name: "Friend Fan", email, password: "kite-fan-2026!", ref },
    ip: `203.0.113.${Math.floor(Math.random() * 200)}`,
    now: new Date(),
  });
}

async function userIdOf(email: string) {
  const [row] = await env.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

async function payFirstOrder(userId: string) {
  await env.addOne(userId);
  const started = await env.start(userId);
  if (!started.ok) throw new Error(started.message);
  const [order] = await env.db.select().from(orders).where(eq(orders.id, started.orderId));
  expect((await submitCard(started.url, "4242 4242 4242 4242")).status).toBe(303);
  const events = await env.stripeEventsFor(order?.stripeSessionId ?? "", "checkout.session.completed");
  for (const event of events) {
    await env.deliver(event);
    await env.deliver(event);
  }
  return started.orderId;
}

async function referralPointsOf(userId: string) {
  const rows = await env.db.select().from(pointsEntries).where(eq(pointsEntries.userId, userId));
  return rows.filter((r) => r.reason === "referral");
}

describe("share to friends", () => {
  it("normalises emails as people: case, +tags, Gmail's dots", () => {
    expect(normaliseEmailForReferral("Fan.One+kite@GMAIL.com")).toBe("fanone@gmail.com");
    expect(normaliseEmailForReferral("fanone@googlemail.com")).toBe("fanone@gmail.com");
    expect(normaliseEmailForReferral("fan.one+x@example.com")).toBe("fan.one@example.com");
  });

  it("a friend's first paid order credits the referrer once; later orders and a webhook twice add nothing", async () => {
    const referrer = await env.newShopper();
    const { referralCode } = await getPointsSummary(env.db, { userId: referrer });
    const email = `friend-${randomUUID()}@example.com`;
    expect(await signUpWith(email, referralCode.toLowerCase())).toMatchObject({ ok: true });
    const friend = await userIdOf(email);
    if (!friend) throw new Error("friend not created");
    expect(await env.db.select().from(referrals).where(eq(referrals.friendId, friend))).toMatchObject([
      { referrerId: referrer, creditedAt: null },
    ]);
    await giveAddress(env.db, { userId: friend, raw: OTHER_ADDRESS });
    const first = await payFirstOrder(friend);
    await payFirstOrder(friend);
    expect(await referralPointsOf(referrer)).toMatchObject([
      { amount: REFERRAL_POINTS, cause: `friend:${friend}`, orderId: first },
    ]);
    const [account] = await env.db.select().from(pointsAccounts).where(eq(pointsAccounts.userId, referrer));
    expect(account).toMatchObject({ balance: REFERRAL_POINTS, lifetimeEarned: REFERRAL_POINTS });
  });

  it("one's own code (same email once normalised), an unknown code, a loop: refused, nothing written", async () => {
    const referrer = await env.newShopper();
    const { referralCode } = await getPointsSummary(env.db, { userId: referrer });
    const own = (await emailOf(referrer)).replace("@", "+second@");
    const before = (await env.db.select({ id: users.id }).from(users)).length;
    expect(await signUpWith(own, referralCode)).toMatchObject({
      ok: false,
      code: "referral_self",
      fieldErrors: { ref: [expect.stringMatching(/your own referral link/)] },
    });
    expect(await signUpWith(`x-${randomUUID()}@example.com`, "ZZZZZZZZ")).toMatchObject({
      ok: false,
      code: "referral_unknown",
    });
    expect(await signUpWith(`x-${randomUUID()}@example.com`, "<script>")).toMatchObject({
      ok: false,
      code: "referral_unknown",
    });
    expect((await env.db.select({ id: users.id }).from(users)).length).toBe(before);
    expect(
      await checkReferralCode(env.db, { code: referralCode, email: "a@b.example", userId: referrer }),
    ).toMatchObject({ ok: false, code: "referral_self" });

    // B came through A's link; B's code offered to A is a loop.
    const friendEmail = `friend-${randomUUID()}@example.com`;
    expect(await signUpWith(friendEmail, referralCode)).toMatchObject({ ok: true });
    const friend = await userIdOf(friendEmail);
    if (!friend) throw new Error("friend not created");
    const friendCode = (await getPointsSummary(env.db, { userId: friend })).referralCode;
    expect(
      await checkReferralCode(env.db, { code: friendCode, email: await emailOf(referrer), userId: referrer }),
    ).toMatchObject({ ok: false, code: "referral_loop" });
  });

  it("a first order to the referrer's own address earns nothing, and says why", async () => {
    const referrer = await env.newShopper();
    const { referralCode } = await getPointsSummary(env.db, { userId: referrer });
    const email = `friend-${randomUUID()}@example.com`;
    expect(await signUpWith(email, referralCode)).toMatchObject({ ok: true });
    const friend = await userIdOf(email);
    if (!friend) throw new Error("friend not created");
    // newShopper's address and this one are the same flat.
    await giveAddress(env.db, { userId: friend });
    await payFirstOrder(friend);
    expect(await referralPointsOf(referrer)).toEqual([]);
    expect(await env.db.select().from(referrals).where(eq(referrals.friendId, friend))).toMatchObject([
      { refusedReason: "same_address", creditedAt: null },
    ]);
  });
});
