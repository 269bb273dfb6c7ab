import { sql } from "drizzle-orm";
import { bigint, doublePrecision, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { createdAt, timestamptz, uuidRef } from "./columns";
import { orders } from "./orders";
import { saleHolds } from "./sales";

export const checkoutQueueStatus = pgEnum("checkout_queue_status", [
  "queued",
  "processing",
  "ready",
  "failed",
]);

/**
 * Sale winners waiting for a Checkout Session. Stripe takes about 100 writes/s live (25/s in test mode), so
 * sessions are created in order through one store-wide token bucket; `seq` gives each winner their position.
 */
export const checkoutQueue = pgTable(
  "checkout_queue",
  {
    holdId: uuid()
      .primaryKey()
      .references(() => saleHolds.id, { onDelete: "cascade" }),
    userId: uuidRef(() => users.id),
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    status: checkoutQueueStatus().notNull().default("queued"),
    orderId: uuid().references(() => orders.id),
    sessionUrl: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    notBefore: createdAt(),
    claimedAt: timestamptz(),
    enqueuedAt: createdAt(),
    readyAt: timestamptz(),
  },
  (t) => [index("checkout_queue_waiting_idx").on(t.seq).where(sql`${t.status} in ('queued', 'processing')`)],
);
export type CheckoutQueueEntry = typeof checkoutQueue.$inferSelect;

/** Shared token buckets (one row each), refilled by elapsed time inside the statement that takes tokens. */
export const throttleBuckets = pgTable("throttle_buckets", {
  name: text().primaryKey(),
  tokens: doublePrecision().notNull(),
  capacity: doublePrecision().notNull(),
  ratePerSecond: doublePrecision().notNull(),
  updatedAt: createdAt(),
});
