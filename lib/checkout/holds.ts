import "server-only";
import { isDeepStrictEqual } from "node:util";
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { queryRows } from "@/db/client";
import { cartLines, carts, orders, type ShippingAddress, skus, stockHolds } from "@/db/schema";
import { chooseShippingAddress } from "@/lib/addresses/addresses";
import { lockAccount } from "@/lib/auth/users";
import { releaseBetaSeat } from "@/lib/beta/seats";
import { orderLimitMessage, productsOverLimit } from "@/lib/cart/order-limit";
import { stockBadgeChanged } from "@/lib/catalog/stock";
import { expireProductPagesForStock } from "@/lib/catalog/stock-pages";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { Db, Tx } from "@/lib/db";
import { MAX_PENDING_ORDERS_PER_ACCOUNT, STRIPE_MINIMUM_CHARGE_MINOR } from "@/lib/limits";
import { enqueueOrderConfirmation } from "@/lib/mail/events";
import { formatMoney } from "@/lib/money";
import {
  type CheckoutPerks,
  notEnoughPoints,
  type PointsRefusalCode,
  readCheckoutPerks,
  refuseUnspendablePoints,
} from "@/lib/points/checkout";
import { creditOrderPaid, returnSpentPoints, spendPoints } from "@/lib/points/ledger";
import { tierUnitPrice } from "@/lib/points/rules";
import { creditReferralForOrder } from "@/lib/referrals/referrals";
import { type FieldErrors, fail, Refusal } from "@/lib/result";
import { convertSaleHoldForOrder, releaseSaleHold } from "@/lib/sales/holds";
import { insertOrderWithLines } from "./order-insert";
import { listOrderLines } from "./order-lines";

export type CartCheckoutCode =
  | "empty_cart"
  | "out_of_stock"
  | "below_minimum"
  | "too_many_pending"
  | "checkout_in_progress"
  | "address_required"
  | "over_order_limit"
  | PointsRefusalCode;
export type HoldError = { code: CartCheckoutCode; message: string; fieldErrors?: FieldErrors };

/** The pending order a checkout pays for: new, or the live one reused. */
export interface CheckoutOrder {
  orderId: string;
  totalMinor: number;
  currency: string;
  holdExpiresAt: Date;
  /** Wall-clock `expires_at` for Stripe, fixed per order so every create for it sends the same parameters. */
  sessionExpiresAt: Date;
  /** Set when the live order already has its session: send the shopper there, create nothing. */
  sessionUrl: string | null;
  reused: boolean;
  /** Where it goes: the order's own copy of the address it was placed with. */
  shippingAddress: ShippingAddress;
  /** The tier perk on its lines (their prices already include it) and the points taken off its total. */
  tierDiscountPercent: number;
  pointsSpent: number;
}
/** What a new cart order is created on: its total and currency, when its hold ends and when its session would. */
type OrderTerms = Pick<
  CheckoutOrder,
  | "totalMinor"
  | "currency"
  | "holdExpiresAt"
  | "sessionExpiresAt"
  | "shippingAddress"
  | "tierDiscountPercent"
  | "pointsSpent"
>;
export type CreateOrderResult =
  | ({ ok: true; replacedSessionIds: string[] } & CheckoutOrder)
  | ({ ok: false } & HoldError);

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes after creation. */
export const STRIPE_MIN_SESSION_SECONDS = 30 * 60;
/** What we ask for: the minimum plus two minutes, so a reuse shortly after still sends a valid `expires_at`. */
export const SESSION_LIFETIME_SECONDS = STRIPE_MIN_SESSION_SECONDS + 120;
/** A live order is reused only while this much of its hold and of its session is left. */
const REUSE_MARGIN_MS = 60_000;

class OutOfStock extends Error {
  constructor(readonly label: string) {
    super(label);
  }
}

/** Why a total below Stripe's smallest card payment in its currency is refused (also when Stripe says so). */
export function belowMinimumMessage(currency: string): string {
  const minimum = STRIPE_MINIMUM_CHARGE_MINOR[currency];
  return minimum === undefined
    ? "This total is below the smallest card payment Stripe accepts. Add something to your cart to check out."
    : `Card payments start at ${formatMoney(minimum, currency)}. Add something to your cart to check out.`;
}

/** A total below Stripe's minimum charge is refused before anything is held, and again at today's prices. */
function refuseBelowMinimum({ currency, totalMinor }: { currency: string; totalMinor: number }): void {
  const minimum = STRIPE_MINIMUM_CHARGE_MINOR[currency];
  if (minimum !== undefined && totalMinor < minimum) {
    throw new Refusal(fail("below_minimum", belowMinimumMessage(currency)));
  }
}

/**
 * Turns the user's cart into their one live checkout, in one transaction that first locks the account's row
 * (so two starts at once run one after the other):
 * - a pending cart order with the same lines and prices, enough hold left and a usable session is reused;
 * - any other pending cart order is released (its session is returned to be expired) and replaced;
 * - past MAX_PENDING_ORDERS_PER_ACCOUNT pending orders (flash-sale ones included) the checkout is refused;
 * - a total below Stripe's minimum charge is refused before anything is held.
 * Stock is held line by line with one conditional `available >= n` decrement each (no read-then-write), in SKU
 * order so two checkouts never deadlock; if any line cannot be held, nothing is held.
 * The fan's tier perk is applied to every line's price (cart items are regular items), and points asked for are
 * spent in the same transaction (lib/points/checkout.ts says what is refused); a refusal writes nothing.
 */
type CartLine = {
  skuId: number;
  quantity: number;
  productId: number;
  productName: string;
  maxPerOrder: number;
  colour: string | null;
  storage: string | null;
  priceMinor: number;
  currency: string;
};
type HeldLine = {
  skuId: number;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  label: string;
  name: string;
};

export async function createOrderFromCart(
  db: Db,
  {
    userId,
    now,
    holdMinutes,
    wallNow = now,
    addressId,
    points = 0,
    expectedBalance,
  }: {
    userId: string;
    now: Date;
    holdMinutes: number;
    wallNow?: Date;
    /** The address chosen at checkout; without one, the account's default. */
    addressId?: string | undefined;
    /** Points to spend on this order. */
    points?: number;
    /** The points balance the fan's form showed, to refuse a stale one. */
    expectedBalance?: number | undefined;
  },
): Promise<CreateOrderResult> {
  const holdExpiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  try {
    return await db.transaction(async (tx): Promise<CreateOrderResult> => {
      // FOR NO KEY UPDATE: serialises this account's checkouts without blocking inserts that reference the user.
      await lockAccount(tx, { userId });
      const lines = await listCartLinesForCheckout({ tx, userId });
      if (lines.length === 0) throw new Refusal(fail("empty_cart", "Your cart is empty."));
      const [overLimit] = productsOverLimit(lines);
      if (overLimit) {
        const message = `${orderLimitMessage(overLimit)} Lower the quantity in your cart and try again.`;
        throw new Refusal(fail("over_order_limit", message));
      }
      const shippingAddress = await chooseShippingAddress(tx, { userId, addressId });
      if (!shippingAddress) throw new Refusal(addressRequired(addressId));

      const perks = await readCheckoutPerks(tx, { userId });
      const checkout: CartCheckout = { userId, lines, shippingAddress, now, wallNow, perks, points };
      const live = await reuseOrReleaseLiveOrder(tx, checkout);
      const replacedSessionIds = live.replaced ? [live.replaced] : [];
      if (live.reused) return { ok: true, ...live.reused, replacedSessionIds };
      await refuseTooManyPending({ tx, userId });

      const { orderId, terms } = await holdNewCartOrder(tx, { ...checkout, expectedBalance, holdExpiresAt });
      return { ok: true, orderId, ...terms, sessionUrl: null, reused: false, replacedSessionIds };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.failure as { ok: false } & HoldError;
    if (error instanceof OutOfStock) {
      return {
        ok: false,
        code: "out_of_stock",
        message: `Sorry, ${error.label} just sold out. Update your cart and try again.`,
      };
    }
    throw error;
  }
}

/** One cart checkout: whose, its lines at today's prices, where it goes, the fan's perks and points spent. */
interface CartCheckout {
  userId: string;
  lines: CartLine[];
  /** A live order going elsewhere is not the same checkout: its session carries the other address. */
  shippingAddress: ShippingAddress;
  now: Date;
  wallNow: Date;
  /** The same cart at another tier price, or with other points, is another checkout. */
  perks: CheckoutPerks;
  points: number;
}

/**
 * A new cart order: the lines priced at the fan's tier, checked against Stripe's minimum and the points rules
 * before anything is held and again at the prices held, then the order, its holds and the points spent on it.
 */
async function holdNewCartOrder(
  tx: Tx,
  order: CartCheckout & { expectedBalance: number | undefined; holdExpiresAt: Date },
): Promise<{ orderId: string; terms: OrderTerms }> {
  const { userId, lines, perks, points, expectedBalance, now, holdExpiresAt, wallNow, shippingAddress } =
    order;
  const currency = lines[0]?.currency ?? "CNY";
  const tierPercent = perks.tier.discountPercent;
  const linesTotal = lines.reduce((sum, l) => sum + tierUnitPrice(l.priceMinor, tierPercent) * l.quantity, 0);
  refuseBelowMinimum({ currency, totalMinor: linesTotal });
  refuseUnspendablePoints({ perks, points, expectedBalance, currency, totalMinor: linesTotal });

  const held = await holdCartLines({ tx, lines, tierPercent });
  const heldTotal = held.reduce((sum, h) => sum + h.unitPriceMinor * h.quantity, 0);
  // Again at the prices just held (a price changed meanwhile): still within the points rules.
  refuseUnspendablePoints({ perks, points, expectedBalance, currency, totalMinor: heldTotal });
  const terms: OrderTerms = {
    currency,
    totalMinor: heldTotal - points,
    holdExpiresAt,
    sessionExpiresAt: new Date((Math.floor(wallNow.getTime() / 1000) + SESSION_LIFETIME_SECONDS) * 1000),
    shippingAddress,
    tierDiscountPercent: tierPercent,
    pointsSpent: points,
  };
  refuseBelowMinimum(terms);
  const orderId = await insertCartOrder({ tx, userId, terms, held, now });
  // One conditional decrement: a spend at the same moment elsewhere cannot make the two pay with the same points.
  if (points > 0 && (await spendPoints(tx, { userId, orderId, points })) === null) {
    throw notEnoughPoints({ balance: (await readCheckoutPerks(tx, { userId })).balance, points });
  }
  return { orderId, terms };
}

/** The user's cart lines with today's prices, in SKU order (the order stock is held in). */
async function listCartLinesForCheckout({ tx, userId }: { tx: Tx; userId: string }): Promise<CartLine[]> {
  const cart = await tx.query.carts.findFirst({
    where: eq(carts.userId, userId),
    columns: { id: true },
    with: {
      lines: {
        columns: { skuId: true, quantity: true },
        orderBy: asc(cartLines.skuId),
        with: {
          sku: {
            columns: { colour: true, storage: true, priceMinor: true, currency: true },
            with: { product: { columns: { id: true, name: true, maxPerOrder: true } } },
          },
        },
      },
    },
  });
  return (cart?.lines ?? []).map(({ sku: { product, ...sku }, ...line }) => ({
    ...line,
    ...sku,
    productId: product.id,
    productName: product.name,
    maxPerOrder: product.maxPerOrder,
  }));
}

/**
 * The live pending cart order, locked: returned for reuse when it matches the cart and has hold and session
 * left, else released (its session id returned as `replaced`, to be expired) and `reused` null.
 */
async function reuseOrReleaseLiveOrder(
  tx: Tx,
  checkout: CartCheckout,
): Promise<{ reused: CheckoutOrder | null; replaced: string | null }> {
  const { userId, lines, shippingAddress, now, wallNow, perks, points } = checkout;
  const [live] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.status, "pending"), eq(orders.kind, "cart")))
    .for("update");
  if (!live) return { reused: null, replaced: null };
  const liveLines = await listOrderLines(tx, { orderId: live.id });
  const tierPercent = perks.tier.discountPercent;
  const sameCart =
    live.tierDiscountPercent === tierPercent &&
    live.pointsSpent === points &&
    liveLines.length === lines.length &&
    liveLines.every((l, i) => {
      const c = lines[i];
      return (
        c &&
        c.skuId === l.skuId &&
        c.quantity === l.quantity &&
        tierUnitPrice(c.priceMinor, tierPercent) === l.unitPriceMinor
      );
    });
  const sameAddress = isDeepStrictEqual(live.shippingAddress, shippingAddress);
  const holdLeft = live.holdExpiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS;
  const sessionLeft = live.sessionExpiresAt
    ? live.stripeSessionId
      ? live.sessionExpiresAt.getTime() - wallNow.getTime() > REUSE_MARGIN_MS
      : // Not created yet (or its answer was lost): a create now must still satisfy Stripe's 30 minutes.
        live.sessionExpiresAt.getTime() - wallNow.getTime() > STRIPE_MIN_SESSION_SECONDS * 1000 + 15_000
    : false;
  if (sameCart && sameAddress && holdLeft && sessionLeft && live.sessionExpiresAt) {
    const reused = {
      orderId: live.id,
      totalMinor: live.totalMinor,
      currency: live.currency,
      holdExpiresAt: live.holdExpiresAt,
      sessionExpiresAt: live.sessionExpiresAt,
      sessionUrl: live.stripeSessionId ? live.stripeSessionUrl : null,
      reused: true,
      shippingAddress,
      tierDiscountPercent: live.tierDiscountPercent,
      pointsSpent: live.pointsSpent,
    };
    return { reused, replaced: null };
  }
  const released = await releaseOrder(tx, { orderId: live.id, to: "cancelled", now });
  return { reused: null, replaced: released.stripeSessionId };
}

async function refuseTooManyPending({ tx, userId }: { tx: Tx; userId: string }): Promise<void> {
  const [pending] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from orders where user_id = ${userId}::uuid and status = 'pending'`,
  );
  if ((pending?.n ?? 0) >= MAX_PENDING_ORDERS_PER_ACCOUNT) {
    throw new Refusal(
      fail(
        "too_many_pending",
        `You already have ${MAX_PENDING_ORDERS_PER_ACCOUNT} orders waiting for payment. Pay or cancel one of them first.`,
      ),
    );
  }
}

/**
 * Moves `quantity` units of a SKU from `available` into `held` or `sold` in one conditional update, only if that
 * many are available (null otherwise); expires the product's pages when its stock badge changes. Returns the
 * SKU's price as it is now.
 */
export async function takeAvailableStock(
  tx: Tx,
  { skuId, quantity, into }: { skuId: number; quantity: number; into: "held" | "sold" },
): Promise<{ priceMinor: number; currency: string } | null> {
  const [row] = await tx
    .update(skus)
    .set({
      available: sql`${skus.available} - ${quantity}`,
      ...(into === "held"
        ? { held: sql`${skus.held} + ${quantity}` }
        : { sold: sql`${skus.sold} + ${quantity}` }),
    })
    .where(and(eq(skus.id, skuId), gte(skus.available, quantity)))
    .returning({
      priceMinor: skus.priceMinor,
      currency: skus.currency,
      available: skus.available,
      productId: skus.productId,
    });
  if (!row) return null;
  if (stockBadgeChanged(row.available + quantity, row.available)) expireProductPagesForStock([row.productId]);
  return row;
}

/**
 * One conditional decrement per line, in the lines' (SKU) order; throws OutOfStock on the first that fails. Each
 * line is priced at today's price with the fan's tier perk.
 */
async function holdCartLines({
  tx,
  lines,
  tierPercent,
}: {
  tx: Tx;
  lines: CartLine[];
  tierPercent: number;
}): Promise<HeldLine[]> {
  const held: HeldLine[] = [];
  for (const line of lines) {
    const label = variantLabel({ colour: line.colour ?? "", storage: line.storage });
    const row = await takeAvailableStock(tx, { skuId: line.skuId, quantity: line.quantity, into: "held" });
    if (!row) throw new OutOfStock(`${line.productName} (${label})`);
    held.push({
      skuId: line.skuId,
      quantity: line.quantity,
      unitPriceMinor: tierUnitPrice(row.priceMinor, tierPercent),
      currency: row.currency,
      label,
      name: line.productName,
    });
  }
  return held;
}

/** Inserts the pending order on its terms, its lines and a stock hold per line; returns the order id. */
function addressRequired(addressId: string | undefined) {
  return fail(
    "address_required",
    addressId
      ? "That address is no longer in your address book. Choose another one, or add it again."
      : "Add a delivery address so we know where to send your order.",
  );
}

async function insertCartOrder({
  tx,
  userId,
  terms,
  held,
  now,
}: {
  tx: Tx;
  userId: string;
  terms: OrderTerms;
  held: HeldLine[];
  now: Date;
}): Promise<string> {
  const orderId = await insertOrderWithLines(
    tx,
    { userId, kind: "cart", ...terms, createdAt: now },
    held.map((h) => ({
      skuId: h.skuId,
      productName: h.name,
      variantLabel: h.label,
      unitPriceMinor: h.unitPriceMinor,
      quantity: h.quantity,
    })),
  );
  // Each line's units are held until the order's hold ends.
  await tx.insert(stockHolds).values(
    held.map((h) => ({
      orderId,
      skuId: h.skuId,
      quantity: h.quantity,
      expiresAt: terms.holdExpiresAt,
      createdAt: now,
    })),
  );
  return orderId;
}

/** Ends an order's active stock holds as released or converted (conditionally: once); returns what each held. */
async function settleStockHolds(
  tx: Tx,
  { orderId, status, now }: { orderId: string; status: "released" | "converted"; now: Date },
): Promise<{ skuId: number; quantity: number }[]> {
  return tx
    .update(stockHolds)
    .set({ status, settledAt: now })
    .where(and(eq(stockHolds.orderId, orderId), eq(stockHolds.status, "active")))
    .returning({ skuId: stockHolds.skuId, quantity: stockHolds.quantity });
}

/**
 * Moves units of a SKU back to `available` from `held` (a released hold) or `sold` (a returned order), in one
 * conditional statement; false when the SKU has fewer units there than that (nothing changed). Product pages whose
 * stock badge changes are expired.
 */
async function putBackOnSale(
  tx: Tx,
  { skuId, quantity, from }: { skuId: number; quantity: number; from: "held" | "sold" },
): Promise<boolean> {
  const column = from === "held" ? skus.held : skus.sold;
  const [row] = await tx
    .update(skus)
    .set({ available: sql`${skus.available} + ${quantity}`, [from]: sql`${column} - ${quantity}` })
    .where(and(eq(skus.id, skuId), gte(column, quantity)))
    .returning({ available: skus.available, productId: skus.productId });
  if (row && stockBadgeChanged(row.available - quantity, row.available)) {
    expireProductPagesForStock([row.productId]);
  }
  return Boolean(row);
}

/** Moves a hold's units back to `available`. Runs inside the caller's transaction. */
async function returnHeldStock(tx: Tx, { orderId, now }: { orderId: string; now: Date }) {
  const released = await settleStockHolds(tx, { orderId, status: "released", now });
  for (const hold of released) await putBackOnSale(tx, { ...hold, from: "held" });
  return released;
}

/**
 * A paid order came back (its return was received): its units go back on sale where they were sold from, the sale's
 * buckets for a flash-sale order (its holds end as released, reason `returned`), the SKU's stock otherwise. Runs in
 * the caller's transaction, which must make sure it runs once per order (the return's compare-and-set does).
 * Returns the units put back.
 */
export async function restockReturnedOrder(
  tx: Tx,
  { orderId, now }: { orderId: string; now: Date },
): Promise<number> {
  const sale = await queryRows<{ units: number }>(
    tx,
    sql`
      with h as (
        update sale_holds set status = 'released', settled_at = ${now.toISOString()}::timestamptz,
          release_reason = 'returned'
        where order_id = ${orderId}::uuid and status = 'converted'
        returning bucket_id
      ), c as (select bucket_id, count(*)::int as n from h group by bucket_id),
      u as (
        update sale_buckets b set available = b.available + c.n, sold = b.sold - c.n
        from c where b.id = c.bucket_id
        returning c.n
      )
      select coalesce(sum(n), 0)::int as units from u`,
  );
  const saleUnits = sale[0]?.units ?? 0;
  if (saleUnits > 0) return saleUnits;
  let units = 0;
  for (const line of await listOrderLines(tx, { orderId })) {
    if (!(await putBackOnSale(tx, { ...line, from: "sold" }))) {
      throw new Error(`order ${orderId}: SKU ${line.skuId} has fewer than ${line.quantity} units sold`);
    }
    units += line.quantity;
  }
  return units;
}

/**
 * Ends a pending order and returns its held units to stock. Conditional on `status = 'pending'`, so a second
 * call, a concurrent sweep or a late webhook changes nothing. Returns the Checkout Session to expire, if any.
 */
export async function releaseOrder(
  db: Db,
  { orderId, to, now, userId }: { orderId: string; to: "cancelled" | "expired"; now: Date; userId?: string },
): Promise<{ released: boolean; stripeSessionId: string | null }> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(orders)
      .set({ status: to, closedAt: now })
      .where(
        and(
          eq(orders.id, orderId),
          eq(orders.status, "pending"),
          userId ? eq(orders.userId, userId) : undefined,
        ),
      )
      .returning({ stripeSessionId: orders.stripeSessionId });
    if (!order) return { released: false, stripeSessionId: null };
    await returnHeldStock(tx, { orderId, now });
    await returnSpentPoints(tx, { orderId });
    await releaseBetaSeat(tx, { orderId });
    // A flash-sale order holds its unit in the sale's buckets instead.
    const saleHolds = await tx.execute(
      sql`select id from sale_holds where order_id = ${orderId}::uuid and status = 'active'`,
    );
    for (const hold of (saleHolds as unknown as { rows: { id: string }[] }).rows) {
      const released = await releaseSaleHold(tx, {
        holdId: hold.id,
        now,
        reason: to === "expired" ? "expired" : "cancelled",
      });
      if (!released.released && released.reason === "busy")
        throw new Error("sale bucket busy; retry the release");
    }
    return { released: true, stripeSessionId: order.stripeSessionId };
  });
}

/** Pending orders whose hold has run out by `now`; the sweep releases them one transaction each. */
export async function listExpiredOrderIds(
  db: Db,
  { now, limit = 200 }: { now: Date; limit?: number },
): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending"), lte(orders.holdExpiresAt, now)))
    .orderBy(asc(orders.holdExpiresAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export type PaymentOutcome = "paid" | "already_settled" | "refund_needed" | "unknown_order";

/**
 * Applies a successful payment. A pending order converts its holds to sold. An order whose hold was already
 * released is honoured if stock still allows (taken again, conditionally), else marked refunded for the caller
 * to refund. Paid or refunded orders are left alone, so duplicates and retries are harmless.
 */
export async function applyPayment(
  tx: Tx,
  { orderId, paymentIntentId, now }: { orderId: string; paymentIntentId: string | null; now: Date },
): Promise<PaymentOutcome> {
  const [order] = await tx
    .select({ status: orders.status, userId: orders.userId })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for("update");
  if (!order) return "unknown_order";
  if (order.status === "paid" || order.status === "refunded") return "already_settled";

  const sale = await convertSaleHoldForOrder(tx, { orderId, now });
  if (sale.saleHold) {
    if (sale.outcome === "already_converted") return "already_settled";
    if (sale.outcome === "refund_needed") {
      await markRefundOwed({ tx, orderId, paymentIntentId, now });
      return "refund_needed";
    }
    await markOrderPaid({ tx, orderId, paymentIntentId, now });
    return "paid";
  }

  const lines = await listOrderLines(tx, { orderId });

  if (order.status === "pending") {
    await convertStockHolds({ tx, orderId, now });
  } else if (!(await retakeSoldStock({ tx, lines }))) {
    await markRefundOwed({ tx, orderId, paymentIntentId, now });
    return "refund_needed";
  }

  await markOrderPaid({ tx, orderId, paymentIntentId, now });
  // What was bought leaves the cart.
  const skuIds = lines.map((l) => l.skuId);
  if (skuIds.length) {
    await tx.execute(sql`
      delete from ${cartLines} using ${carts}
      where ${cartLines.cartId} = ${carts.id} and ${carts.userId} = ${order.userId}
        and ${inArray(cartLines.skuId, skuIds)}`);
  }
  return "paid";
}

type SettleOrder = { tx: Tx; orderId: string; paymentIntentId: string | null; now: Date };

/**
 * Paid, and its receipt enqueued and its points (and a referrer's, for a referred friend's first order) credited in
 * the same transaction (sent and credited once, only if the payment commits).
 */
async function markOrderPaid({ tx, orderId, paymentIntentId, now }: SettleOrder): Promise<void> {
  await tx
    .update(orders)
    .set({ status: "paid", paidAt: now, stripePaymentIntentId: paymentIntentId })
    .where(eq(orders.id, orderId));
  await enqueueOrderConfirmation({ tx, orderId, now });
  await creditOrderPaid(tx, { orderId });
  await creditReferralForOrder(tx, { orderId, now });
}

/** The money arrived but the units cannot be had: the order is closed as refunded, with the refund owed. */
async function markRefundOwed({ tx, orderId, paymentIntentId, now }: SettleOrder): Promise<void> {
  await tx
    .update(orders)
    .set({ status: "refunded", stripePaymentIntentId: paymentIntentId, closedAt: now, refundOwedAt: now })
    .where(eq(orders.id, orderId));
}

/** A pending order's active holds become sold units. */
async function convertStockHolds({
  tx,
  orderId,
  now,
}: {
  tx: Tx;
  orderId: string;
  now: Date;
}): Promise<void> {
  const converted = await settleStockHolds(tx, { orderId, status: "converted", now });
  for (const hold of converted) {
    await tx
      .update(skus)
      .set({ held: sql`${skus.held} - ${hold.quantity}`, sold: sql`${skus.sold} + ${hold.quantity}` })
      .where(eq(skus.id, hold.skuId));
  }
}

/**
 * The hold was released (expired or cancelled) before the money arrived: take the stock again if it is there,
 * all lines or none (a savepoint). Returns whether it was taken.
 */
async function retakeSoldStock({
  tx,
  lines,
}: {
  tx: Tx;
  lines: { skuId: number; quantity: number }[];
}): Promise<boolean> {
  return tx
    .transaction(async (savepoint) => {
      for (const line of lines) {
        const row = await takeAvailableStock(savepoint, { ...line, into: "sold" });
        if (!row) return savepoint.rollback();
      }
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError) return false;
      throw error;
    });
}
