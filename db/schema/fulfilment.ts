import { relations, sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { orders } from "./orders";

/** Where a paid order's parcel is. An order with no row has not been packed yet. */
export const fulfilmentStatus = pgEnum("fulfilment_status", ["packed", "shipped", "delivered"]);
export type FulfilmentStatus = (typeof fulfilmentStatus.enumValues)[number];

/**
 * An order's life after payment, one row per order, written only by the console (lib/fulfilment): inserted
 * when the order is packed, then moved on by compare-and-set updates (`where status = <expected>`). Kept out of
 * `orders`, which the checkout and the flash-sale hot path write, so fulfilment never rewrites or locks a row
 * there for longer than a share lock.
 */
export const orderFulfilment = pgTable(
  "order_fulfilment",
  {
    orderId: uuid()
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: fulfilmentStatus().notNull(),
    /** A code from lib/fulfilment/carriers.ts ("sf", "jd", …). */
    carrier: text(),
    trackingNumber: text(),
    packedAt: timestamptz().notNull(),
    shippedAt: timestamptz(),
    deliveredAt: timestamptz(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("order_fulfilment_status_idx").on(t.status),
    check(
      "order_fulfilment_shipped_has_tracking",
      sql`${t.status} = 'packed' or (${t.carrier} is not null and ${t.trackingNumber} is not null and ${t.shippedAt} is not null)`,
    ),
    check("order_fulfilment_delivered_at", sql`${t.status} <> 'delivered' or ${t.deliveredAt} is not null`),
    check("order_fulfilment_tracking_length", sql`char_length(${t.trackingNumber}) <= 40`),
  ],
);
export type OrderFulfilment = typeof orderFulfilment.$inferSelect;

export const orderFulfilmentRelations = relations(orderFulfilment, ({ one }) => ({
  order: one(orders, { fields: [orderFulfilment.orderId], references: [orders.id] }),
}));
