import { eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { afterEach, describe, expect, it, vi } from "vitest";
import { orders, stockHolds } from "@/db/schema";
import { submitCard } from "@/stripe-local/testing";
import { expectInvariant, FAST_RETRY, HOLD_MINUTES, withCheckoutEnv } from "@/tests/helpers/checkout";
import { withFaultAdmin } from "@/tests/helpers/faults";
import { sweepExpiredHolds } from "./checkout";
import { reconcilePayments } from "./reconcile";

/*
 * The database drops the store's connections (and refuses new ones for a moment) while startCheckout is between
 * creating the Checkout Session at Stripe and saving it on the order: the one point where a session can exist that
 * the store does not know. Whatever happens next, the store converges: a retry links the order to that same
 * session, or the sweep releases the hold; and a payment made on that session is honoured, never lost.
 */

const env = withCheckoutEnv({ secret: "whsec_connection_faults_secret", poolMax: 4, currency: "CNY" });
const { deliver, pendingOrderOf, readSku, start } = env;
const faults = withFaultAdmin(() => env.db);

afterEach(() => {
  vi.restoreAllMocks();
});

async function newShopperWithCart(): Promise<string> {
  const userId = await env.newShopper();
  await env.addOne(userId);
  return userId;
}

/**
 * startCheckout with the database going down right after Stripe created the session: every store connection is
 * terminated and new ones are refused until startCheckout has answered. Returns its answer and the session.
 */
async function startWhileDatabaseDrops(userId: string) {
  let created: Stripe.Checkout.Session | undefined;
  let terminated = 0;
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    const result = await start(userId, {
      afterSessionCreated: async (session) => {
        created = session;
        await faults.admin.allowConnections(faults.database, false);
        terminated = await faults.admin.terminateStoreConnections(faults.database);
      },
    });
    if (!created) throw new Error("no session was created");
    return { result, session: created, terminated, warnings: warn.mock.calls.map(([line]) => String(line)) };
  } finally {
    await faults.admin.allowConnections(faults.database, true);
  }
}

describe("PostgreSQL drops the store's connections mid checkout", () => {
  it("between creating the session and saving it: a typed answer, the hold kept; the retry links the same session and it is paid once", async () => {
    const userId = await newShopperWithCart();
    const before = await readSku();
    const sessionsBefore = env.server.control.state().sessionsCreated;

    const { result, session, terminated, warnings } = await startWhileDatabaseDrops(userId);
    expect(terminated).toBeGreaterThan(0);
    expect(result).toMatchObject({
      ok: false,
      code: "payment_unavailable",
      message: expect.stringMatching(/again/),
    });
    expect(warnings.some((w) => w.startsWith("[checkout] database connection lost"))).toBe(true);
    // The store did not save the session, and still holds the unit for the order.
    const order = await pendingOrderOf(userId);
    expect(order).toMatchObject({ stripeSessionId: null });
    expect((await readSku()).held).toBe(before.held + 1);

    // The fan presses Checkout again (the pool has reconnected by itself): same order, same session, linked.
    const retry = await start(userId);
    expect(retry).toMatchObject({ ok: true, orderId: order?.id, url: session.url });
    expect(await pendingOrderOf(userId)).toMatchObject({ id: order?.id, stripeSessionId: session.id });
    expect(env.server.control.state().sessionsCreated).toBe(sessionsBefore + 1);

    // Paid on that session: applied once, however often the event comes.
    await submitCard(session.url ?? "", "4242 4242 4242 4242");
    const events = await env.stripeEventsFor(session.id, "checkout.session.completed");
    expect(events).toHaveLength(1);
    for (const e of [...events, ...events]) await deliver(e as { rawBody: string; signature: string });
    const [paid] = await env.db
      .select()
      .from(orders)
      .where(eq(orders.id, order?.id ?? ""));
    expect(paid).toMatchObject({ status: "paid", stripeSessionId: session.id });
    const after = await readSku();
    expect(after.sold).toBe(before.sold + 1);
    expect(after.held).toBe(before.held);
    expectInvariant(after);
  });

  it("between creating the session and saving it, nobody retries: the sweep releases the hold; a payment on that session is honoured", async () => {
    const userId = await newShopperWithCart();
    const before = await readSku();
    const { result, session } = await startWhileDatabaseDrops(userId);
    expect(result).toMatchObject({ ok: false, code: "payment_unavailable" });
    const order = await pendingOrderOf(userId);
    if (!order) throw new Error("the order was not kept pending");

    // The hold runs out: the sweep releases it, so no unit stays held for an order without a session.
    const later = new Date(Date.now() + (HOLD_MINUTES + 1) * 60_000);
    expect(await sweepExpiredHolds(env.deps(), { now: later })).toMatchObject({
      released: expect.any(Number),
    });
    const [expired] = await env.db.select().from(orders).where(eq(orders.id, order.id));
    expect(expired?.status).toBe("expired");
    const holds = await env.db
      .select()
      .from(stockHolds)
      .where(inArray(stockHolds.orderId, [order.id]));
    expect(holds.map((h) => h.status)).toEqual(["released"]);
    const released = await readSku();
    expect(released.held).toBe(before.held);
    expectInvariant(released);

    // The fan had Stripe's page open and pays; no webhook reaches the store, reconciliation finds the payment.
    await submitCard(session.url ?? "", "4242 4242 4242 4242");
    const run = await reconcilePayments(
      { db: env.db, stripe: env.stripe },
      { now: new Date(), wallNow: new Date(Date.now() + 3_000), retry: FAST_RETRY },
    );
    expect(run.applied).toBeGreaterThanOrEqual(1);
    const [settled] = await env.db.select().from(orders).where(eq(orders.id, order.id));
    // Stock allows, so the late payment is honoured: the unit is taken again and sold, linked to its session.
    expect(settled).toMatchObject({ status: "paid", stripeSessionId: session.id });
    const after = await readSku();
    expect(after.sold).toBe(before.sold + 1);
    expectInvariant(after);
  });
});
