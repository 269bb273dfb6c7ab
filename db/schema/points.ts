import { relations, sql } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { createdAt, timestamptz, uuidRef } from "./columns";
import { orders } from "./orders";

/** Why points moved. Every entry names its cause (`points_entries.cause`), unique per reason. */
export const pointsReason = pgEnum("points_reason", [
  "order_paid",
  "order_refunded",
  "beta_purchase",
  "referral",
  "adjustment",
  "points_spent",
  "points_returned",
]);
export type PointsReason = (typeof pointsReason.enumValues)[number];

/**
 * A fan's points: the running balance and lifetime earned, kept in step with `points_entries` in the same
 * transaction as each entry (lib/points/ledger.ts), never changed alone. The balance may go below zero (points
 * taken back after a refund of points already spent); lifetime earned counts what was earned minus what refunds
 * took back, and sets the tier. Also the fan's referral code and who referred them.
 */
export const pointsAccounts = pgTable(
  "points_accounts",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    balance: integer().notNull().default(0),
    lifetimeEarned: integer().notNull().default(0),
    referralCode: text().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamptz()
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("points_accounts_referral_code_idx").on(t.referralCode),
    check("points_accounts_lifetime_non_negative", sql`${t.lifetimeEarned} >= 0`),
  ],
);
export type PointsAccount = typeof pointsAccounts.$inferSelect;

/**
 * The ledger: one row per movement, signed, with its reason and cause (`order:<id>`, `refund:<stripe id>`,
 * `friend:<user id>`…). (reason, cause) is unique, so a webhook applied twice credits once.
 */
export const pointsEntries = pgTable(
  "points_entries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuidRef(() => users.id, "cascade"),
    reason: pointsReason().notNull(),
    cause: text().notNull(),
    /** The order behind it, when there is one (earning, spending, refunds, a friend's first order). */
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    amount: integer().notNull(),
    balanceAfter: integer().notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("points_entries_reason_cause_idx").on(t.reason, t.cause),
    // The account page's history, newest first, keyset-paged by id (ids follow the order entries were written).
    index("points_entries_user_idx").on(t.userId, t.id),
    index("points_entries_order_idx").on(t.orderId),
    check("points_entries_amount_non_zero", sql`${t.amount} <> 0`),
  ],
);
export type PointsEntry = typeof pointsEntries.$inferSelect;

/**
 * A friend who signed up through a fan's share link. One referrer per friend (the key); the referrer is credited
 * once, at the friend's first paid order (`creditedAt`, `orderId`), unless that order looks like the referrer's
 * own (`refusedReason`).
 */
export const referrals = pgTable(
  "referrals",
  {
    friendId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    referrerId: uuidRef(() => users.id, "cascade"),
    createdAt: createdAt(),
    creditedAt: timestamptz(),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    /** Why no points were given (`same_address`), when the first paid order did not count. */
    refusedReason: text(),
  },
  (t) => [
    index("referrals_referrer_idx").on(t.referrerId, t.createdAt),
    check("referrals_not_self", sql`${t.friendId} <> ${t.referrerId}`),
  ],
);
export type Referral = typeof referrals.$inferSelect;

export const pointsEntriesRelations = relations(pointsEntries, ({ one }) => ({
  user: one(users, { fields: [pointsEntries.userId], references: [users.id] }),
}));
