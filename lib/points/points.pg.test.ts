import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { orders, pointsAccounts, pointsEntries } from "@/db/schema";
import { cancelCheckout, sweepExpiredHolds } from "@/lib/checkout/checkout";
import { createOrderFromCart } from "@/lib/checkout/holds";
import { submitCard } from "@/stripe-local/testing";
import { withCheckoutEnv } from "@/tests/helpers/checkout";
import { recordPoints, spendPoints } from "./ledger";
import { pointsEarned, tierUnitPrice } from "./rules";

/**
 * The points ledger on real PostgreSQL and the local Stripe server: earned when the order is paid (once, however
 * often the webhook comes), taken back in proportion to a refund (below zero if need be), the balance always the
 * sum of the entries.
 */

const env = withCheckoutEnv({ secret: "whsec_points_tests", poolMax: 8, currency: "CNY" });

async function accountOf(userId: string) {
  const [row] = await env.db.select().from(pointsAccounts).where(eq(pointsAccounts.userId, userId));
  return row;
}

async function entriesOf(userId: string) {
  return env.db
    .select()
    .from(pointsEntries)
    .where(eq(pointsEntries.userId, userId))
    .orderBy(pointsEntries.id);
}

/** The balance is the sum of the entries, and each entry's balance_after is the running sum. */
async function expectLedgerInStep(userId: string) {
  const entries = await entriesOf(userId);
  let running = 0;
  for (const e of entries) {
    running += e.amount;
    expect(e.balanceAfter).toBe(running);
  }
  expect((await accountOf(userId))?.balance ?? 0).toBe(running);
}

async function completedEvents(sessionId: string) {
  return env.stripeEventsFor(sessionId, "checkout.session.completed");
}

/** The shopper's cart holds one unit of the test's SKU, and nothing else. */
async function cartOfOne(userId: string) {
  await env.emptyCart(userId);
  await env.addOne(userId);
}

/** A new shopper given `points`, with one unit in the cart. */
async function fanWithPointsAndCart(points: number) {
  const fan = await env.newShopper();
  await give(fan, points);
  await cartOfOne(fan);
  return fan;
}

/** A shopper's one-unit cart, checked out and paid on Stripe's page; the webhook not delivered yet. */
async function payOne(userId: string, options: Parameters<typeof env.start>[2] = {}) {
  await cartOfOne(userId);
  const started = await env.start(userId, {}, options);
  if (!started.ok) throw new Error(started.message);
  const [order] = await env.db.select().from(orders).where(eq(orders.id, started.orderId));
  if (!order?.stripeSessionId) throw new Error("no session");
  expect((await submitCard(started.url, "4242 4242 4242 4242")).status).toBe(303);
  return { orderId: started.orderId, sessionId: order.stripeSessionId };
}

async function orderRow(orderId: string) {
  const [row] = await env.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw new Error("order missing");
  return row;
}

async function deliverRefundEvents(paymentIntentId: string) {
  const events = await env.stripe.events.list({ type: "charge.refunded", limit: 100 });
  for (const event of events.data.filter(
    (e) => (e.data.object as Stripe.Charge).payment_intent === paymentIntentId,
  )) {
    expect(await env.deliver(env.signed(JSON.parse(JSON.stringify(event)) as object))).toMatchObject({
      status: 200,
    });
  }
}

describe("earning points", () => {
  it("credits 10 points per 1.00 paid when the order is paid, once, however often the webhook arrives", async () => {
    const fan = await env.newShopper();
    const { orderId, sessionId } = await payOne(fan);
    expect(await accountOf(fan)).toBeUndefined();
    const [event] = await completedEvents(sessionId);
    if (!event) throw new Error("no completed event");
    // The same delivery twice, and twice at once: one credit.
    await env.deliver(event);
    await Promise.all([env.deliver(event), env.deliver(event)]);
    const order = await orderRow(orderId);
    expect(order.status).toBe("paid");
    const expected = pointsEarned({ paidMinor: order.totalMinor, currency: order.currency });
    expect(expected).toBe(Math.floor(order.totalMinor / 10));
    expect(await entriesOf(fan)).toMatchObject([
      { reason: "order_paid", cause: `order:${orderId}`, orderId, amount: expected },
    ]);
    expect(await accountOf(fan)).toMatchObject({ balance: expected, lifetimeEarned: expected });
    await expectLedgerInStep(fan);
  });

  it("a cause recorded twice at once moves the balance once", async () => {
    const fan = await env.newShopper();
    const move = { userId: fan, reason: "adjustment" as const, cause: "test:twice", amount: 70 };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => env.db.transaction((tx) => recordPoints(tx, move))),
    );
    expect(results.filter((r) => r !== null)).toEqual([70]);
    expect(await accountOf(fan)).toMatchObject({ balance: 70, lifetimeEarned: 70 });
    await expectLedgerInStep(fan);
  });
});

describe("refunds take points back", () => {
  it("a partial refund takes back its share, the full refund the rest, even below zero; seen again, nothing", async () => {
    const fan = await env.newShopper();
    const { orderId, sessionId } = await payOne(fan);
    for (const event of await completedEvents(sessionId)) await env.deliver(event);
    const paid = await orderRow(orderId);
    const earned = pointsEarned({ paidMinor: paid.totalMinor, currency: paid.currency });
    // The fan spends most of it elsewhere first (an adjustment stands for that here).
    await env.db.transaction((tx) =>
      recordPoints(tx, { userId: fan, reason: "points_spent", cause: "test:spent", amount: -(earned - 5) }),
    );
    const intent = paid.stripePaymentIntentId ?? "";
    const quarter = Math.floor(paid.totalMinor / 4);
    await env.stripe.refunds.create({ payment_intent: intent, amount: quarter });
    await deliverRefundEvents(intent);
    const firstBack = Math.floor((earned * quarter) / paid.totalMinor);
    expect(await accountOf(fan)).toMatchObject({
      balance: 5 - firstBack,
      lifetimeEarned: earned - firstBack,
    });

    await env.stripe.refunds.create({ payment_intent: intent, amount: paid.totalMinor - quarter });
    await deliverRefundEvents(intent);
    // Every charge.refunded event delivered again (and reconciliation's re-reading) changes nothing more.
    await deliverRefundEvents(intent);
    expect((await orderRow(orderId)).status).toBe("refunded");
    expect(await accountOf(fan)).toMatchObject({ balance: 5 - earned, lifetimeEarned: 0 });
    const refunds = (await entriesOf(fan)).filter((e) => e.reason === "order_refunded");
    expect(refunds.reduce((sum, e) => sum + e.amount, 0)).toBe(-earned);
    expect(refunds).toHaveLength(2);
    await expectLedgerInStep(fan);
  });
});

async function give(userId: string, amount: number, cause = `test:${Math.random()}`) {
  await env.db.transaction((tx) => recordPoints(tx, { userId, reason: "adjustment", cause, amount }));
}

async function sessionOf(orderId: string) {
  const order = await orderRow(orderId);
  return env.stripe.checkout.sessions.retrieve(order.stripeSessionId ?? "", { expand: ["line_items"] });
}

describe("tier prices and points at checkout", () => {
  it("a Gold fan's cart is priced at the Gold price, and Stripe's session says so and charges exactly that", async () => {
    const fan = await fanWithPointsAndCart(6_000);
    const started = await env.start(fan);
    if (!started.ok) throw new Error(started.message);
    const order = await orderRow(started.orderId);
    const gold = tierUnitPrice(env.sku.priceMinor, 2);
    expect(order).toMatchObject({ tierDiscountPercent: 2, pointsSpent: 0, totalMinor: gold });
    const session = await sessionOf(started.orderId);
    expect(session.amount_total).toBe(gold);
    expect(session.line_items?.data[0]?.description).toMatch(/Gold price \(−2 %\)/);
  });

  it("points pay for up to 5 %: the total Stripe charges drops by them, and paying earns on the money only", async () => {
    const fan = await env.newShopper();
    await give(fan, 900); // a Member still: no tier price
    const { orderId, sessionId } = await payOne(fan, { points: 900, expectedBalance: 900 });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ pointsSpent: 900, totalMinor: env.sku.priceMinor - 900 });
    expect((await accountOf(fan))?.balance).toBe(0);
    const session = await sessionOf(orderId);
    expect(session.amount_total).toBe(order.totalMinor);
    expect(session.line_items?.data.map((l) => l.amount_total).reduce((a, b) => a + b, 0)).toBe(
      order.totalMinor,
    );
    for (const event of await completedEvents(sessionId)) await env.deliver(event);
    expect((await orderRow(orderId)).status).toBe("paid");
    expect((await accountOf(fan))?.balance).toBe(
      pointsEarned({ paidMinor: order.totalMinor, currency: "CNY" }),
    );
    await expectLedgerInStep(fan);
  });

  it("more than allowed, more than owned, or a stale balance: a refusal to act on, nothing held or spent", async () => {
    const fan = await fanWithPointsAndCart(500);
    const before = await env.readSku();
    const allowed = Math.floor((env.sku.priceMinor * 5) / 100);
    const overResult = await createOrderFromCart(env.db, {
      userId: fan,
      now: new Date(),
      holdMinutes: 10,
      points: allowed + 1,
    });
    expect(overResult).toMatchObject({ ok: false, code: "points_over_limit" });
    const owned = await createOrderFromCart(env.db, {
      userId: fan,
      now: new Date(),
      holdMinutes: 10,
      points: 501,
    });
    expect(owned).toMatchObject({
      ok: false,
      code: "points_insufficient",
      message: expect.stringMatching(/500 points/),
    });
    const stale = await createOrderFromCart(env.db, {
      userId: fan,
      now: new Date(),
      holdMinutes: 10,
      points: 100,
      expectedBalance: 800,
    });
    expect(stale).toMatchObject({
      ok: false,
      code: "points_stale",
      message: expect.stringMatching(/now 500/),
    });
    expect(await env.pendingOrderOf(fan)).toBeUndefined();
    expect(await env.readSku()).toMatchObject({ available: before.available, held: before.held });
    expect(await accountOf(fan)).toMatchObject({ balance: 500 });
    await expectLedgerInStep(fan);
  });

  it("points come back when the order is cancelled, when its hold expires, and when it is refunded", async () => {
    const fan = await fanWithPointsAndCart(300);
    const first = await env.start(fan, {}, { points: 300 });
    if (!first.ok) throw new Error(first.message);
    expect((await accountOf(fan))?.balance).toBe(0);
    expect(await cancelCheckout(env.deps(), { orderId: first.orderId, userId: fan, now: new Date() })).toBe(
      true,
    );
    expect((await accountOf(fan))?.balance).toBe(300);

    const second = await env.start(fan, {}, { points: 300 });
    if (!second.ok) throw new Error(second.message);
    expect((await accountOf(fan))?.balance).toBe(0);
    await sweepExpiredHolds(env.deps(), { now: new Date(Date.now() + 11 * 60_000) });
    expect((await orderRow(second.orderId)).status).toBe("expired");
    expect((await accountOf(fan))?.balance).toBe(300);

    const { orderId, sessionId } = await payOne(fan, { points: 300 });
    for (const event of await completedEvents(sessionId)) await env.deliver(event);
    const paid = await orderRow(orderId);
    const earned = pointsEarned({ paidMinor: paid.totalMinor, currency: "CNY" });
    expect((await accountOf(fan))?.balance).toBe(earned);
    await env.stripe.refunds.create({ payment_intent: paid.stripePaymentIntentId ?? "" });
    await deliverRefundEvents(paid.stripePaymentIntentId ?? "");
    expect((await accountOf(fan))?.balance).toBe(300);
    await expectLedgerInStep(fan);
  });

  it("points spent twice at once: the balance never pays twice", async () => {
    const fan = await fanWithPointsAndCart(450);
    // Four checkouts of the same cart at once, each asking for 300 of the 450 points.
    const results = await Promise.all(Array.from({ length: 4 }, () => env.start(fan, {}, { points: 300 })));
    expect(results.some((r) => r.ok)).toBe(true);
    const pending = await env.db.select().from(orders).where(eq(orders.userId, fan));
    expect(pending.filter((o) => o.status === "pending")).toHaveLength(1);
    expect((await accountOf(fan))?.balance).toBe(150);
    await expectLedgerInStep(fan);

    // And the spend itself, stormed: 10 spends of 100 against 450 points take exactly 4.
    const other = await env.newShopper();
    await give(other, 450);
    const spent = await Promise.all(
      pending
        .slice(0, 1)
        .flatMap((o) =>
          Array.from({ length: 10 }, (_, i) =>
            env.db.transaction((tx) =>
              spendPoints(tx, { userId: other, orderId: o.id, points: 100, cause: `storm:${i}` }),
            ),
          ),
        ),
    );
    expect(spent.filter((b) => b !== null)).toHaveLength(4);
    expect((await accountOf(other))?.balance).toBe(50);
    await expectLedgerInStep(other);
  });
});

describe("points after a refund", () => {
  it("a refund and a spend of the same points at once: the ledger stays in step, either order of arrival", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const fan = await env.newShopper();
      const { orderId, sessionId } = await payOne(fan);
      for (const event of await completedEvents(sessionId)) await env.deliver(event);
      const paid = await orderRow(orderId);
      const earned = pointsEarned({ paidMinor: paid.totalMinor, currency: "CNY" });
      // Within 5 % whichever tier the fan is in when the checkout runs (before or after the refund lands).
      const spend = Math.min(earned, Math.floor((tierUnitPrice(env.sku.priceMinor, 5) * 5) / 100));
      const intent = paid.stripePaymentIntentId ?? "";
      await env.stripe.refunds.create({ payment_intent: intent });
      await env.emptyCart(fan);
      await env.addOne(fan);
      const [, started] = await Promise.all([
        deliverRefundEvents(intent),
        env.start(fan, {}, { points: spend }),
      ]);
      outcomes.add(started.ok ? "spent" : started.code);
      const account = await accountOf(fan);
      // Earned points are all taken back; what was spent meanwhile leaves the balance below zero.
      expect(account?.lifetimeEarned).toBe(0);
      expect(account?.balance).toBe(started.ok ? -spend : 0);
      if (!started.ok) expect(started.code).toBe("points_insufficient");
      await expectLedgerInStep(fan);
    }
    expect([...outcomes].every((o) => o === "spent" || o === "points_insufficient")).toBe(true);
  });
});
