import { relations, sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { products, skus, users } from "./catalog";
import { createdAt, identity, integerRef, stockColumns, timestamps, timestamptz, uuidRef } from "./columns";
import { holdStatus, orders } from "./orders";

/**
 * `draft`: being prepared, invisible to fans. `scheduled`: runs by its times (upcoming → registration → live →
 * ended are derived from the clock). `ended`: closed by a marketer before `endsAt`.
 */
export const saleStatus = pgEnum("sale_status", ["draft", "scheduled", "ended"]);
export type SaleStatus = (typeof saleStatus.enumValues)[number];

/** `first_come`: registered fans reserve at the start. `draw`: entries are drawn (lib/sales/draw.ts). */
export const saleKind = pgEnum("sale_kind", ["first_come", "draw"]);
export type SaleKind = (typeof saleKind.enumValues)[number];

/** A flash sale: a limited batch of one product's SKUs, for fans who registered, between two instants. */
export const sales = pgTable(
  "sales",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    headline: text().notNull().default(""),
    productId: integerRef(() => products.id),
    status: saleStatus().notNull().default("scheduled"),
    featured: boolean().notNull().default(false),
    registrationOpensAt: timestamptz().notNull(),
    registrationClosesAt: timestamptz().notNull(),
    startsAt: timestamptz().notNull(),
    endsAt: timestamptz().notNull(),
    perAccountLimit: integer().notNull().default(1),
    totalQuantity: integer().notNull(),
    /** First instant no unit was left to reserve (every unit held or sold); recorded once, kept if units come back. */
    soldOutAt: timestamptz(),
    kind: saleKind().notNull().default("first_come"),
    /** Draw: how long each winner's hold lasts. */
    purchaseWindowMinutes: integer(),
    /** Draw: the secret seed (hex), revealed on the sale page once `drawnAt` is set. */
    drawSeed: text(),
    /** Draw: SHA-256 (hex) of the seed's text, published from the start of registration. */
    drawCommitment: text(),
    drawnAt: timestamptz(),
    /** Eligibility: only accounts created before this instant may register. */
    eligibleCreatedBefore: timestamptz(),
    /** Eligibility: only fans whose lifetime points reach this (a VIP tier's threshold) may register. */
    minLifetimePoints: integer(),
    /** How long a unit offered to the next fan on the waitlist is held for them (db/schema/waitlist.ts). */
    waitlistOfferMinutes: integer().notNull().default(10),
    /** Minutes before the start that registered fans are sent a reminder (lib/sales/reminders.ts); 0: none. */
    reminderMinutes: integer().notNull().default(5),
    /**
     * Early-access lane (lib/sales/early-access.ts): fans whose lifetime points reach this (a VIP tier's threshold)
     * may reserve `earlyAccessMinutes` before the start, at most `earlyAccessQuota` units in all, taken from the
     * sale's public buckets (so the stock invariant is the usual one, and what the lane did not sell is simply
     * there at the start). All three null: no lane.
     */
    earlyAccessMinPoints: integer(),
    earlyAccessMinutes: integer(),
    earlyAccessQuota: integer(),
    ...timestamps,
  },
  (t) => [
    index("sales_schedule_idx").on(t.startsAt, t.endsAt).where(sql`${t.status} = 'scheduled'`),
    check("sales_per_account_limit_range", sql`${t.perAccountLimit} between 1 and 10`),
    check("sales_total_quantity_positive", sql`${t.totalQuantity} > 0`),
    check(
      "sales_times_ordered",
      sql`${t.registrationOpensAt} < ${t.registrationClosesAt} and ${t.registrationClosesAt} <= ${t.startsAt} and ${t.startsAt} < ${t.endsAt}`,
    ),
    check("sales_reminder_minutes_range", sql`${t.reminderMinutes} between 0 and 1440`),
    check("sales_waitlist_offer_minutes_range", sql`${t.waitlistOfferMinutes} between 1 and 120`),
    check("sales_sold_out_after_start", sql`${t.soldOutAt} is null or ${t.soldOutAt} >= ${t.startsAt}`),
    check(
      "sales_draw_settings",
      sql`(${t.kind} = 'draw') = (${t.drawCommitment} is not null and ${t.drawSeed} is not null and ${t.purchaseWindowMinutes} is not null)`,
    ),
    check("sales_purchase_window_range", sql`${t.purchaseWindowMinutes} between 5 and 10080`),
    check("sales_drawn_is_draw", sql`${t.drawnAt} is null or ${t.kind} = 'draw'`),
    check("sales_min_lifetime_points", sql`${t.minLifetimePoints} > 0`),
    check(
      "sales_early_access_settings",
      sql`num_nulls(${t.earlyAccessMinPoints}, ${t.earlyAccessMinutes}, ${t.earlyAccessQuota}) in (0, 3)`,
    ),
    check(
      "sales_early_access_range",
      sql`${t.earlyAccessMinPoints} > 0 and ${t.earlyAccessMinutes} between 1 and 1440 and ${t.earlyAccessQuota} between 1 and ${t.totalQuantity}`,
    ),
    check("sales_early_access_first_come", sql`${t.earlyAccessQuota} is null or ${t.kind} = 'first_come'`),
  ],
);
export type Sale = typeof sales.$inferSelect;

/** The SKUs in a sale, each with its batch size and sale price. */
export const saleSkus = pgTable(
  "sale_skus",
  {
    saleId: uuidRef(() => sales.id, "cascade"),
    skuId: integerRef(() => skus.id),
    quantity: integer().notNull(),
    salePriceMinor: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    /** How many `sale_buckets` rows this SKU's stock is split over. */
    bucketCount: smallint().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.skuId] }),
    check("sale_skus_quantity_positive", sql`${t.quantity} > 0`),
    check("sale_skus_price_non_negative", sql`${t.salePriceMinor} >= 0`),
    check("sale_skus_bucket_count_range", sql`${t.bucketCount} between 1 and 64`),
  ],
);
export type SaleSku = typeof saleSkus.$inferSelect;

/**
 * A sale SKU's stock split over several rows so concurrent reservations do not queue on one row lock.
 * The invariant holds per bucket, hence per SKU and per sale. Buckets 0..n-1 are the public stock; a negative
 * bucket is an F-code batch's quota (db/schema/fcodes.ts), which only F-code redemption takes from.
 */
export const saleBuckets = pgTable(
  "sale_buckets",
  {
    id: identity(),
    saleId: uuid().notNull(),
    skuId: integer().notNull(),
    bucket: smallint().notNull(),
    ...stockColumns(),
  },
  (t) => [
    foreignKey({ columns: [t.saleId, t.skuId], foreignColumns: [saleSkus.saleId, saleSkus.skuId] }).onDelete(
      "cascade",
    ),
    unique("sale_buckets_sale_sku_bucket_key").on(t.saleId, t.skuId, t.bucket),
    // The target of sale_holds' foreign key, so a hold's sale and SKU always match its bucket.
    unique("sale_buckets_id_sale_sku_key").on(t.id, t.saleId, t.skuId),
    check("sale_buckets_stock_invariant", sql`${t.quantity} = ${t.available} + ${t.held} + ${t.sold}`),
    check("sale_buckets_stock_non_negative", sql`${t.available} >= 0 and ${t.held} >= 0 and ${t.sold} >= 0`),
  ],
);
export type SaleBucket = typeof saleBuckets.$inferSelect;

/**
 * One row per fan per sale: the primary key makes registering twice impossible. `skuId` is the version the fan
 * chose (lib/sales/version-choice.ts), null until they choose; it must be one of the sale's SKUs, and a version
 * the marketer takes out of the sale sets only it back to null (`on delete set null ("sku_id")`, hand-written in
 * migration 0021: drizzle would null the whole key).
 */
export const saleRegistrations = pgTable(
  "sale_registrations",
  {
    saleId: uuidRef(() => sales.id, "cascade"),
    userId: uuidRef(() => users.id, "cascade"),
    skuId: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.userId] }),
    foreignKey({
      name: "sale_registrations_sale_sku_fk",
      columns: [t.saleId, t.skuId],
      foreignColumns: [saleSkus.saleId, saleSkus.skuId],
    }).onDelete("set null"),
  ],
);
export type SaleRegistration = typeof saleRegistrations.$inferSelect;

/**
 * Registration counts sharded over a few rows, bumped in the registering statement, so the live count is a sum
 * of a handful of rows and a million sign-ups do not queue on one counter.
 */
export const saleCounters = pgTable(
  "sale_counters",
  {
    saleId: uuidRef(() => sales.id, "cascade"),
    shard: smallint().notNull(),
    registrations: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.shard] }),
    check("sale_counters_non_negative", sql`${t.registrations} >= 0`),
  ],
);

/**
 * One reserved unit. A fan's live holds (active or converted) are numbered 1..perAccountLimit and the unique
 * index on (sale, user, seq) is what enforces the per-account limit.
 */
export const saleHolds = pgTable(
  "sale_holds",
  {
    id: uuid().primaryKey().defaultRandom(),
    saleId: uuid().notNull(),
    skuId: integer().notNull(),
    bucketId: integer().notNull(),
    userId: uuidRef(() => users.id, "cascade"),
    seq: smallint().notNull(),
    status: holdStatus().notNull().default("active"),
    /** A client-chosen key: a retry with the same key returns the same hold. */
    requestKey: text(),
    expiresAt: timestamptz().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    releaseReason: text(),
    /** Reserved in the sale's early-access lane (before the public start); counts against its quota while live. */
    earlyAccess: boolean().notNull().default(false),
    createdAt: createdAt(),
    settledAt: timestamptz(),
  },
  (t) => [
    // Only the bucket row is referenced: foreign keys to the one sales row would make every reservation take a
    // share lock on it, and Postgres turns many such lockers into multixacts that serialise the crowd.
    foreignKey({
      columns: [t.bucketId, t.saleId, t.skuId],
      foreignColumns: [saleBuckets.id, saleBuckets.saleId, saleBuckets.skuId],
    }).onDelete("cascade"),
    uniqueIndex("sale_holds_live_seq_idx")
      .on(t.saleId, t.userId, t.seq)
      .where(sql`${t.status} in ('active', 'converted')`),
    uniqueIndex("sale_holds_live_request_key_idx")
      .on(t.saleId, t.userId, t.requestKey)
      .where(sql`${t.requestKey} is not null and ${t.status} in ('active', 'converted')`),
    index("sale_holds_active_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'active'`),
    index("sale_holds_order_idx").on(t.orderId).where(sql`${t.orderId} is not null`),
    index("sale_holds_user_idx").on(t.userId, t.createdAt),
    index("sale_holds_early_access_idx")
      .on(t.saleId)
      .where(sql`${t.earlyAccess} and ${t.status} in ('active', 'converted')`),
    // 1..perAccountLimit for public units; 0 for a unit bought with an F-code (one live per account and sale).
    check("sale_holds_seq_range", sql`${t.seq} between 0 and 10`),
    check("sale_holds_request_key_length", sql`length(${t.requestKey}) <= 100`),
  ],
);
export type SaleHold = typeof saleHolds.$inferSelect;

/** A marketer's choice of homepage hero for one store day: a sale or a product, never both. */
export const heroSchedule = pgTable(
  "hero_schedule",
  {
    id: identity(),
    storeDay: date({ mode: "string" }).notNull().unique(),
    saleId: uuid().references(() => sales.id, { onDelete: "cascade" }),
    productId: integer().references(() => products.id, { onDelete: "cascade" }),
    headline: text().notNull(),
    imageUrl: text().notNull(),
    ctaLabel: text().notNull(),
    ctaHref: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [check("hero_schedule_one_target", sql`num_nonnulls(${t.saleId}, ${t.productId}) = 1`)],
);
export type HeroScheduleEntry = typeof heroSchedule.$inferSelect;

export const salesRelations = relations(sales, ({ one, many }) => ({
  product: one(products, { fields: [sales.productId], references: [products.id] }),
  skus: many(saleSkus),
  buckets: many(saleBuckets),
}));

export const saleSkusRelations = relations(saleSkus, ({ one }) => ({
  sale: one(sales, { fields: [saleSkus.saleId], references: [sales.id] }),
  sku: one(skus, { fields: [saleSkus.skuId], references: [skus.id] }),
}));

export const saleBucketsRelations = relations(saleBuckets, ({ one }) => ({
  sale: one(sales, { fields: [saleBuckets.saleId], references: [sales.id] }),
}));

export const saleHoldsRelations = relations(saleHolds, ({ one }) => ({
  sale: one(sales, { fields: [saleHolds.saleId], references: [sales.id] }),
  sku: one(skus, { fields: [saleHolds.skuId], references: [skus.id] }),
  order: one(orders, { fields: [saleHolds.orderId], references: [orders.id] }),
}));
