import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, orderRefunds, orderReturns, orders, outboxMail, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/log";
import { addToCart } from "@/lib/cart/cart";
import { applyPayment, restockReturnedOrder } from "@/lib/checkout/holds";
import { retryOwedRefunds, storeRefundParams, syncRefundsFromStripe } from "@/lib/checkout/refunds";
import { deliverOrder, packOrder, shipOrder } from "@/lib/fulfilment/commands";
import { NO_REASON_RETURN_DAYS } from "@/lib/limits";
import { createSale } from "@/lib/sales/commands";
import { attachOrderToSaleHold } from "@/lib/sales/holds";
import { reserveSaleUnit } from "@/lib/sales/reserve";
import {
  bucketMismatches,
  insertPendingOrder,
  insertUsers,
  listBuckets,
  registerUsers,
} from "@/lib/sales/test-support";
import { localStripe, submitCard } from "@/stripe-local/testing";
import { expectInvariant, FAST_RETRY, withCheckoutEnv } from "@/tests/helpers/checkout";
import { getSeededMarketer } from "@/tests/helpers/seeded";
import { approveReturn, receiveReturn, refuseReturn, requestReturn } from "./commands";
import { getReturnForConsole, getReturnPanelForUser } from "./queries";
import { RETURN_REFUND_REASON } from "./rules";

/**
 * Returns on real PostgreSQL with the local Stripe server: each refusal writes nothing, the races (two requests,
 * two approvals, an approval and a receipt at once) end with one return, one refund and the units back once.
 */

const env = withCheckoutEnv({ secret: "whsec_returns_tests_secret", poolMax: 12, currency: "CNY" });
let actor: Actor;
const DAY = 24 * 60 * 60_000;
const deliveredAt = new Date("2030-01-10T04:00:00Z");
const inWindow = new Date(deliveredAt.getTime() + DAY);

beforeAll(async () => {
  actor = await getSeededMarketer(env.db);
});

/** A new shopper's order, checked out and paid through the local Stripe (one unit of the file's SKU). */
async function paidOrder(): Promise<{ orderId: string; userId: string }> {
  const userId = await env.newShopper();
  await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
  const started = await env.start(userId);
  if (!started.ok) throw new Error(started.message);
  const [order] = await env.db.select().from(orders).where(eq(orders.id, started.orderId));
  if (!order?.stripeSessionId || !order.stripeSessionUrl) throw new Error("no session");
  await submitCard(order.stripeSessionUrl, "4242 4242 4242 4242");
  for (const event of await env.stripeEventsFor(order.stripeSessionId, "checkout.session.completed")) {
    await env.deliver(event);
  }
  expect((await orderRow(started.orderId)).status).toBe("paid");
  return { orderId: started.orderId, userId };
}

/** Paid, packed, shipped and (unless `delivered: false`) delivered at `deliveredAt`. */
async function deliveredOrder({ delivered = true } = {}) {
  const order = await paidOrder();
  const step = { actor, orderId: order.orderId, now: deliveredAt };
  await packOrder(env.db, step);
  await shipOrder(env.db, { ...step, carrier: "sf", trackingNumber: "SF1234567890123" });
  if (delivered) await deliverOrder(env.db, step);
  return order;
}

async function orderRow(orderId: string) {
  const [row] = await env.db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw new Error("order vanished");
  return row;
}
const returnsOf = (orderId: string) =>
  env.db.select().from(orderReturns).where(eq(orderReturns.orderId, orderId));
const mailsOf = async (orderId: string, kind: string) => {
  const [owner] = await env.db
    .select({ email: users.email })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  return env.db
    .select()
    .from(outboxMail)
    .where(and(eq(outboxMail.kind, kind), eq(outboxMail.recipient, owner?.email ?? "")));
};
const auditOf = (orderId: string, action: string) =>
  env.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, orderId), eq(auditLog.action, action)));
const ask = (
  order: { orderId: string; userId: string },
  now = inWindow,
  reason = "changed_mind",
  note = "",
) => requestReturn(env.db, { ...order, reason, note, now });

async function requestedReturn() {
  const order = await deliveredOrder();
  const asked = await ask(order);
  if (!asked.ok) throw new Error(asked.message);
  return { ...order, returnId: asked.returnId };
}

describe("asking for a return", () => {
  it("records the request with its mail and audit entry; the owner's page shows it and the form closes", async () => {
    const order = await deliveredOrder();
    const before = await getReturnPanelForUser(env.db, { ...order, now: inWindow });
    expect(before?.eligibility).toEqual({
      open: true,
      until: new Date(deliveredAt.getTime() + NO_REASON_RETURN_DAYS * DAY).toISOString(),
    });
    expect(await ask(order, inWindow, "damaged", "  The screen is cracked. ")).toMatchObject({
      ok: true,
      changed: true,
    });
    const [row] = await returnsOf(order.orderId);
    expect(row).toMatchObject({ status: "requested", reason: "damaged", note: "The screen is cracked." });
    expect(await mailsOf(order.orderId, "return_requested")).toHaveLength(1);
    const [audit] = await auditOf(order.orderId, "return.request");
    expect(audit?.summary).toMatch(/asked to return order [0-9A-F]{8}: Arrived damaged/);
    const after = await getReturnPanelForUser(env.db, { ...order, now: inWindow });
    expect(after?.latest).toMatchObject({ stage: "requested", reasonLabel: "Arrived damaged" });
    expect(after?.eligibility).toMatchObject({ open: false, failure: { code: "already_requested" } });
  });

  it("refuses a second request, and two at once leave one return, one mail", async () => {
    const order = await deliveredOrder();
    const answers = await Promise.all([ask(order), ask(order), ask(order)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.code)).toEqual([
      "already_requested",
      "already_requested",
    ]);
    expect(await returnsOf(order.orderId)).toHaveLength(1);
    expect(await mailsOf(order.orderId, "return_requested")).toHaveLength(1);
    expect(await auditOf(order.orderId, "return.request")).toHaveLength(1);
    expect(await ask(order)).toMatchObject({ ok: false, code: "already_requested" });
  });

  it("refuses outside the window, before shipping, for someone else's order and bad input; nothing written", async () => {
    const order = await deliveredOrder();
    const late = new Date(deliveredAt.getTime() + NO_REASON_RETURN_DAYS * DAY + 1);
    expect(await ask(order, late)).toMatchObject({ ok: false, code: "window_closed" });
    const stranger = await env.newShopper();
    expect(await ask({ orderId: order.orderId, userId: stranger })).toMatchObject({
      ok: false,
      code: "not_found",
      message: "We couldn't find that order in your account.",
    });
    expect(await ask({ orderId: "not-a-uuid", userId: order.userId })).toMatchObject({ code: "not_found" });
    expect(await ask(order, inWindow, "hated-it")).toMatchObject({
      code: "invalid",
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect(await ask(order, inWindow, "other", "")).toMatchObject({
      code: "invalid",
      fieldErrors: { note: [expect.any(String)] },
    });
    expect(await ask(order, inWindow, "damaged", "x".repeat(501))).toMatchObject({ code: "invalid" });
    expect(await returnsOf(order.orderId)).toHaveLength(0);
    expect(await mailsOf(order.orderId, "return_requested")).toHaveLength(0);

    const unshipped = await paidOrder();
    expect(await ask(unshipped)).toMatchObject({ ok: false, code: "not_shipped" });
    // Never marked delivered: the window runs from shipping plus the assumed delivery time.
    const shippedOnly = await deliveredOrder({ delivered: false });
    expect(await ask(shippedOnly, new Date(deliveredAt.getTime() + 12 * DAY))).toMatchObject({ ok: true });
  });

  it("refuses unpaid, cancelled and already refunded orders", async () => {
    const userId = await env.newShopper();
    await addToCart(env.db, { owner: { userId }, skuId: env.sku.id, quantity: 1 });
    const pending = await env.start(userId);
    if (!pending.ok) throw new Error(pending.message);
    expect(await ask({ orderId: pending.orderId, userId })).toMatchObject({ code: "not_paid" });
    await env.db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, pending.orderId));
    expect(await ask({ orderId: pending.orderId, userId })).toMatchObject({ code: "order_closed" });
    const refunded = await deliveredOrder();
    await env.db.update(orders).set({ status: "refunded" }).where(eq(orders.id, refunded.orderId));
    expect(await ask(refunded)).toMatchObject({ code: "refunded" });
    expect(await returnsOf(pending.orderId)).toHaveLength(0);
    expect(await returnsOf(refunded.orderId)).toHaveLength(0);
  });
});

describe("the console's decisions", () => {
  it("the refund mail says why even when Stripe's refund event is recorded before the store's own answer", async () => {
    const { orderId } = await requestedReturn();
    const paymentIntentId = (await orderRow(orderId)).stripePaymentIntentId ?? "";
    // The refund exactly as approving asks Stripe for it; then the charge.refunded webhook's path records it first.
    await env.stripe.refunds.create(
      storeRefundParams({ orderId, paymentIntentId, reason: RETURN_REFUND_REASON }),
      { idempotencyKey: `refund:${orderId}` },
    );
    expect(await syncRefundsFromStripe(env.deps(), { paymentIntentId, now: inWindow })).toBe("refunded");
    const mails = await mailsOf(orderId, "refund");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("We accepted your return");
  });

  it("approving refunds once through Stripe, mails the fan twice (approved, refund) and audits it", async () => {
    const { orderId, returnId } = await requestedReturn();
    const approved = await approveReturn(env.deps(), { actor, returnId, now: inWindow });
    expect(approved).toMatchObject({ ok: true, changed: true, message: expect.stringContaining("refunded") });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ status: "refunded", stripeRefundId: expect.stringMatching(/^re_/) });
    const stripeRefunds = await env.stripe.refunds.list({
      payment_intent: order.stripePaymentIntentId ?? "",
    });
    expect(stripeRefunds.data).toHaveLength(1);
    expect(stripeRefunds.data[0]?.amount).toBe(order.totalMinor);
    expect(await mailsOf(orderId, "return_approved")).toHaveLength(1);
    const [refundMail] = await mailsOf(orderId, "refund");
    expect(refundMail?.text).toContain("We accepted your return");
    expect((await auditOf(orderId, "return.approve"))[0]?.summary).toMatch(/Approved the return of order/);
    expect(await getReturnForConsole(env.db, { orderId })).toMatchObject({
      stage: "refunded",
      decidedBy: actor.email,
      commands: ["receive"],
    });
    // A repeat changes nothing and refunds nothing.
    expect(await approveReturn(env.deps(), { actor, returnId, now: inWindow })).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(
      await refuseReturn(env.db, { actor, returnId, refusalReason: "No.", now: inWindow }),
    ).toMatchObject({
      ok: false,
      code: "already_approved",
    });
    expect(await env.db.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId))).toHaveLength(1);
  });

  it("two marketers approving at once: one approval, one refund, one of each mail", async () => {
    const { orderId, returnId } = await requestedReturn();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => approveReturn(env.deps(), { actor, returnId, now: inWindow })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && a.changed)).toHaveLength(1);
    const order = await orderRow(orderId);
    const stripeRefunds = await env.stripe.refunds.list({
      payment_intent: order.stripePaymentIntentId ?? "",
    });
    expect(stripeRefunds.data).toHaveLength(1);
    expect(await env.db.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId))).toHaveLength(1);
    expect(await mailsOf(orderId, "refund")).toHaveLength(1);
    expect(await mailsOf(orderId, "return_approved")).toHaveLength(1);
    expect(await auditOf(orderId, "return.approve")).toHaveLength(1);
  });

  it("a refund Stripe does not take at approval is retried by the sweep, with the return's wording", async () => {
    const { orderId, returnId } = await requestedReturn();
    const down = env.deps({ stripe: localStripe(1), retry: FAST_RETRY });
    const approved = await approveReturn(down, { actor, returnId, now: inWindow });
    expect(approved).toMatchObject({ ok: true, changed: true, message: expect.stringContaining("retried") });
    expect(await orderRow(orderId)).toMatchObject({ status: "refunded", stripeRefundId: null });
    await retryOwedRefunds(env.deps(), { now: new Date(inWindow.getTime() + DAY) });
    expect((await orderRow(orderId)).stripeRefundId).toMatch(/^re_/);
    const [refundMail] = await mailsOf(orderId, "refund");
    expect(refundMail?.text).toContain("We accepted your return");
  });

  it("refusing needs a reason; the fan reads it, may ask again, and the refused return can't be approved", async () => {
    const { orderId, userId, returnId } = await requestedReturn();
    expect(await refuseReturn(env.db, { actor, returnId, refusalReason: "  ", now: inWindow })).toMatchObject(
      {
        ok: false,
        code: "invalid",
        fieldErrors: { refusalReason: [expect.any(String)] },
      },
    );
    expect((await returnsOf(orderId))[0]?.status).toBe("requested");
    const reason = "The seal on the box was broken before it left us, per the photos you sent.";
    expect(
      await refuseReturn(env.db, { actor, returnId, refusalReason: reason, now: inWindow }),
    ).toMatchObject({
      ok: true,
      changed: true,
    });
    const [mail] = await mailsOf(orderId, "return_refused");
    expect(mail?.text).toContain(reason);
    expect(await approveReturn(env.deps(), { actor, returnId, now: inWindow })).toMatchObject({
      ok: false,
      code: "already_refused",
    });
    expect((await orderRow(orderId)).status).toBe("paid");
    const panel = await getReturnPanelForUser(env.db, { orderId, userId, now: inWindow });
    expect(panel?.latest).toMatchObject({ stage: "refused", refusalReason: reason });
    expect(panel?.eligibility).toMatchObject({ open: true });
    expect(await ask({ orderId, userId })).toMatchObject({ ok: true });
    expect(await returnsOf(orderId)).toHaveLength(2);
  });

  it("receiving puts the units back on sale once, only after approval", async () => {
    const { orderId, returnId } = await requestedReturn();
    expect(await receiveReturn(env.db, { actor, returnId, now: inWindow })).toMatchObject({
      ok: false,
      code: "not_approved",
    });
    await approveReturn(env.deps(), { actor, returnId, now: inWindow });
    const before = await env.readSku();
    const received = await Promise.all([
      receiveReturn(env.db, { actor, returnId, now: inWindow }),
      receiveReturn(env.db, { actor, returnId, now: inWindow }),
    ]);
    expect(received.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect(received.every((r) => r.ok)).toBe(true);
    const after = await env.readSku();
    expect(after.available - before.available).toBe(1);
    expect(before.sold - after.sold).toBe(1);
    expectInvariant(after);
    expect((await auditOf(orderId, "return.receive"))[0]?.summary).toMatch(/1 unit back on sale/);
    expect(await getReturnForConsole(env.db, { orderId })).toMatchObject({ stage: "received", commands: [] });
  });

  it("approval racing receipt: one refund, the units back at most once (once after a retry)", async () => {
    for (let round = 0; round < 8; round++) {
      const { orderId, returnId } = await requestedReturn();
      const before = await env.readSku();
      const [approved, received] = await Promise.all([
        approveReturn(env.deps(), { actor, returnId, now: inWindow }),
        receiveReturn(env.db, { actor, returnId, now: inWindow }),
      ]);
      expect(approved).toMatchObject({ ok: true, changed: true });
      if (!received.ok) {
        expect(received.code).toBe("not_approved");
        expect(await receiveReturn(env.db, { actor, returnId, now: inWindow })).toMatchObject({
          changed: true,
        });
      }
      const after = await env.readSku();
      expect(after.available - before.available).toBe(1);
      expectInvariant(after);
      const order = await orderRow(orderId);
      const refunds = await env.stripe.refunds.list({ payment_intent: order.stripePaymentIntentId ?? "" });
      expect(refunds.data).toHaveLength(1);
    }
  });

  it("answers an unknown return id with a typed refusal", async () => {
    for (const returnId of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      expect(await approveReturn(env.deps(), { actor, returnId, now: inWindow })).toMatchObject({
        code: "not_found",
      });
      expect(await receiveReturn(env.db, { actor, returnId, now: inWindow })).toMatchObject({
        code: "not_found",
      });
      expect(
        await refuseReturn(env.db, { actor, returnId, refusalReason: "x", now: inWindow }),
      ).toMatchObject({ code: "not_found" });
    }
  });
});

describe("restocking a flash-sale order", () => {
  it("puts the unit back in the sale's bucket it was sold from, once, and ends the fan's hold as returned", async () => {
    const now = new Date();
    const created = await createSale(env.db, {
      slug: `returns-sale-${Date.now()}`,
      name: "Returns test sale",
      productId: env.sku.productId,
      registrationOpensAt: new Date(now.getTime() - 3_600_000),
      registrationClosesAt: new Date(now.getTime() - 60_000),
      startsAt: new Date(now.getTime() - 60_000),
      endsAt: new Date(now.getTime() + 3_600_000),
      skus: [{ skuId: env.sku.id, quantity: 5, salePriceMinor: 99_900 }],
    });
    if (!created.ok) throw new Error(created.message);
    const { saleId } = created;
    const [fan] = await insertUsers(env.db, { prefix: `returns-${Date.now()}`, count: 1 });
    if (!fan) throw new Error("no fan");
    await registerUsers(env.db, { saleId, userIds: [fan] });
    const held = await reserveSaleUnit(env.db, {
      saleId,
      skuId: env.sku.id,
      userId: fan,
      now,
      holdMinutes: 10,
    });
    if (!held.ok) throw new Error(held.message);
    const orderId = await insertPendingOrder(env.db, {
      userId: fan,
      totalMinor: 99_900,
      holdExpiresAt: new Date(now.getTime() + 600_000),
    });
    await attachOrderToSaleHold(env.db, { holdId: held.hold.holdId, userId: fan, orderId });
    await env.db.transaction((tx) => applyPayment(tx, { orderId, paymentIntentId: null, now }));
    const sold = await listBuckets(env.db, { saleId });
    const skuBefore = await env.readSku();

    expect(await env.db.transaction((tx) => restockReturnedOrder(tx, { orderId, now }))).toBe(1);
    expect(await env.db.transaction((tx) => restockReturnedOrder(tx, { orderId, now }))).toBe(0);
    const after = await listBuckets(env.db, { saleId });
    const total = (rows: typeof sold, key: "available" | "sold") => rows.reduce((n, b) => n + b[key], 0);
    expect(total(after, "available") - total(sold, "available")).toBe(1);
    expect(total(sold, "sold") - total(after, "sold")).toBe(1);
    expect(await bucketMismatches(env.db, { saleId })).toEqual([]);
    // The regular stock is not touched by a sale order's return.
    expect(await env.readSku()).toMatchObject({ available: skuBefore.available, sold: skuBefore.sold });
  });
});
