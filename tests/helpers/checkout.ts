import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, expect } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { orders, type Sku, skus, users } from "@/db/schema";
import { addToCart, getCart, removeCartLine } from "@/lib/cart/cart";
import { type CheckoutDeps, startCheckout } from "@/lib/checkout/checkout";
import { handleStripeWebhook } from "@/lib/checkout/webhook";
import { type StripeLocalOptions, type StripeLocalServer, startStripeLocal } from "@/stripe-local/server";
import { localStripe } from "@/stripe-local/testing";
import { giveAddress } from "./addresses";
import { openSeededPostgres } from "./db";

/** Stripe retries in checkout tests: four attempts, a few milliseconds apart. */
export const FAST_RETRY = { attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
/** How long a checkout holds stock in these tests. */
export const HOLD_MINUTES = 10;

/** A webhook delivery as the route hands it on: the raw body and its Stripe-Signature header. */
export interface SignedWebhook {
  rawBody: string;
  signature: string;
}

/** quantity = available + held + sold, none of them negative. */
export function expectInvariant(row: Sku) {
  expect(row.available + row.held + row.sold).toBe(row.quantity);
  expect(Math.min(row.available, row.held, row.sold)).toBeGreaterThanOrEqual(0);
}

export interface CheckoutTestEnv {
  handle: DbHandle;
  db: Db;
  server: StripeLocalServer;
  stripe: Stripe;
  /** A seeded SKU with at least 50 units available (and in the currency asked for, if any). */
  sku: Sku;
  /** `{ db, stripe, retry: FAST_RETRY }` with `deps` over them. */
  deps(deps?: Partial<CheckoutDeps>): CheckoutDeps;
  /** A SKU's row as it is now; the file's SKU without an id. */
  readSku(id?: number): Promise<Sku>;
  /** A JSON body signed with the file's webhook secret (at `timestamp`, in seconds, if given). */
  signed(body: object, options?: { timestamp?: number }): SignedWebhook;
  /** handleStripeWebhook on a delivery, with the file's secret, at `now`. */
  deliver(
    event: { rawBody: string; signature: string | null },
    options?: { deps?: Partial<CheckoutDeps>; now?: Date },
  ): ReturnType<typeof handleStripeWebhook>;
  /** The genuine events of `type` the local Stripe made for a session, signed as its webhooks would be. */
  stripeEventsFor(sessionId: string, type: string): Promise<SignedWebhook[]>;
  /** startCheckout for a shopper's cart (as fan@example.com unless `email`), holding for HOLD_MINUTES. */
  start(
    userId: string,
    deps?: Partial<CheckoutDeps>,
    options?: { now?: Date; email?: string; addressId?: string; points?: number; expectedBalance?: number },
  ): ReturnType<typeof startCheckout>;
  /** A new account with an empty cart and a default delivery address. */
  newShopper(): Promise<string>;
  emptyCart(userId: string): Promise<void>;
  addOne(userId: string, skuId?: number): Promise<void>;
  /** The shopper's pending order, if any. */
  pendingOrderOf(userId: string): Promise<typeof orders.$inferSelect | undefined>;
}

/**
 * The setup every checkout test file on PostgreSQL shares: a seeded database of its own (`poolMax` connections),
 * the local Stripe server in-process, and a SKU with stock; opened before the file's tests and closed after
 * them. The fields are there from the file's first `beforeAll` on.
 */
export function withCheckoutEnv({
  secret,
  poolMax,
  stripeServer = {},
  currency,
}: {
  secret: string;
  poolMax: number;
  stripeServer?: StripeLocalOptions;
  currency?: string;
}): CheckoutTestEnv {
  const env = {} as CheckoutTestEnv;
  beforeAll(async () => {
    env.handle = await openSeededPostgres({ poolMax });
    env.db = env.handle.db;
    env.server = await startStripeLocal({ port: 0, writeRateLimit: 0, ...stripeServer });
    env.stripe = localStripe(env.server.port);
    const pick = (await env.db.select().from(skus)).find(
      (s) => s.available >= 50 && (currency === undefined || s.currency === currency),
    );
    if (!pick) throw new Error("no SKU with stock");
    env.sku = pick;
  });
  afterAll(async () => {
    await env.server?.close();
    await env.handle?.close();
  });

  env.deps = (deps = {}) => ({ db: env.db, stripe: env.stripe, retry: FAST_RETRY, ...deps });
  env.readSku = async (id = env.sku.id) => {
    const [row] = await env.db.select().from(skus).where(eq(skus.id, id));
    if (!row) throw new Error("sku vanished");
    return row;
  };
  env.signed = (body, { timestamp } = {}) => {
    const payload = JSON.stringify(body);
    return {
      rawBody: payload,
      signature: env.stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
    };
  };
  env.deliver = (event, { deps, now = new Date() } = {}) =>
    handleStripeWebhook(env.deps(deps), { ...event, secret, now });
  env.stripeEventsFor = async (sessionId, type) => {
    const list = await env.stripe.events.list({ type, limit: 100 });
    return list.data
      .filter((e) => (e.data.object as { id?: string }).id === sessionId)
      .map((e) => env.signed(JSON.parse(JSON.stringify(e)) as object));
  };
  env.start = (
    userId,
    deps = {},
    { now = new Date(), email = "fan@example.com", addressId, points, expectedBalance } = {},
  ) =>
    startCheckout(env.deps(deps), {
      userId,
      email,
      addressId,
      points,
      expectedBalance,
      now,
      holdMinutes: HOLD_MINUTES,
      origin: "http://store.test",
    });
  env.newShopper = async () => {
    const [user] = await env.db
      .insert(users)
      .values({ email: `fan-${randomUUID()}@example.com`, name: "Fan", passwordHash: "x" })
      .returning({ id: users.id });
    if (!user) throw new Error("no user");
    // A shopper who can check out: a cart checkout needs a delivery address.
    await giveAddress(env.db, { userId: user.id });
    return user.id;
  };
  env.emptyCart = async (userId) => {
    for (const line of (await getCart(env.db, { userId })).lines) {
      await removeCartLine(env.db, { owner: { userId }, skuId: line.skuId });
    }
  };
  env.addOne = async (userId, skuId = env.sku.id) => {
    await addToCart(env.db, { owner: { userId }, skuId, quantity: 1 });
  };
  env.pendingOrderOf = async (userId) => {
    const [order] = await env.db
      .select()
      .from(orders)
      .where(and(eq(orders.userId, userId), eq(orders.status, "pending")));
    return order;
  };
  return env;
}
