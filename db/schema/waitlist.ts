import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { skus, users } from "./catalog";
import { createdAt, timestamptz, uuidRef } from "./columns";
import { saleHolds, sales } from "./sales";

/**
 * `waiting`: in line. `offered`: a returned unit is held for the fan (`holdId`; its status says paid or not).
 * `missed`: the offer ran out or was cancelled, or the fan could not take one (already at the limit).
 */
export const waitlistStatus = pgEnum("waitlist_status", ["waiting", "offered", "missed"]);
export type WaitlistStatus = (typeof waitlistStatus.enumValues)[number];

/**
 * The waitlist of a sold-out sale, one version each: `id` is the order of the line. A unit that comes back to a
 * public bucket is offered, in the releasing transaction, to the first waiting fan for its version (the trigger
 * in db/migrations/0019), so the public never sees it while someone waits.
 */
export const saleWaitlist = pgTable(
  "sale_waitlist",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    saleId: uuidRef(() => sales.id, "cascade"),
    skuId: integer()
      .notNull()
      .references(() => skus.id),
    userId: uuidRef(() => users.id, "cascade"),
    status: waitlistStatus().notNull().default("waiting"),
    holdId: uuid().references(() => saleHolds.id, { onDelete: "set null" }),
    offeredAt: timestamptz(),
    /** When the offer mail was put in the outbox (lib/sales/waitlist.ts); null while one is owed. */
    offerMailedAt: timestamptz(),
    createdAt: createdAt(),
  },
  (t) => [
    // Once per fan and sale: joining twice is refused by this index, not by a check before the insert.
    uniqueIndex("sale_waitlist_sale_user_idx").on(t.saleId, t.userId),
    index("sale_waitlist_waiting_idx").on(t.saleId, t.skuId, t.id).where(sql`${t.status} = 'waiting'`),
    index("sale_waitlist_hold_idx").on(t.holdId).where(sql`${t.holdId} is not null`),
    index("sale_waitlist_unmailed_idx")
      .on(t.offeredAt)
      .where(sql`${t.status} = 'offered' and ${t.offerMailedAt} is null`),
  ],
);
export type SaleWaitlistEntry = typeof saleWaitlist.$inferSelect;

/**
 * Presses of Buy now and requests the rate limits refused, per sale: added up in each instance's memory and
 * written here about once a second (lib/sales/press-counts.ts), never once per request.
 */
export const salePressCounts = pgTable(
  "sale_press_counts",
  {
    saleId: uuidRef(() => sales.id, "cascade"),
    presses: bigint({ mode: "number" }).notNull().default(0),
    refused: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.saleId] }),
    check("sale_press_counts_non_negative", sql`${t.presses} >= 0 and ${t.refused} >= 0`),
  ],
);

/**
 * A sale's reminder mails, sent in batches (lib/sales/reminders.ts): `total` registered fans when it began, and a
 * keyset cursor over `sale_registrations` (the last fan id enqueued), so each batch is one short transaction and a
 * rerun goes on where the last one stopped. The outbox's dedupe key makes a mail per fan once, whatever happens.
 */
export const saleReminderRuns = pgTable("sale_reminder_runs", {
  saleId: uuidRef(() => sales.id, "cascade").primaryKey(),
  total: integer().notNull(),
  enqueued: integer().notNull().default(0),
  cursor: uuid(),
  startedAt: timestamptz().notNull(),
  lastBatchAt: timestamptz().notNull(),
  finishedAt: timestamptz(),
});
export type SaleReminderRun = typeof saleReminderRuns.$inferSelect;
