import { relations, sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ShippingAddress } from "./addresses";
import { skus, users } from "./catalog";
import { createdAt, identity, integerRef, timestamptz, uuidRef } from "./columns";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "cancelled", "expired", "refunded"]);
export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const holdStatus = pgEnum("hold_status", ["active", "released", "converted"]);
export type HoldStatus = (typeof holdStatus.enumValues)[number];

/** Where a pending order came from: a cart checkout (at most one live per account), a flash-sale hold, or a beta seat. */
export const orderKind = pgEnum("order_kind", ["cart", "sale", "beta"]);
export type OrderKind = (typeof orderKind.enumValues)[number];

/**
 * An order is created pending together with its stock holds, before any call to Stripe. It ends paid,
 * cancelled (shopper left checkout), expired (hold ran out) or refunded (paid after its stock was gone, or
 * refunded in Stripe's dashboard).
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuidRef(() => users.id),
    status: orderStatus().notNull().default("pending"),
    currency: char({ length: 3 }).notNull(),
    totalMinor: integer().notNull(),
    holdExpiresAt: timestamptz().notNull(),
    stripeSessionId: text(),
    stripeSessionUrl: text(),
    stripePaymentIntentId: text(),
    /** The first refund recorded for this order (ours, or one made in Stripe's dashboard); all are in order_refunds. */
    stripeRefundId: text(),
    /** Null for orders made before kinds existed (they are never a live cart checkout). */
    kind: orderKind(),
    /** The wall-clock `expires_at` sent to Stripe: fixed per order so a retried or reused create is identical. */
    sessionExpiresAt: timestamptz(),
    /** Set when we owe the buyer a refund (paid after the stock was gone); the sweep retries until a refund exists. */
    refundOwedAt: timestamptz(),
    refundAttempts: integer().notNull().default(0),
    refundNextAttemptAt: timestamptz(),
    /** Where it goes, as the address was when the order was placed (null for orders from before addresses). */
    shippingAddress: jsonb().$type<ShippingAddress>(),
    /** The tier perk applied to this order's regular items, in percent (lib/points/rules.ts); 0 for none. */
    tierDiscountPercent: integer().notNull().default(0),
    /** Points spent on this order: each takes one minor unit off the total (lib/points/rules.ts). */
    pointsSpent: integer().notNull().default(0),
    paidAt: timestamptz(),
    closedAt: timestamptz(),
    createdAt: createdAt(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("orders_user_idx").on(t.userId, t.createdAt),
    // The console's order list, newest first, paged by (created_at, id).
    index("orders_created_idx").on(t.createdAt, t.id),
    uniqueIndex("orders_stripe_session_idx").on(t.stripeSessionId),
    index("orders_pending_expiry_idx").on(t.holdExpiresAt).where(sql`${t.status} = 'pending'`),
    // One live checkout per cart (an account has one cart): a second start reuses or replaces this order.
    uniqueIndex("orders_one_pending_cart_idx")
      .on(t.userId)
      .where(sql`${t.status} = 'pending' and ${t.kind} = 'cart'`),
    index("orders_pending_user_idx").on(t.userId).where(sql`${t.status} = 'pending'`),
    index("orders_refund_owed_idx")
      .on(t.refundOwedAt)
      .where(sql`${t.refundOwedAt} is not null and ${t.stripeRefundId} is null`),
    index("orders_payment_intent_idx").on(t.stripePaymentIntentId),
    check("orders_total_non_negative", sql`${t.totalMinor} >= 0`),
    check("orders_points_spent_non_negative", sql`${t.pointsSpent} >= 0`),
  ],
);
export type Order = typeof orders.$inferSelect;

/** What was bought, priced from the database at checkout time and frozen. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: identity(),
    orderId: uuidRef(() => orders.id, "cascade"),
    skuId: integerRef(() => skus.id),
    productName: text().notNull(),
    variantLabel: text().notNull(),
    unitPriceMinor: integer().notNull(),
    quantity: integer().notNull(),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);
export type OrderLine = typeof orderLines.$inferSelect;

/** Units moved from `available` to `held` for a pending order; released back or converted to `sold`. */
export const stockHolds = pgTable(
  "stock_holds",
  {
    id: identity(),
    orderId: uuidRef(() => orders.id, "cascade"),
    skuId: integerRef(() => skus.id),
    quantity: integer().notNull(),
    status: holdStatus().notNull().default("active"),
    expiresAt: timestamptz().notNull(),
    createdAt: createdAt(),
    settledAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("stock_holds_order_sku_idx").on(t.orderId, t.skuId),
    index("stock_holds_active_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'active'`),
    check("stock_holds_quantity_positive", sql`${t.quantity} > 0`),
  ],
);
export type StockHold = typeof stockHolds.$inferSelect;

/** Each Stripe event is applied once: its id is recorded in the same transaction that applies it. */
export const stripeEvents = pgTable("stripe_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  receivedAt: createdAt(),
});

/**
 * Every refund of an order, keyed by Stripe's id, whichever way it happened: our own call (`store`), or seen
 * through `charge.refunded` / reconciliation (`stripe`, e.g. the dashboard). Upserted, so each is recorded once.
 */
export const orderRefunds = pgTable(
  "order_refunds",
  {
    id: text().primaryKey(),
    orderId: uuidRef(() => orders.id, "cascade"),
    amountMinor: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    status: text().notNull(),
    source: text({ enum: ["store", "stripe"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("order_refunds_order_idx").on(t.orderId)],
);
export type OrderRefund = typeof orderRefunds.$inferSelect;

/**
 * Payments that did not add up (a session that is not the order's, an amount or currency that differs, an event
 * Stripe does not know, a refund Stripe refused): recorded and alerted, never applied.
 */
export const paymentIncidents = pgTable(
  "payment_incidents",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    orderId: uuid(),
    stripeSessionId: text(),
    stripeEventId: text(),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("payment_incidents_created_idx").on(t.createdAt)],
);
export type PaymentIncident = typeof paymentIncidents.$inferSelect;

/**
 * Reconciliation's place in Stripe's event list: every event created before `position` (unix seconds, Stripe's
 * clock) has been applied. `leaseUntil` lets one instance at a time walk the list.
 */
export const paymentCursors = pgTable("payment_cursors", {
  name: text().primaryKey(),
  position: bigint({ mode: "number" }).notNull(),
  leaseUntil: timestamptz(),
  updatedAt: createdAt(),
});

export const ordersRelations = relations(orders, ({ many, one }) => ({
  lines: many(orderLines),
  holds: many(stockHolds),
  user: one(users, { fields: [orders.userId], references: [users.id] }),
}));

export const orderLinesRelations = relations(orderLines, ({ one }) => ({
  order: one(orders, { fields: [orderLines.orderId], references: [orders.id] }),
  sku: one(skus, { fields: [orderLines.skuId], references: [skus.id] }),
}));

export const stockHoldsRelations = relations(stockHolds, ({ one }) => ({
  order: one(orders, { fields: [stockHolds.orderId], references: [orders.id] }),
}));
