import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { queryRows } from "@/db/client";
import { checkoutQueue, orders } from "@/db/schema";
import { chooseShippingAddress } from "@/lib/addresses/addresses";
import { toStripeShipping } from "@/lib/addresses/rules";
import type { Db } from "@/lib/db";
import { isRetryableStripeError, withStripeRetry } from "@/lib/payments/stripe";
import { attachOrderToSaleHold, getSaleHoldForUser } from "@/lib/sales/holds";
import { type CheckoutDeps, STRIPE_MIN_SESSION_SECONDS } from "./checkout";
import { insertOrderWithLines } from "./order-insert";
import { checkoutReturnUrls } from "./return-urls";

export const CHECKOUT_THROTTLE = "stripe-checkout-sessions";
/** A claim older than this belonged to an instance that died mid-way; another instance takes it over. */
const STALE_CLAIM_SECONDS = 60;

export interface ThrottleConfig {
  ratePerSecond: number;
  /** Burst allowance; one second's worth keeps the rate honest over any one-second window. */
  capacity?: number;
}

/**
 * Takes up to `want` tokens from a store-wide token bucket in PostgreSQL (refilled by the time elapsed since the
 * last take, inside the same statement), so every instance shares one rate. `wallNow` is real time: the QA test
 * clock must not mint tokens.
 */
export async function takeThrottleTokens(
  db: Db,
  { name, want, wallNow, config }: { name: string; want: number; wallNow: Date; config: ThrottleConfig },
): Promise<number> {
  if (want <= 0) return 0;
  const capacity = config.capacity ?? config.ratePerSecond;
  const at = wallNow.toISOString();
  await db.execute(sql`
    insert into throttle_buckets (name, tokens, capacity, rate_per_second, updated_at)
    values (${name}, ${capacity}, ${capacity}, ${config.ratePerSecond}, ${at}::timestamptz)
    on conflict (name) do nothing`);
  const [row] = await queryRows<{ granted: number }>(
    db,
    sql`
      with cur as (
        select least(${capacity}::float8,
          tokens + ${config.ratePerSecond}::float8 * greatest(0, extract(epoch from (${at}::timestamptz - updated_at)))) as t
        from throttle_buckets where name = ${name} for update
      ), g as (select t, least(floor(t), ${want})::int as granted from cur)
      update throttle_buckets b
      set tokens = g.t - g.granted, capacity = ${capacity}, rate_per_second = ${config.ratePerSecond},
        updated_at = greatest(b.updated_at, ${at}::timestamptz)
      from g where b.name = ${name}
      returning g.granted`,
  );
  return row?.granted ?? 0;
}

export type QueueStatus =
  | { status: "queued"; position: number; etaSeconds: number; expiresAt: string | null }
  | { status: "ready"; url: string; orderId: string | null }
  | { status: "failed"; message: string }
  | { status: "unknown" };

/** Where a fan stands: position among those still waiting, and a time estimate at the throttle's rate. */
/** The first waiting place in the line, read at most once a second per database handle. */
const heads = new WeakMap<Db, { seq: number | null; readAt: number }>();

/**
 * Where the line starts: the lowest waiting `seq` (one step down its partial index), remembered for a second, so a
 * poll's position is its distance from the head instead of a count of everyone ahead (which read up to 50,000 index
 * entries per poll in bench:http). Entries ahead that left the line out of order (a retry backing off, a failure)
 * are still counted, so the position can be a little high, never low.
 */
async function lineHead(db: Db): Promise<number | null> {
  const known = heads.get(db);
  if (known && Date.now() - known.readAt < 1000) return known.seq;
  const [row] = await queryRows<{ seq: string | null }>(
    db,
    sql`select min(seq)::text as seq from checkout_queue where status in ('queued', 'processing')`,
  );
  const seq = row?.seq == null ? null : Number(row.seq);
  heads.set(db, { seq, readAt: Date.now() });
  return seq;
}

export async function getQueueStatus(
  db: Db,
  { holdId, userId, ratePerSecond }: { holdId: string; userId: string; ratePerSecond: number },
): Promise<QueueStatus> {
  const [entry] = await db
    .select()
    .from(checkoutQueue)
    .where(and(eq(checkoutQueue.holdId, holdId), eq(checkoutQueue.userId, userId)));
  if (!entry) return { status: "unknown" };
  if (entry.status === "ready" && entry.sessionUrl)
    return { status: "ready", url: entry.sessionUrl, orderId: entry.orderId };
  if (entry.status === "failed") {
    return {
      status: "failed",
      message: entry.lastError ?? "Your reservation has ended. Go back to the sale to try again.",
    };
  }
  const head = await lineHead(db);
  const position = Math.max(1, entry.seq - (head ?? entry.seq) + 1);
  const hold = await getSaleHoldForUser(db, { holdId, userId });
  return {
    status: "queued",
    position,
    etaSeconds: Math.max(1, Math.ceil(position / ratePerSecond)),
    expiresAt: hold?.expiresAt.toISOString() ?? null,
  };
}

/**
 * Creates the pending order and the Checkout Session for one queued hold. The order is created once (the hold
 * remembers it), the session under an idempotency key from the order, and the hold's clock restarts when the
 * session exists, so time spent in line does not eat into the time to pay.
 */
async function checkoutForHold(
  deps: Pick<CheckoutDeps, "db" | "stripe">,
  {
    holdId,
    userId,
    now,
    wallNow,
    origin,
    holdMinutes,
  }: { holdId: string; userId: string; now: Date; wallNow: Date; origin: string; holdMinutes: number },
): Promise<{ ok: true; url: string; orderId: string } | { ok: false; final: boolean; message: string }> {
  const hold = await getSaleHoldForUser(deps.db, { holdId, userId });
  if (hold?.status !== "active") {
    return {
      ok: false,
      final: true,
      message: "Your reservation ended before checkout was ready. Go back to the sale to try again.",
    };
  }
  const expiresAt = new Date(Math.max(hold.expiresAt.getTime(), now.getTime() + holdMinutes * 60_000));
  let orderId = hold.orderId;
  if (!orderId) {
    orderId = await createSaleOrder({ db: deps.db, hold, holdId, userId, expiresAt, now });
  }
  try {
    const session = await createSaleSession({ deps, hold, holdId, orderId, origin, wallNow });
    if (!session.url) throw new Error("Checkout Session without a URL");
    await deps.db
      .update(orders)
      .set({ stripeSessionId: session.id, stripeSessionUrl: session.url, holdExpiresAt: expiresAt })
      .where(and(eq(orders.id, orderId), eq(orders.status, "pending")));
    return { ok: true, url: session.url, orderId };
  } catch (error) {
    if (isRetryableStripeError(error)) return { ok: false, final: false, message: "Stripe is busy" };
    console.error("[sale-queue] session creation failed", error);
    return {
      ok: false,
      final: true,
      message: "We could not start your checkout. Go back to the sale to try again.",
    };
  }
}

type QueuedHold = NonNullable<Awaited<ReturnType<typeof getSaleHoldForUser>>>;

/** The sale order for a hold, in one transaction with attaching it to the hold (rolled back if that fails). */
async function createSaleOrder({
  db,
  hold,
  holdId,
  userId,
  expiresAt,
  now,
}: {
  db: Db;
  hold: QueuedHold;
  holdId: string;
  userId: string;
  expiresAt: Date;
  now: Date;
}): Promise<string> {
  return db.transaction(async (tx) => {
    // The fan's default address as it is now; the order keeps this copy whatever the book says later.
    const shippingAddress = await chooseShippingAddress(tx, { userId });
    const orderId = await insertOrderWithLines(
      tx,
      {
        userId,
        kind: "sale",
        currency: hold.currency,
        totalMinor: hold.salePriceMinor,
        holdExpiresAt: expiresAt,
        shippingAddress,
        createdAt: now,
      },
      [
        {
          skuId: hold.skuId,
          productName: hold.productName,
          variantLabel: `${hold.variantLabel} · ${hold.saleName}`,
          unitPriceMinor: hold.salePriceMinor,
          quantity: 1,
        },
      ],
    );
    const attached = await attachOrderToSaleHold(tx, { holdId, userId, orderId });
    if (!attached.ok) tx.rollback();
    await tx.execute(sql`
      update sale_holds set expires_at = greatest(expires_at, ${expiresAt.toISOString()}::timestamptz)
      where id = ${holdId}::uuid and status = 'active'`);
    return orderId;
  });
}

/** The delivery address an order was placed with (null for an order from before the fan had one). */
async function getOrderShippingAddress(db: Db, { orderId }: { orderId: string }) {
  const [row] = await db
    .select({ shippingAddress: orders.shippingAddress })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row?.shippingAddress ?? null;
}

/** The order's session; the delivery address Stripe is told is the order's own copy (read here, fixed per order). */
async function createSaleSession({
  deps: { db, stripe },
  hold,
  holdId,
  orderId,
  origin,
  wallNow,
}: {
  deps: Pick<CheckoutDeps, "db" | "stripe">;
  hold: QueuedHold;
  holdId: string;
  orderId: string;
  origin: string;
  wallNow: Date;
}): Promise<Stripe.Checkout.Session> {
  const shipping = await getOrderShippingAddress(db, { orderId });
  return withStripeRetry(
    () =>
      stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: orderId,
          metadata: { orderId, saleHoldId: holdId, saleId: hold.saleId },
          payment_intent_data: {
            metadata: { orderId },
            ...(shipping ? { shipping: toStripeShipping(shipping) } : {}),
          },
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: hold.currency.toLowerCase(),
                unit_amount: hold.salePriceMinor,
                product_data: {
                  name: hold.productName,
                  description: `${hold.variantLabel} · ${hold.saleName}`,
                },
              },
            },
          ],
          ...checkoutReturnUrls(origin, orderId),
          expires_at: Math.floor(wallNow.getTime() / 1000) + STRIPE_MIN_SESSION_SECONDS + 60,
        },
        { idempotencyKey: `checkout-session:${orderId}` },
      ),
    // One try: the queue itself is the retry, at the throttle's pace.
    { attempts: 1 },
  );
}

/**
 * One round of the checkout line: claim the oldest waiting entries (SKIP LOCKED, so every instance can run this at
 * once), take as many throttle tokens as were claimed, create sessions for those and put the rest back in line.
 */
export async function processCheckoutQueue(
  deps: Pick<CheckoutDeps, "db" | "stripe">,
  {
    now,
    wallNow = new Date(),
    origin,
    holdMinutes,
    throttle,
    max = 10,
  }: {
    now: Date;
    wallNow?: Date;
    origin: string;
    holdMinutes: number;
    throttle: ThrottleConfig;
    max?: number;
  },
): Promise<{ created: number; requeued: number; failed: number }> {
  const at = wallNow.toISOString();
  const claimed = await queryRows<{ holdId: string; userId: string; attempts: number }>(
    deps.db,
    sql`
      update checkout_queue q set status = 'processing', claimed_at = ${at}::timestamptz
      where q.hold_id in (
        select hold_id from checkout_queue
        where (status = 'queued' and not_before <= ${at}::timestamptz)
           or (status = 'processing' and claimed_at < ${at}::timestamptz - make_interval(secs => ${STALE_CLAIM_SECONDS}))
        order by seq limit ${max}
        for update skip locked)
      returning q.hold_id as "holdId", q.user_id as "userId", q.attempts`,
  );
  if (claimed.length === 0) return { created: 0, requeued: 0, failed: 0 };
  const granted = await takeThrottleTokens(deps.db, {
    name: CHECKOUT_THROTTLE,
    want: claimed.length,
    wallNow,
    config: throttle,
  });
  const toRun = claimed.slice(0, granted);
  const putBack = claimed.slice(granted).map((c) => c.holdId);
  if (putBack.length) {
    await deps.db.execute(sql`
      update checkout_queue set status = 'queued', claimed_at = null
      where hold_id = any(${`{${putBack.join(",")}}`}::uuid[])`);
  }
  let created = 0;
  let failed = 0;
  let requeued = putBack.length;
  for (const entry of toRun) {
    const result = await checkoutForHold(deps, { ...entry, now, wallNow, origin, holdMinutes });
    if (result.ok) {
      created++;
      await deps.db
        .update(checkoutQueue)
        .set({ status: "ready", sessionUrl: result.url, orderId: result.orderId, readyAt: wallNow })
        .where(eq(checkoutQueue.holdId, entry.holdId));
    } else if (result.final || entry.attempts >= 8) {
      failed++;
      await deps.db
        .update(checkoutQueue)
        .set({ status: "failed", lastError: result.message })
        .where(eq(checkoutQueue.holdId, entry.holdId));
    } else {
      requeued++;
      const backoffMs = Math.min(10_000, 250 * 2 ** entry.attempts) * (0.5 + Math.random() / 2);
      await deps.db
        .update(checkoutQueue)
        .set({
          status: "queued",
          claimedAt: null,
          attempts: entry.attempts + 1,
          lastError: result.message,
          notBefore: new Date(wallNow.getTime() + backoffMs),
        })
        .where(eq(checkoutQueue.holdId, entry.holdId));
    }
  }
  return { created, requeued, failed };
}
