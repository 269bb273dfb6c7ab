import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { orders, users } from "@/db/schema";
import { submitCard } from "@/stripe-local/testing";
import { expectInvariant, withCheckoutEnv } from "@/tests/helpers/checkout";
import { cancelPendingOrder } from "./cancel-order";
import { sweepExpiredHolds } from "./checkout";

/**
 * The owner's cancel of a pending order on real PostgreSQL and the local Stripe server: stock back at once,
 * the session expired, only for the owner; and a cancel racing a payment ends cancelled-and-never-paid or paid
 * (or refunded), never cancelled with the money taken.
 */

const env = withCheckoutEnv({ secret: "whsec_cancel_order_tests", poolMax: 8, currency: "CNY" });
let otherId: string;

beforeAll(async () => {
  const [other] = await env.db.select().from(users).where(eq(users.email, "marketer@example.com"));
  if (!other) throw new Error("seeded marketer missing");
  otherId = other.id;
});

async function checkoutOne(userId: string) {
  await env.emptyCart(userId);
  await env.addOne(userId);
  const started = await env.start(userId);
  if (!started.ok) throw new Error(started.message);
  const [order] = await env.db.select().from(orders).where(eq(orders.id, started.orderId));
  if (!order?.stripeSessionId) throw new Error("no session");
  return { orderId: started.orderId, sessionId: order.stripeSessionId, url: started.url };
}

async function statusOf(orderId: string) {
  const [row] = await env.db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row?.status;
}

/** Every checkout.session.completed Stripe made for the session, delivered as the webhook would. */
async function deliverCompleted(sessionId: string) {
  for (const event of await env.stripeEventsFor(sessionId, "checkout.session.completed"))
    await env.deliver(event);
}

describe("cancel a pending order", () => {
  it("releases the hold at once and expires the session, for the owner only; a second cancel is harmless", async () => {
    const shopper = await env.newShopper();
    const before = await env.readSku();
    const { orderId, sessionId } = await checkoutOne(shopper);
    expect((await env.readSku()).held).toBe(before.held + 1);

    const now = new Date();
    expect(await cancelPendingOrder(env.deps(), { orderId, userId: otherId, now })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(
      await cancelPendingOrder(env.deps(), { orderId: "not-a-uuid", userId: shopper, now }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await statusOf(orderId)).toBe("pending");

    expect(await cancelPendingOrder(env.deps(), { orderId, userId: shopper, now })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/cancelled/),
    });
    expect(await env.readSku()).toMatchObject({ available: before.available, held: before.held });
    expect((await env.stripe.checkout.sessions.retrieve(sessionId)).status).toBe("expired");
    expect(await cancelPendingOrder(env.deps(), { orderId, userId: shopper, now })).toMatchObject({
      ok: true,
    });
    expectInvariant(await env.readSku());
  });

  it("a paid order can't be cancelled: the answer says it stands", async () => {
    const shopper = await env.newShopper();
    const { orderId, sessionId, url } = await checkoutOne(shopper);
    expect((await submitCard(url, "4242 4242 4242 4242")).status).toBe(303);
    await deliverCompleted(sessionId);
    expect(await cancelPendingOrder(env.deps(), { orderId, userId: shopper, now: new Date() })).toMatchObject(
      {
        ok: false,
        code: "already_paid",
      },
    );
    expect(await statusOf(orderId)).toBe("paid");
  });

  it("paid on Stripe's page but the webhook not here yet: the cancel releases, sees the payment, and honours it", async () => {
    const shopper = await env.newShopper();
    const before = await env.readSku();
    const { orderId, url } = await checkoutOne(shopper);
    expect((await submitCard(url, "4242 4242 4242 4242")).status).toBe(303);
    expect(await statusOf(orderId)).toBe("pending");
    expect(await cancelPendingOrder(env.deps(), { orderId, userId: shopper, now: new Date() })).toMatchObject(
      {
        ok: false,
        code: "already_paid",
      },
    );
    expect(await statusOf(orderId)).toBe("paid");
    expect(await env.readSku()).toMatchObject({ held: before.held, sold: before.sold + 1 });
  });

  it("a cancel racing a payment ends cancelled and never paid, or paid with the unit sold — never both", async () => {
    const outcomes = new Set<string>();
    // From "Pay pressed first" to "Cancel long done", so the rounds cross the moment the two meet.
    const PAY_DELAYS_MS = [0, 0, 2, 5, 10, 20, 60, 120];
    for (let round = 0; round < PAY_DELAYS_MS.length; round++) {
      const shopper = await env.newShopper();
      const before = await env.readSku();
      const { orderId, sessionId, url } = await checkoutOne(shopper);
      // The buyer presses Pay on Stripe's page while the same buyer presses Cancel on ours; in half the rounds
      // the webhook races the cancel too (the card went through first).
      const pay = async () => {
        await new Promise((r) => setTimeout(r, PAY_DELAYS_MS[round]));
        const paid = await submitCard(url, "4242 4242 4242 4242");
        if (paid.status === 303 && round % 2 === 0) await deliverCompleted(sessionId);
      };
      const [answer] = await Promise.all([
        cancelPendingOrder(env.deps(), { orderId, userId: shopper, now: new Date() }),
        pay(),
      ]);
      // Whatever was still in flight arrives, as Stripe's retries would bring it.
      await deliverCompleted(sessionId);
      const session = await env.stripe.checkout.sessions.retrieve(sessionId);
      const status = await statusOf(orderId);
      const after = await env.readSku();
      expectInvariant(after);
      if (session.payment_status === "paid") {
        expect(["paid", "refunded"]).toContain(status);
        if (status === "paid") expect(after.sold).toBe(before.sold + 1);
        expect(answer.ok).toBe(false);
      } else {
        expect(status).toBe("cancelled");
        expect(session.status).toBe("expired");
        expect(after).toMatchObject({ held: before.held, sold: before.sold, available: before.available });
        expect(answer).toMatchObject({ ok: true });
      }
      outcomes.add(`${status}:${answer.ok ? "ok" : answer.code}`);
    }
    // Both ends were reached over the rounds, or the race was not a race.
    expect([...outcomes].join(" ")).toMatch(/cancelled:ok/);
    expect([...outcomes].join(" ")).toMatch(/(paid|refunded):/);
    await sweepExpiredHolds(env.deps(), { now: new Date(Date.now() + 24 * 3600_000) });
  });
});
