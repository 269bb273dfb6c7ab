import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { orders, type Sku, skus, stockHolds, users } from "@/db/schema";
import { addToCart } from "@/lib/cart/cart";
import { type StripeLocalServer, startStripeLocal } from "@/stripe-local/server";
import { localStripe, submitCard } from "@/stripe-local/testing";
import { openSeededPostgres } from "@/tests/helpers/db";
import { databaseOf, type FaultAdmin, openFaultAdmin } from "@/tests/helpers/faults";
import { type CheckoutDeps, startCheckout, sweepExpiredHolds } from "./checkout";
import { reconcilePayments } from "./reconcile";
import { handleStripeWebhook } from "./webhook";

/*
 * The database drops the store's connections (and refuses new ones for a moment) while startCheckout is between
 * creating the Checkout Session at Stripe and saving it on the order: the one point where a session can exist that
 * the store does not know. Whatever happens next, the store converges: a retry links the order to that same
 * session, or the sweep releases the hold; and a payment made on that session is honoured, never lost.
 */

const SECRET = "whsec_connection_faults_secret";
const FAST_RETRY = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
const HOLD_MINUTES = 10;

let handle: DbHandle;
let db: Db;
let database: string;
let admin: FaultAdmin;
let server: StripeLocalServer;
let stripe: Stripe;
let sku: Sku;

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
  db = handle.db;
  database = databaseOf(db);
  admin = await openFaultAdmin();
  server = await startStripeLocal({ port: 0, writeRateLimit: 0 });
  stripe = localStripe(server.port);
  const pick = (await db.select().from(skus)).find((s) => s.available >= 50 && s.currency === "CNY");
  if (!pick) throw new Error("no SKU with stock");
  sku = pick;
});

afterAll(async () => {
  await admin?.allowConnections(database, true);
  await admin?.close();
  await server?.close();
  await handle?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function readSku(): Promise<Sku> {
  const [row] = await db.select().from(skus).where(eq(skus.id, sku.id));
  if (!row) throw new Error("sku vanished");
  return row;
}

function expectInvariant(row: Sku) {
  expect(row.available + row.held + row.sold).toBe(row.quantity);
  expect(Math.min(row.available, row.held, row.sold)).toBeGreaterThanOrEqual(0);
}

async function newShopperWithCart(): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `fan-${randomUUID()}@example.com`, name: "Fan", passwordHash: "x" })
    .returning({ id: users.id });
  if (!user) throw new Error("no user");
  await addToCart(db, { owner: { userId: user.id }, skuId: sku.id, quantity: 1 });
  return user.id;
}

function start(userId: string, deps: Partial<CheckoutDeps> = {}, now = new Date()) {
  return startCheckout(
    { db, stripe, retry: FAST_RETRY, ...deps },
    { userId, email: "fan@example.com", now, holdMinutes: HOLD_MINUTES, origin: "http://store.test" },
  );
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
        await admin.allowConnections(database, false);
        terminated = await admin.terminateStoreConnections(database);
      },
    });
    if (!created) throw new Error("no session was created");
    return { result, session: created, terminated, warnings: warn.mock.calls.map(([line]) => String(line)) };
  } finally {
    await admin.allowConnections(database, true);
  }
}

async function pendingOrderOf(userId: string) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.status, "pending")));
  return order;
}

function signed(event: object) {
  const payload = JSON.stringify(event);
  return {
    rawBody: payload,
    signature: stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
  };
}

/** The genuine completed events the local Stripe made for a session, signed as its webhooks would be. */
async function completedEventsFor(sessionId: string) {
  const list = await stripe.events.list({ type: "checkout.session.completed", limit: 100 });
  return list.data
    .filter((e) => (e.data.object as { id?: string }).id === sessionId)
    .map((e) => signed(JSON.parse(JSON.stringify(e)) as object));
}

function deliver(event: { rawBody: string; signature: string }) {
  return handleStripeWebhook(
    { db, stripe, retry: FAST_RETRY },
    { ...event, secret: SECRET, now: new Date() },
  );
}

describe("PostgreSQL drops the store's connections mid checkout", () => {
  it("between creating the session and saving it: a typed answer, the hold kept; the retry links the same session and it is paid once", async () => {
    const userId = await newShopperWithCart();
    const before = await readSku();
    const sessionsBefore = server.control.state().sessionsCreated;

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
    expect(server.control.state().sessionsCreated).toBe(sessionsBefore + 1);

    // Paid on that session: applied once, however often the event comes.
    await submitCard(session.url ?? "", "4242 4242 4242 4242");
    const events = await completedEventsFor(session.id);
    expect(events).toHaveLength(1);
    for (const e of [...events, ...events]) await deliver(e as { rawBody: string; signature: string });
    const [paid] = await db
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
    expect(await sweepExpiredHolds({ db, stripe, retry: FAST_RETRY }, { now: later })).toMatchObject({
      released: expect.any(Number),
    });
    const [expired] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(expired?.status).toBe("expired");
    const holds = await db
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
      { db, stripe },
      { now: new Date(), wallNow: new Date(Date.now() + 3_000), retry: FAST_RETRY },
    );
    expect(run.applied).toBeGreaterThanOrEqual(1);
    const [settled] = await db.select().from(orders).where(eq(orders.id, order.id));
    // Stock allows, so the late payment is honoured: the unit is taken again and sold, linked to its session.
    expect(settled).toMatchObject({ status: "paid", stripeSessionId: session.id });
    const after = await readSku();
    expect(after.sold).toBe(before.sold + 1);
    expectInvariant(after);
  });
});
