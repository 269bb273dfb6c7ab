import { relations, sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { skus, users } from "./catalog";
import { createdAt, integerRef, timestamptz, uuidRef } from "./columns";
import { saleBuckets, saleHolds, sales } from "./sales";

/**
 * What happens, at a batch's `validUntil`, to the units its codes did not buy: `return_to_sale` moves them back to
 * the sale's public buckets; `keep_in_quota` keeps them set aside for F-codes, and the next batch issued for the
 * same version takes them first.
 */
export const fcodeExpiry = pgEnum("fcode_expiry", ["return_to_sale", "keep_in_quota"]);
export type FcodeExpiry = (typeof fcodeExpiry.enumValues)[number];

/**
 * A batch of F-codes for one SKU of one sale. Its quota of units was moved, when it was issued, out of the sale's
 * public buckets into a bucket of its own (`bucketId`, a `sale_buckets` row with a negative bucket number that the
 * public reserve never picks), so the stock invariant stays per bucket and the sale's quantity is unchanged.
 */
export const fcodeBatches = pgTable(
  "fcode_batches",
  {
    id: uuid().primaryKey().defaultRandom(),
    saleId: uuidRef(() => sales.id, "cascade"),
    skuId: integerRef(() => skus.id),
    bucketId: integer().notNull(),
    label: text().notNull(),
    codeCount: integer().notNull(),
    quota: integer().notNull(),
    validFrom: timestamptz().notNull(),
    validUntil: timestamptz().notNull(),
    atExpiry: fcodeExpiry().notNull().default("return_to_sale"),
    /**
     * Units moved out of the batch's bucket after `validUntil`: back to the sale's public buckets (return_to_sale),
     * or on to a newer batch of the same version (keep_in_quota).
     */
    returnedUnits: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.bucketId, t.saleId, t.skuId],
      foreignColumns: [saleBuckets.id, saleBuckets.saleId, saleBuckets.skuId],
    }).onDelete("cascade"),
    index("fcode_batches_sale_idx").on(t.saleId, t.createdAt),
    index("fcode_batches_return_idx").on(t.validUntil).where(sql`${t.atExpiry} = 'return_to_sale'`),
    check("fcode_batches_code_count_range", sql`${t.codeCount} between 1 and 5000`),
    check("fcode_batches_quota_range", sql`${t.quota} between 1 and ${t.codeCount}`),
    check("fcode_batches_valid_ordered", sql`${t.validFrom} < ${t.validUntil}`),
    check("fcode_batches_returned_non_negative", sql`${t.returnedUnits} between 0 and ${t.quota}`),
    check("fcode_batches_label_length", sql`length(${t.label}) between 1 and 80`),
  ],
);
export type FcodeBatch = typeof fcodeBatches.$inferSelect;

/**
 * One F-code: only its SHA-256 is kept (see lib/fcodes/codes.ts). `ownerId` is the first account to redeem it;
 * `holdId` its latest sale hold, whose status says whether the code is being paid for or was bought.
 */
export const fcodes = pgTable(
  "fcodes",
  {
    id: uuid().primaryKey().defaultRandom(),
    batchId: uuidRef(() => fcodeBatches.id, "cascade"),
    codeHash: text().notNull().unique(),
    /** The code's last four characters, so people can tell codes apart ("…-7KQ4"); 20 of its 80 bits. */
    hint: text().notNull(),
    /** The fan a marketer gave it to, and the code sealed for them (AES-GCM, key outside the database). */
    givenTo: uuid().references(() => users.id, { onDelete: "set null" }),
    givenAt: timestamptz(),
    sealed: text(),
    ownerId: uuid().references(() => users.id, { onDelete: "set null" }),
    redeemedAt: timestamptz(),
    holdId: uuid().references(() => saleHolds.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("fcodes_batch_idx").on(t.batchId),
    index("fcodes_given_to_idx").on(t.givenTo).where(sql`${t.givenTo} is not null`),
    index("fcodes_owner_idx").on(t.ownerId).where(sql`${t.ownerId} is not null`),
    index("fcodes_hold_idx").on(t.holdId).where(sql`${t.holdId} is not null`),
    check("fcodes_hint_length", sql`length(${t.hint}) = 4`),
    check("fcodes_given_sealed", sql`(${t.givenTo} is null) = (${t.sealed} is null)`),
  ],
);
export type Fcode = typeof fcodes.$inferSelect;

export const fcodeBatchesRelations = relations(fcodeBatches, ({ one, many }) => ({
  sale: one(sales, { fields: [fcodeBatches.saleId], references: [sales.id] }),
  sku: one(skus, { fields: [fcodeBatches.skuId], references: [skus.id] }),
  codes: many(fcodes),
}));

export const fcodesRelations = relations(fcodes, ({ one }) => ({
  batch: one(fcodeBatches, { fields: [fcodes.batchId], references: [fcodeBatches.id] }),
}));
