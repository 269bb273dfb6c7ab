import { relations, sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { createdAt, timestamptz, uuidRef } from "./columns";
import { orders } from "./orders";

/** A return's decision: asked for, accepted (the order is refunded), or turned down with a reason. */
export const returnStatus = pgEnum("return_status", ["requested", "approved", "refused"]);
export type ReturnStatus = (typeof returnStatus.enumValues)[number];

/**
 * A fan's request to send an order back (the whole order: see lib/returns/rules.ts). Written by the owner
 * (requested) and by the console (approved or refused, then received). At most one open or approved return per
 * order, enforced by a partial unique index, so two requests at once leave one row; a refused return may be
 * followed by a new request while the window is open. The refund itself is the order's (orders.refundOwedAt,
 * order_refunds), made through lib/checkout/refunds.ts.
 */
export const orderReturns = pgTable(
  "order_returns",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuidRef(() => orders.id, "cascade"),
    userId: uuidRef(() => users.id, "cascade"),
    status: returnStatus().notNull().default("requested"),
    /** A code from lib/returns/rules.ts (RETURN_REASONS). */
    reason: text().notNull(),
    note: text(),
    requestedAt: createdAt(),
    decidedAt: timestamptz(),
    decidedById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** What the fan reads when the return is refused. */
    refusalReason: text(),
    /** When the parcel came back and its units went back to stock (once). */
    receivedAt: timestamptz(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("order_returns_one_live_idx").on(t.orderId).where(sql`${t.status} <> 'refused'`),
    index("order_returns_order_idx").on(t.orderId, t.requestedAt),
    // The console's list of returns waiting for a decision or for the parcel.
    index("order_returns_open_idx")
      .on(t.requestedAt)
      .where(sql`${t.status} = 'requested' or (${t.status} = 'approved' and ${t.receivedAt} is null)`),
    check("order_returns_note_length", sql`char_length(${t.note}) <= 500`),
    check("order_returns_refusal_length", sql`char_length(${t.refusalReason}) <= 500`),
    check(
      "order_returns_refused_has_reason",
      sql`${t.status} <> 'refused' or (${t.refusalReason} is not null and ${t.decidedAt} is not null)`,
    ),
    check("order_returns_received_approved", sql`${t.receivedAt} is null or ${t.status} = 'approved'`),
  ],
);
export type OrderReturn = typeof orderReturns.$inferSelect;

export const orderReturnsRelations = relations(orderReturns, ({ one }) => ({
  order: one(orders, { fields: [orderReturns.orderId], references: [orders.id] }),
}));
