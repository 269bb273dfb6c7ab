import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { checkoutQueue, orders, skus } from "@/db/schema";
import { createSale } from "@/lib/sales/commands";
import { reserveSaleUnit } from "@/lib/sales/reserve";
import { bucketMismatches, insertUsers, registerUsers } from "@/lib/sales/test-support";
import { type StripeLocalServer, startStripeLocal } from "@/stripe-local/server";
import { localStripe, submitCard } from "@/stripe-local/testing";
import { BEIJING_ADDRESS, giveAddress } from "@/tests/helpers/addresses";
import { openSeededPostgres } from "@/tests/helpers/db";
import { getQueueStatus, processCheckoutQueue, takeThrottleTokens } from "./sale-queue";
import { handleStripeWebhook } from "./webhook";

let handle: DbHandle;
let db: Db;
let server: StripeLocalServer;
let stripe: Stripe;
const SECRET = "whsec_sale_queue_tests";

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 12 });
  db = handle.db;
  // The local server enforces Stripe's test-mode limit (25 writes/s) like the real one.
  server = await startStripeLocal({ port: 0, writeRateLimit: 25 });
  stripe = localStripe(server.port);
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe("the store-wide checkout throttle (PostgreSQL)", () => {
  it("grants at most the configured rate, refilled by elapsed time, across concurrent takers", async () => {
    const t0 = new Date("2026-12-01T04:00:00Z");
    const config = { ratePerSecond: 20 };
    expect(await takeThrottleTokens(db, { name: "t1", want: 100, wallNow: t0, config })).toBe(20);
    expect(await takeThrottleTokens(db, { name: "t1", want: 100, wallNow: t0, config })).toBe(0);
    const half = new Date(t0.getTime() + 500);
    expect(await takeThrottleTokens(db, { name: "t1", want: 100, wallNow: half, config })).toBe(10);
    // Eight instances asking at the same instant share one second's worth.
    const later = new Date(t0.getTime() + 10_000);
    const grants = await Promise.all(
      Array.from({ length: 8 }, () =>
        takeThrottleTokens(db, { name: "t1", want: 5, wallNow: later, config }),
      ),
    );
    expect(grants.reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe("the checkout line for sale winners", () => {
  it("creates sessions in order at the throttle's pace, then a paid webhook sells the unit exactly once", async () => {
    const [sku] = await db.select().from(skus).where(eq(skus.code, "kite-9-lite-mint-8-256"));
    if (!sku) throw new Error("seed SKU missing");
    const now = new Date();
    const created = await createSale(db, {
      slug: "queue-test-sale",
      name: "Queue test",
      productId: sku.productId,
      registrationOpensAt: new Date(now.getTime() - 3_600_000),
      registrationClosesAt: new Date(now.getTime() - 60_000),
      startsAt: new Date(now.getTime() - 60_000),
      endsAt: new Date(now.getTime() + 3_600_000),
      skus: [{ skuId: sku.id, quantity: 30, salePriceMinor: 99_900 }],
    });
    if (!created.ok) throw new Error(created.message);
    const fans = await insertUsers(db, { prefix: "queue", count: 30 });
    // The first fan has a delivery address; the others have none yet.
    await giveAddress(db, { userId: fans[0] ?? "" });
    await registerUsers(db, { saleId: created.saleId, userIds: fans });
    const holds: { holdId: string; userId: string }[] = [];
    for (const userId of fans) {
      const r = await reserveSaleUnit(db, {
        saleId: created.saleId,
        skuId: sku.id,
        userId,
        now,
        holdMinutes: 10,
        queueForCheckout: true,
      });
      if (!r.ok) throw new Error(r.message);
      holds.push({ holdId: r.hold.holdId, userId });
    }
    const last = holds[29];
    if (!last) throw new Error("no holds");
    expect(await getQueueStatus(db, { ...last, ratePerSecond: 10 })).toMatchObject({
      status: "queued",
      position: 30,
      etaSeconds: 3,
    });

    // Simulated wall clock: four rounds a second at 10 sessions/s.
    const throttle = { ratePerSecond: 10 };
    let wall = Date.now() + 60_000;
    const perSecond: number[] = [];
    for (let second = 0; second < 5; second++) {
      let inSecond = 0;
      for (let round = 0; round < 4; round++) {
        const r = await processCheckoutQueue(
          { db, stripe },
          { now, wallNow: new Date(wall), origin: "http://store.test", holdMinutes: 10, throttle, max: 10 },
        );
        inSecond += r.created;
        wall += 250;
      }
      perSecond.push(inSecond);
    }
    // The first second may use the full burst (capacity = one second's worth); none exceeds rate + burst.
    expect(perSecond.every((n) => n <= 20)).toBe(true);
    expect(perSecond.slice(1).every((n) => n <= 10)).toBe(true);
    expect(perSecond.reduce((a, b) => a + b, 0)).toBe(30);
    const ready = await db.select().from(checkoutQueue).where(eq(checkoutQueue.status, "ready"));
    expect(ready.length).toBe(30);
    // Served in line order.
    const firstFan = holds[0];
    if (!firstFan) throw new Error("no holds");
    const firstStatus = await getQueueStatus(db, { ...firstFan, ratePerSecond: 10 });
    if (firstStatus.status !== "ready") throw new Error("first fan not ready");

    // Pay for the first fan's unit; deliver the webhook twice.
    const [order] = await db
      .select()
      .from(orders)
      .where(eq(orders.id, firstStatus.orderId ?? ""));
    if (!order?.stripeSessionId) throw new Error("no session");
    expect((await submitCard(firstStatus.url, "4242424242424242")).status).toBe(303);
    const session = await stripe.checkout.sessions.retrieve(order.stripeSessionId);
    const payload = JSON.stringify({
      id: "evt_queue_1",
      object: "event",
      type: "checkout.session.completed",
      data: { object: session },
    });
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    for (let i = 0; i < 2; i++) {
      await handleStripeWebhook(
        { db, stripe },
        { rawBody: payload, signature, secret: SECRET, now: new Date() },
      );
    }
    const [paid] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(paid?.status).toBe("paid");
    // The order kept the fan's default address, and Stripe got it as the payment's shipping.
    expect(paid?.shippingAddress).toMatchObject({
      recipientName: "Li Wei",
      city: "Beijing",
      mobile: "13800138000",
    });
    const intent = await stripe.paymentIntents.retrieve(String(session.payment_intent));
    expect(intent.shipping).toMatchObject({
      name: "Li Wei",
      address: { line1: BEIJING_ADDRESS.street, postal_code: "100022" },
    });
    const secondStatus = await getQueueStatus(db, { ...(holds[1] ?? firstFan), ratePerSecond: 10 });
    if (secondStatus.status !== "ready") throw new Error("second fan not ready");
    const [second] = await db
      .select()
      .from(orders)
      .where(eq(orders.id, secondStatus.orderId ?? ""));
    expect(second).toBeDefined();
    expect(second?.shippingAddress).toBeNull();
    const [{ sold } = { sold: -1 }] = (
      (await db.execute(
        sql`select sum(sold)::int as sold from sale_buckets where sale_id = ${created.saleId}::uuid`,
      )) as unknown as {
        rows: { sold: number }[];
      }
    ).rows;
    expect(sold).toBe(1);
    expect(await bucketMismatches(db, { saleId: created.saleId })).toEqual([]);
  });
});
