import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { products, users } from "./catalog";
import { createdAt, identity, integerRef, timestamptz } from "./columns";
import { orderLines } from "./orders";

/**
 * A product's review. A buyer's review points at the order line it reviews (one review per line, by a unique
 * index, so two at once leave one row) and is the only kind marked verified: `verified` means "has an order
 * line", checked by the table. The seeded demo reviews have no line and no user. A marketer may hide one with a
 * reason (kept, left out of every list and of the rating); lib/reviews owns the rules.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: identity(),
    productId: integerRef(() => products.id, "cascade"),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The purchase this review is about; it goes with the order (an order is never deleted in the store). */
    orderLineId: integer().references(() => orderLines.id, { onDelete: "cascade" }),
    authorName: text().notNull(),
    rating: smallint().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    /** The variant bought, shown as "Colour: Graphite · 12 GB + 256 GB". */
    variantLabel: text(),
    verified: boolean().notNull().default(false),
    helpfulCount: integer().notNull().default(0),
    createdAt: createdAt(),
    /** The author's last edit (within REVIEW_EDIT_DAYS of createdAt). */
    editedAt: timestamptz(),
    hiddenAt: timestamptz(),
    hiddenById: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Why a marketer hid it; the author reads it on their order page. */
    hiddenReason: text(),
  },
  (t) => [
    index("reviews_product_idx").on(t.productId, t.createdAt),
    uniqueIndex("reviews_order_line_idx").on(t.orderLineId),
    index("reviews_user_idx").on(t.userId),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
    check("reviews_verified_has_line", sql`${t.verified} = (${t.orderLineId} is not null)`),
    check("reviews_title_length", sql`char_length(${t.title}) between 1 and 100`),
    check("reviews_body_length", sql`char_length(${t.body}) between 1 and 2000`),
    check(
      "reviews_hidden_has_reason",
      sql`${t.hiddenAt} is null or (${t.hiddenReason} is not null and char_length(${t.hiddenReason}) <= 500)`,
    ),
    check("reviews_helpful_non_negative", sql`${t.helpfulCount} >= 0`),
  ],
);
export type Review = typeof reviews.$inferSelect;

/**
 * "Helpful" votes: one per account per review (the primary key). `reviews.helpful_count` is kept in step in the
 * same transaction as the vote's insert or delete.
 */
export const reviewVotes = pgTable(
  "review_votes",
  {
    reviewId: integerRef(() => reviews.id, "cascade"),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("review_votes_user_idx").on(t.userId)],
);
export type ReviewVote = typeof reviewVotes.$inferSelect;

export const reviewsRelations = relations(reviews, ({ one }) => ({
  product: one(products, { fields: [reviews.productId], references: [products.id] }),
}));
