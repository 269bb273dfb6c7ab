import { and, eq, inArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  orderRefunds,
  orders,
  outboxMail,
  paymentIncidents,
  skus,
  stockHolds,
  stripeEvents,
  users,
} from "@/db/schema";
import { addToCart } from "@/lib/cart/cart";
import { MAX_PENDING_ORDERS_PER_ACCOUNT } from "@/lib/limits";
import { localStripe, submitCard } from "@/stripe-local/testing";
import { expectInvariant, FAST_RETRY, HOLD_MINUTES, withCheckoutEnv } from "@/tests/helpers/checkout";
import { sweepExpiredHolds } from "./checkout";
import { reconcilePayments } from "./reconcile";
import { retryOwedRefunds } from "./refunds";

/**
 * The payment findings of the hardening issue, each on real PostgreSQL against the local Stripe server
 * in-process: forged fulfilment, one live checkout per cart, the refund loop, Stripe's minimum charge, a store
 * killed between creating and saving a session, a Stripe outage, and webhooks lost for days.
 */

const env = withCheckoutEnv({
  secret: "whsec_payments_tests_secret",
  poolMax: 12,
  stripeServer: { timeoutHoldMs: 1_000 },
  currency: "CNY",
});
const { deliver, newShopper, readSku, signed, start, stripeEventsFor } = env;
let shopperId: string;

let eventSeq = 0;
/** An event body as an attacker holding the webhook secret would write it. */
function forgedEvent(type: string, object: unknown) {
  return signed({
    id: `evt_forged_${++eventSeq}_${Date.now()}`,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
  });
}

/** A forged checkout.session.completed saying `session` (with `over`) was paid, for an amount_total of 1. */
function forgedPaidFor1(session: Stripe.Checkout.Session, over: Partial<Stripe.Checkout.Session>) {
  return forgedEvent("checkout.session.completed", {
    ...session,
    ...over,
    payment_status: "paid",
    amount_total: 1,
  });
}

async function orderRow(orderId: string) {
  const [row] = await env.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw new Error("order vanished");
  return row;
}

async function incidentsFor(orderId: string) {
  return env.db.select().from(paymentIncidents).where(eq(paymentIncidents.orderId, orderId));
}

async function checkoutOne(userId = shopperId, quantity = 1) {
  await env.emptyCart(userId);
  await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity });
  const result = await start(userId);
  if (!result.ok) throw new Error(result.message);
  const order = await orderRow(result.orderId);
  if (!order.stripeSessionId) throw new Error("no session saved");
  return { orderId: result.orderId, sessionId: order.stripeSessionId, url: result.url };
}

/**
 * startCheckout for the shopper's cart in a store process that dies right after Stripe created the session:
 * nothing after that point of startCheckout ever runs, so the order stays pending without its session.
 */
async function startKilledAfterSessionCreated(userId: string) {
  let created: Stripe.Checkout.Session | undefined;
  void start(userId, {
    afterSessionCreated: (session) => {
      created = session;
      return new Promise<void>(() => {});
    },
  });
  await expect.poll(() => created, { timeout: 5_000 }).toBeDefined();
  return { session: created as Stripe.Checkout.Session, order: await env.pendingOrderOf(userId) };
}

beforeAll(async () => {
  const [shopper] = await env.db.select().from(users).where(eq(users.email, "shopper@example.com"));
  if (!shopper) throw new Error("seeded shopper missing");
  shopperId = shopper.id;
});

beforeEach(async () => {
  env.server.control.update({ rate429: 0, fail500Rate: 0, timeoutRate: 0 });
  await sweepExpiredHolds(env.deps(), { now: new Date(Date.now() + 24 * 3600_000) });
});

describe("finding 1: paid without paying", () => {
  it("a forged checkout.session.completed (amount_total: 1) for an unpaid session pays nothing, and is alerted", async () => {
    const { orderId, sessionId } = await checkoutOne();
    const before = await readSku(env.sku.id);
    const real = await env.stripe.checkout.sessions.retrieve(sessionId);
    expect(real.payment_status).toBe("unpaid");
    const forged = forgedPaidFor1(real, { status: "complete" });
    expect(await deliver(forged)).toMatchObject({ status: 200, body: { outcome: "not_paid" } });
    expect((await orderRow(orderId)).status).toBe("pending");
    expect(await readSku(env.sku.id)).toMatchObject({ held: before.held, sold: before.sold });
    expect((await incidentsFor(orderId)).map((i) => i.kind)).toContain("not_paid_per_stripe");

    // A session id Stripe has never heard of, claiming this order.
    const unknown = forgedPaidFor1(real, { id: "cs_test_forged" });
    expect(await deliver(unknown)).toMatchObject({ status: 200, body: { outcome: "rejected" } });
    expect((await orderRow(orderId)).status).toBe("pending");
  });

  it("a genuinely paid session that is not the order's, or whose amount or currency differ, changes nothing", async () => {
    const { orderId, sessionId } = await checkoutOne();
    const order = await orderRow(orderId);
    const before = await readSku(env.sku.id);
    // Someone holding an API key makes their own cheap session naming our order, and pays it.
    const cheap = await env.stripe.checkout.sessions.create({
      mode: "payment",
      client_reference_id: orderId,
      metadata: { orderId },
      line_items: [
        { quantity: 1, price_data: { currency: "cny", unit_amount: 400, product_data: { name: "x" } } },
      ],
    });
    await submitCard(cheap.url ?? "", "4242 4242 4242 4242");
    for (const event of await stripeEventsFor(cheap.id, "checkout.session.completed")) {
      expect(await deliver(event)).toMatchObject({ status: 200, body: { outcome: "rejected" } });
    }
    expect((await incidentsFor(orderId)).map((i) => i.kind)).toContain("session_mismatch");
    expect((await orderRow(orderId)).status).toBe("pending");

    // The same, for an order whose own session was never saved: now the amount gives it away.
    await env.db.update(orders).set({ stripeSessionId: null }).where(eq(orders.id, orderId));
    const again = await env.stripe.checkout.sessions.retrieve(cheap.id);
    const replay = forgedEvent("checkout.session.completed", again);
    expect(await deliver(replay)).toMatchObject({ body: { outcome: "rejected" } });
    expect((await incidentsFor(orderId)).map((i) => i.kind)).toContain("amount_mismatch");
    // Same amount, other currency.
    const usd = await env.stripe.checkout.sessions.create({
      mode: "payment",
      client_reference_id: orderId,
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "usd", unit_amount: order.totalMinor, product_data: { name: "x" } },
        },
      ],
    });
    await submitCard(usd.url ?? "", "4242 4242 4242 4242");
    const paidUsd = await env.stripe.checkout.sessions.retrieve(usd.id);
    expect(await deliver(forgedEvent("checkout.session.completed", paidUsd))).toMatchObject({
      body: { outcome: "rejected" },
    });
    expect((await orderRow(orderId)).status).toBe("pending");
    expect(await readSku(env.sku.id)).toMatchObject({ held: before.held, sold: before.sold });

    // The order's own session, paid, still goes through.
    await env.db.update(orders).set({ stripeSessionId: sessionId }).where(eq(orders.id, orderId));
    await submitCard(order.stripeSessionUrl ?? "", "4242 4242 4242 4242");
    for (const event of await stripeEventsFor(sessionId, "checkout.session.completed")) {
      expect(await deliver(event)).toMatchObject({ body: { outcome: "paid" } });
    }
    expect((await orderRow(orderId)).status).toBe("paid");
  });
});

describe("finding 5: one live checkout per cart", () => {
  it("three starts at once on a one-unit cart make one order, one hold and one Stripe session", async () => {
    const userId = await newShopper();
    await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const before = await readSku(env.sku.id);
    const sessionsBefore = env.server.control.state().sessionsCreated;
    const results = await Promise.all([start(userId), start(userId), start(userId)]);
    for (const r of results) expect(r).toMatchObject({ ok: true });
    const urls = new Set(results.map((r) => (r.ok ? r.url : "")));
    expect(urls.size).toBe(1);
    const pending = await env.db
      .select()
      .from(orders)
      .where(and(eq(orders.userId, userId), eq(orders.status, "pending")));
    expect(pending).toHaveLength(1);
    expect(env.server.control.state().sessionsCreated).toBe(sessionsBefore + 1);
    const held = await readSku(env.sku.id);
    expect(held.held).toBe(before.held + 1);
    expectInvariant(held);

    // A later start with the same cart reuses it; a changed cart replaces it and releases the first hold.
    const fourth = await start(userId);
    expect(fourth).toMatchObject({ ok: true, orderId: pending[0]?.id });
    await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const fifth = await start(userId);
    expect(fifth.ok).toBe(true);
    const first = await orderRow(pending[0]?.id ?? "");
    expect(first.status).toBe("cancelled");
    expect((await env.stripe.checkout.sessions.retrieve(first.stripeSessionId ?? "")).status).toBe("expired");
    const after = await readSku(env.sku.id);
    expect(after.held).toBe(before.held + 2);
    expectInvariant(after);
    const live = await env.db
      .select()
      .from(orders)
      .where(and(eq(orders.userId, userId), eq(orders.status, "pending")));
    expect(live).toHaveLength(1);
  });

  it("an account past the pending-order cap is refused, flash-sale orders included", async () => {
    const userId = await newShopper();
    // Flash-sale orders waiting for payment count towards the cap too.
    await env.db.insert(orders).values(
      Array.from({ length: MAX_PENDING_ORDERS_PER_ACCOUNT }, () => ({
        userId,
        kind: "sale" as const,
        currency: "CNY",
        totalMinor: 19_900,
        holdExpiresAt: new Date(Date.now() + 600_000),
      })),
    );
    await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const before = await readSku(env.sku.id);
    expect(await start(userId)).toMatchObject({ ok: false, code: "too_many_pending" });
    expect((await readSku(env.sku.id)).held).toBe(before.held);
    await env.db
      .update(orders)
      .set({ status: "expired" })
      .where(and(eq(orders.userId, userId), eq(orders.kind, "sale")));
    expect(await start(userId)).toMatchObject({ ok: true });
  });
});

describe("finding 8: the refund loop", () => {
  it("a dashboard refund (charge.refunded) is recorded with its id, and the sweep never refunds it again", async () => {
    const { orderId, sessionId, url } = await checkoutOne();
    await submitCard(url, "4242 4242 4242 4242");
    for (const event of await stripeEventsFor(sessionId, "checkout.session.completed")) await deliver(event);
    const paid = await orderRow(orderId);
    expect(paid.status).toBe("paid");
    // Refunded in Stripe's dashboard: nothing of ours calls Stripe.
    const refund = await env.stripe.refunds.create({ payment_intent: paid.stripePaymentIntentId ?? "" });
    const charges = await env.stripe.events.list({ type: "charge.refunded", limit: 100 });
    const event = charges.data.find(
      (e) => (e.data.object as Stripe.Charge).payment_intent === paid.stripePaymentIntentId,
    );
    if (!event) throw new Error("no charge.refunded");
    expect(await deliver(signed(JSON.parse(JSON.stringify(event)) as object))).toMatchObject({ status: 200 });
    const refunded = await orderRow(orderId);
    expect(refunded).toMatchObject({ status: "refunded", stripeRefundId: refund.id, refundOwedAt: null });
    expect(await env.db.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId))).toMatchObject([
      { id: refund.id, amountMinor: paid.totalMinor, source: "stripe" },
    ]);
    // The buyer hears of it once (the event delivered again, or seen by reconciliation, adds no mail).
    await env.deliver(env.signed(JSON.parse(JSON.stringify(event)) as object));
    const mails = await env.db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.dedupeKey, `refund:${refund.id}`));
    expect(mails).toMatchObject([{ kind: "refund", recipient: "shopper@example.com", status: "pending" }]);
    const requests = env.server.control.state().requests;
    const sweep = await retryOwedRefunds(env.deps(), { now: new Date() });
    expect(sweep.retried).toBe(0);
    expect(env.server.control.state().requests).toBe(requests);
  });

  it("the sweep retries only refunds still owed, oldest first, and a refund Stripe already made is recorded", async () => {
    // Three paid orders whose money we owe back, owed since different times; one was refunded in the dashboard.
    const owed: { orderId: string; intent: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { orderId, sessionId, url } = await checkoutOne();
      await submitCard(url, "4242 4242 4242 4242");
      const session = await env.stripe.checkout.sessions.retrieve(sessionId);
      const intent = String(session.payment_intent);
      await env.db
        .update(orders)
        .set({
          status: "refunded",
          stripePaymentIntentId: intent,
          refundOwedAt: new Date(Date.now() - (3 - i) * 3600_000),
        })
        .where(eq(orders.id, orderId));
      owed.push({ orderId, intent });
    }
    const [oldest, middle, newest] = owed;
    if (!oldest || !middle || !newest) throw new Error("setup");
    const dashboard = await env.stripe.refunds.create({ payment_intent: oldest.intent });
    const first = await retryOwedRefunds(env.deps(), { now: new Date(), limit: 1 });
    expect(first).toMatchObject({ retried: 1, refunded: 1 });
    expect(await orderRow(oldest.orderId)).toMatchObject({ stripeRefundId: dashboard.id });
    expect((await orderRow(newest.orderId)).stripeRefundId).toBeNull();
    const rest = await retryOwedRefunds(env.deps(), { now: new Date(), limit: 1 });
    expect(rest.retried).toBe(1);
    expect((await orderRow(middle.orderId)).stripeRefundId).toMatch(/^re_/);
    await retryOwedRefunds(env.deps(), { now: new Date() });
    const ids = owed.map((o) => o.orderId);
    const recorded = await env.db.select().from(orderRefunds).where(inArray(orderRefunds.orderId, ids));
    expect(recorded).toHaveLength(3);
    expect((await retryOwedRefunds(env.deps(), { now: new Date() })).retried).toBe(0);
  });
});

describe("Stripe's minimum charge", () => {
  it("a cart total below ¥4.00 is refused with a message and holds nothing", async () => {
    const userId = await newShopper();
    const cheap = (await env.db.select().from(skus)).find((s) => s.available > 5 && s.id !== env.sku.id);
    if (!cheap) throw new Error("need a second SKU");
    await env.db.update(skus).set({ priceMinor: 300 }).where(eq(skus.id, cheap.id));
    try {
      await addToCart(env.db, { owner: { userId }, skuId: cheap.id, quantity: 1 });
      const before = await readSku(cheap.id);
      const result = await start(userId);
      expect(result).toMatchObject({ ok: false, code: "below_minimum" });
      expect(result.ok ? "" : result.message).toContain("¥4.00");
      expect((await readSku(cheap.id)).held).toBe(before.held);
      // Two of them (¥6.00) are enough.
      await addToCart(env.db, { owner: { userId }, skuId: cheap.id, quantity: 1 });
      expect(await start(userId)).toMatchObject({ ok: true });
    } finally {
      await env.db.update(skus).set({ priceMinor: cheap.priceMinor }).where(eq(skus.id, cheap.id));
    }
  });
});

describe("faults", () => {
  it("killed between creating a Checkout Session and saving it: the late payment is honoured", async () => {
    const userId = await newShopper();
    await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const before = await readSku(env.sku.id);
    const { session, order } = await startKilledAfterSessionCreated(userId);
    expect(order?.stripeSessionId).toBeNull();
    await submitCard(session.url ?? "", "4242 4242 4242 4242");
    for (const event of await stripeEventsFor(session.id, "checkout.session.completed")) {
      expect(await deliver(event)).toMatchObject({ body: { outcome: "paid" } });
    }
    expect(await orderRow(order?.id ?? "")).toMatchObject({ status: "paid", stripeSessionId: session.id });
    const after = await readSku(env.sku.id);
    expect(after.sold).toBe(before.sold + 1);
    expectInvariant(after);
  });

  it("killed before saving, hold expired, stock gone, webhook lost: reconciliation refunds, never loses it", async () => {
    const userId = await newShopper();
    await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const { session, order } = await startKilledAfterSessionCreated(userId);
    if (!order) throw new Error("no order");
    // The hold runs out while the store is down; the sweep cannot expire a session it never saved.
    await sweepExpiredHolds(env.deps(), { now: new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000) });
    expect((await orderRow(order.id)).status).toBe("expired");
    const row = await readSku(env.sku.id);
    await env.db
      .update(skus)
      .set({ available: 0, sold: row.sold + row.available })
      .where(eq(skus.id, env.sku.id));
    try {
      // No webhook reaches the store (none is configured on this server): only reconciliation can see it.
      await submitCard(session.url ?? "", "4242 4242 4242 4242");
      // Its next run, a few seconds later (events of the current second are left to the run after).
      const wallNow = new Date(Date.now() + 3_000);
      const result = await reconcilePayments(
        { db: env.db, stripe: env.stripe },
        { now: new Date(), wallNow, retry: FAST_RETRY },
      );
      expect(result.skipped).toBe(false);
      expect(result.applied).toBeGreaterThanOrEqual(1);
      const settled = await orderRow(order.id);
      expect(settled).toMatchObject({ status: "refunded", stripeSessionId: session.id });
      expect(settled.stripeRefundId).toMatch(/^re_/);
      const refunds = await env.stripe.refunds.list({ payment_intent: settled.stripePaymentIntentId ?? "" });
      expect(refunds.data).toHaveLength(1);
      // Running it again (or the webhook arriving after all) changes nothing and refunds nothing more.
      await reconcilePayments({ db: env.db, stripe: env.stripe }, { now: new Date(), retry: FAST_RETRY });
      expect(
        (await env.stripe.refunds.list({ payment_intent: settled.stripePaymentIntentId ?? "" })).data,
      ).toHaveLength(1);
      expectInvariant(await readSku(env.sku.id));
    } finally {
      const now = await readSku(env.sku.id);
      await env.db
        .update(skus)
        .set({ available: 100, quantity: now.quantity + 100 })
        .where(eq(skus.id, env.sku.id));
    }
  });

  it("Stripe answering 500s and then losing answers for a while: checkouts retry and recover, nothing is paid twice", async () => {
    const shoppers = await Promise.all(Array.from({ length: 4 }, () => newShopper()));
    for (const userId of shoppers)
      await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const before = await readSku(env.sku.id);
    const quick = localStripe(env.server.port, "sk_test_local", { timeoutMs: 250 });
    const patient = { attempts: 12, baseDelayMs: 100, maxDelayMs: 400 };
    const stripeBefore = env.server.control.state();
    // Deterministic (random rates drew different outages each run): the next 6 requests answer 500, and the 4
    // after them run but are never answered. Even a shopper who meets all 10 succeeds on the 11th attempt.
    const outage = { fail500Next: 6, timeoutNext: 4 };
    expect(patient.attempts).toBeGreaterThan(outage.fail500Next + outage.timeoutNext);
    env.server.control.update(outage);
    const results = await Promise.all(
      shoppers.map((userId) => start(userId, { stripe: quick, retry: patient })),
    );
    const state = env.server.control.state();
    expect(state.failed500 - stripeBefore.failed500).toBe(outage.fail500Next);
    expect(state.timedOut - stripeBefore.timedOut).toBe(outage.timeoutNext);
    for (const r of results) expect(r).toMatchObject({ ok: true });
    // Each retry reused the order's idempotency key: one session per order, even for answers that were lost.
    expect(state.sessionsCreated).toBe(stripeBefore.sessionsCreated + shoppers.length);

    const orderIds = results.map((r) => (r.ok ? r.orderId : ""));
    const rows = await env.db.select().from(orders).where(inArray(orders.id, orderIds));
    for (const row of rows) await submitCard(row.stripeSessionUrl ?? "", "4242 4242 4242 4242");
    const events = (
      await Promise.all(
        rows.map((row) => stripeEventsFor(row.stripeSessionId ?? "", "checkout.session.completed")),
      )
    ).flat();
    expect(events).toHaveLength(shoppers.length);
    // A webhook during the outage cannot re-read its session: every try answers 500, so the delivery fails
    // (the route answers 500) and Stripe sends it again.
    const failedBefore = env.server.control.state().failed500;
    env.server.control.update({ fail500Next: FAST_RETRY.attempts });
    await expect(deliver(events[0] as { rawBody: string; signature: string })).rejects.toThrow();
    expect(env.server.control.state().failed500 - failedBefore).toBe(FAST_RETRY.attempts);
    // Stripe's retries, duplicates and a reconciliation run all arrive; each order is paid once.
    for (const e of [...events, ...events]) await deliver(e);
    await reconcilePayments({ db: env.db, stripe: env.stripe }, { now: new Date(), retry: FAST_RETRY });
    const paid = await env.db.select().from(orders).where(inArray(orders.id, orderIds));
    expect(paid.map((o) => o.status)).toEqual(shoppers.map(() => "paid"));
    const after = await readSku(env.sku.id);
    expect(after.sold).toBe(before.sold + shoppers.length);
    expectInvariant(after);
    const holds = await env.db.select().from(stockHolds).where(inArray(stockHolds.orderId, orderIds));
    expect(holds.map((h) => h.status)).toEqual(shoppers.map(() => "converted"));
  });

  it("a webhook lost for days still ends in the right state: reconciliation applies it", async () => {
    const { orderId, url } = await checkoutOne();
    const before = await readSku(env.sku.id);
    // The store's webhook endpoint never hears of the payment (this server delivers none)…
    await submitCard(url, "4242 4242 4242 4242");
    expect((await orderRow(orderId)).status).toBe("pending");
    // …and days pass: the hold has long expired and been swept when reconciliation next runs.
    const days = 4 * 24 * 3600_000;
    const later = new Date(Date.now() + days);
    await sweepExpiredHolds(env.deps(), { now: later });
    expect((await orderRow(orderId)).status).toBe("expired");
    const wallNow = new Date(Date.now() + days + 5_000);
    const result = await reconcilePayments(
      { db: env.db, stripe: env.stripe },
      { now: later, wallNow, retry: FAST_RETRY },
    );
    expect(result.applied).toBeGreaterThanOrEqual(1);
    // Paid late, honoured: the unit is taken again and sold.
    expect((await orderRow(orderId)).status).toBe("paid");
    const after = await readSku(env.sku.id);
    expect(after.sold).toBe(before.sold + 1);
    expectInvariant(after);
    const recorded = await env.db
      .select({ n: sql<number>`count(*)::int` })
      .from(stripeEvents)
      .where(eq(stripeEvents.type, "checkout.session.completed"));
    expect(recorded[0]?.n).toBeGreaterThan(0);
    // Nothing new: a second run applies nothing.
    const again = await reconcilePayments(
      { db: env.db, stripe: env.stripe },
      { now: later, wallNow: new Date(wallNow.getTime() + 60_000), retry: FAST_RETRY },
    );
    expect(again.applied).toBe(0);
  });
});
