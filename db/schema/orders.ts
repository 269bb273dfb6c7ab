import { relations, sql } from "drizzle-orm";
import {
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { skus, users } from "./catalog";

export const orderStatus = pgEnum("order_status", ["pending", "paid", "cancelled", "expired", "refunded"]);
export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const holdStatus = pgEnum("hold_status", ["active", "released", "converted"]);
export type HoldStatus = (typeof holdStatus.enumValues)[number];

/**
 * An order is created pending together with its stock holds, before any call to Stripe. It ends paid,
 * cancelled (shopper left checkout), expired (hold ran out) or refunded (paid after its stock was gone).
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: orderStatus().notNull().default("pending"),
    currency: char({ length: 3 }).notNull(),
    totalMinor: integer().notNull(),
    holdExpiresAt: timestamp({ withTimezone: true }).notNull(),
    stripeSessionId: text(),
    stripeSessionUrl: text(),
    stripePaymentIntentId: text(),
    stripeRefundId: text(),
    paidAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("orders_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("orders_stripe_session_idx").on(t.stripeSessionId),
    index("orders_pending_expiry_idx").on(t.holdExpiresAt).where(sql`${t.status} = 'pending'`),
    check("orders_total_non_negative", sql`${t.totalMinor} >= 0`),
  ],
);
export type Order = typeof orders.$inferSelect;

/** What was bought, priced from the database at checkout time and frozen. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    skuId: integer()
      .notNull()
      .references(() => skus.id),
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
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    skuId: integer()
      .notNull()
      .references(() => skus.id),
    quantity: integer().notNull(),
    status: holdStatus().notNull().default("active"),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp({ withTimezone: true }),
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
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
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
