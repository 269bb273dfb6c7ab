import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { orderLines, orderRefunds, orders, products, reviews, reviewVotes, skus, users } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { isSqlInt, isUuid } from "@/lib/ids";
import { pageBefore } from "@/lib/paging";
import { REVIEW_PAGE_SIZE } from "./review-query";
import { reviewEditableUntil } from "./rules";
import type { RatingSummary, ReviewData, ReviewPage, ReviewSort } from "./types";

/** Reviews anybody may read: every one a marketer has not hidden. Lists, ratings and cards all use it. */
export const visibleReviews: SQL = isNull(reviews.hiddenAt);

/**
 * "Verified purchase", as shown: written from a paid order line (the column) and that order not refunded since. A
 * review whose order was refunded after it was written stays, and still counts in the average (a refund often
 * follows a bad experience, and dropping those would flatter the rating), but loses the mark: it is no longer a
 * purchase the buyer kept. The refund expires the product's cached reviews (expireReviewsOfOrder).
 */
export const verifiedPurchase = sql<boolean>`(${reviews.verified} and not exists (
  select 1 from ${orderLines} l join ${orderRefunds} r on r.order_id = l.order_id
  where l.id = ${reviews.orderLineId}))`;

/** The product's average (one decimal), its count per star, and how many are from verified buyers. */
export async function getRatingSummary(db: Db, { productId }: { productId: number }): Promise<RatingSummary> {
  const rows = await db
    .select({
      rating: reviews.rating,
      count: count(),
      verified: sql<number>`count(*) filter (where ${verifiedPurchase})`,
    })
    .from(reviews)
    .where(and(eq(reviews.productId, productId), visibleReviews))
    .groupBy(reviews.rating);
  const distribution: RatingSummary["distribution"] = [0, 0, 0, 0, 0];
  let total = 0;
  let sum = 0;
  let verifiedCount = 0;
  for (const row of rows) {
    if (row.rating < 1 || row.rating > 5) continue;
    distribution[row.rating - 1] = row.count;
    total += row.count;
    sum += row.rating * row.count;
    verifiedCount += Number(row.verified);
  }
  return {
    average: total ? Math.round((sum / total) * 10) / 10 : null,
    count: total,
    distribution,
    verifiedCount,
  };
}

const REVIEW_ORDER: Record<ReviewSort, SQL[]> = {
  recent: [desc(reviews.createdAt), desc(reviews.id)],
  helpful: [desc(reviews.helpfulCount), desc(reviews.createdAt), desc(reviews.id)],
  highest: [desc(reviews.rating), desc(reviews.createdAt), desc(reviews.id)],
  lowest: [asc(reviews.rating), desc(reviews.createdAt), desc(reviews.id)],
};

/** What anybody may read of a review (and what the console shows of every one). */
const PUBLIC_REVIEW_COLUMNS = {
  id: reviews.id,
  authorName: reviews.authorName,
  rating: reviews.rating,
  title: reviews.title,
  body: reviews.body,
  variantLabel: reviews.variantLabel,
  verified: verifiedPurchase,
  helpfulCount: reviews.helpfulCount,
  createdAt: reviews.createdAt,
  editedAt: reviews.editedAt,
};

export async function listReviews(
  db: Db,
  options: { productId: number; sort?: ReviewSort; page?: number; pageSize?: number; rating?: number },
): Promise<ReviewPage> {
  const pageSize = options.pageSize ?? REVIEW_PAGE_SIZE;
  const where = and(
    eq(reviews.productId, options.productId),
    visibleReviews,
    options.rating ? eq(reviews.rating, options.rating) : undefined,
  );
  const [totalRow] = await db.select({ total: count() }).from(reviews).where(where);
  const total = totalRow?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), pageCount);
  const rows = await db
    .select(PUBLIC_REVIEW_COLUMNS)
    .from(reviews)
    .where(where)
    .orderBy(...REVIEW_ORDER[options.sort ?? "recent"])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
    })),
    total,
    page,
    pageCount,
    pageSize,
  };
}

/** A buyer's own review as their forms show it. */
export interface OwnReview {
  id: number;
  rating: number;
  title: string;
  body: string;
  createdAt: string;
  /** ISO; past it the review can no longer be changed. */
  editableUntil: string;
  /** Set when a marketer hid it: what the author reads. */
  hiddenReason: string | null;
}

/** One line a buyer bought, with whether it can be reviewed and their review of it. */
export interface ReviewLine {
  orderLineId: number;
  orderId: string;
  productId: number;
  productSlug: string;
  productName: string;
  variantLabel: string;
  /** Paid and never refunded: the only lines that may be reviewed. */
  reviewable: boolean;
  payment: (typeof orders.$inferSelect)["status"];
  refunded: boolean;
  review: OwnReview | null;
}

const REFUNDED = sql<boolean>`exists (select 1 from ${orderRefunds} where ${orderRefunds.orderId} = ${orders.id})`;

const LINE_COLUMNS = {
  orderLineId: orderLines.id,
  orderId: orders.id,
  productId: products.id,
  productSlug: products.slug,
  productName: products.name,
  variantLabel: orderLines.variantLabel,
  payment: orders.status,
  refunded: REFUNDED,
  reviewId: reviews.id,
  rating: reviews.rating,
  title: reviews.title,
  body: reviews.body,
  createdAt: reviews.createdAt,
  hiddenAt: reviews.hiddenAt,
  hiddenReason: reviews.hiddenReason,
};

type LineRow = Awaited<ReturnType<typeof selectLines>>[number];

function toReviewLine(row: LineRow): ReviewLine {
  const review: OwnReview | null =
    row.reviewId !== null && row.createdAt
      ? {
          id: row.reviewId,
          rating: row.rating ?? 0,
          title: row.title ?? "",
          body: row.body ?? "",
          createdAt: row.createdAt.toISOString(),
          editableUntil: reviewEditableUntil(row.createdAt).toISOString(),
          hiddenReason: row.hiddenAt ? (row.hiddenReason ?? "") : null,
        }
      : null;
  const refunded = Boolean(row.refunded);
  return {
    orderLineId: row.orderLineId,
    orderId: row.orderId,
    productId: row.productId,
    productSlug: row.productSlug,
    productName: row.productName,
    variantLabel: row.variantLabel,
    payment: row.payment,
    refunded,
    reviewable: row.payment === "paid" && !refunded,
    review,
  };
}

/** The lines of an account's orders (bought through `orders`), with their product and review, in one statement. */
function selectLines(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(LINE_COLUMNS)
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(skus, eq(skus.id, orderLines.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .leftJoin(reviews, eq(reviews.orderLineId, orderLines.id))
    .where(where)
    .orderBy(desc(orders.paidAt), asc(orderLines.id));
}

/** One order's lines for its owner's order page ("Write a review" / "Edit your review"); [] for anyone else. */
export async function listReviewLinesForOrder(
  db: Db,
  { orderId, userId }: { orderId: string; userId: string },
): Promise<ReviewLine[]> {
  if (!isUuid(orderId) || !isUuid(userId)) return [];
  const rows = await selectLines(db, and(eq(orders.id, orderId), eq(orders.userId, userId)));
  return rows.map(toReviewLine);
}

/** One line for its buyer's review form; null when it is not theirs (indistinguishable from missing). */
export async function getReviewLineForUser(
  db: Db,
  { orderLineId, userId }: { orderLineId: number; userId: string },
): Promise<ReviewLine | null> {
  if (!isSqlInt(orderLineId) || !isUuid(userId)) return null;
  const [row] = await selectLines(db, and(eq(orderLines.id, orderLineId), eq(orders.userId, userId)));
  return row ? toReviewLine(row) : null;
}

/** The most lines and votes the per-visitor answer carries for one product: bounded, whatever an account did. */
const VISITOR_LIMIT = 50;
const VOTES_LIMIT = 500;

/** What a signed-in visitor may do in a product's reviews tab (through /api/me, so the page stays shared). */
export interface ReviewerState {
  /** Paid, not refunded lines of this product, newest first: the first without a review is the one to write. */
  lines: Pick<ReviewLine, "orderLineId" | "variantLabel" | "review">[];
  /** Whether they ever ordered it (so a refunded-only buyer reads why they can't review). */
  boughtButRefunded: boolean;
  /** Reviews of this product they marked helpful. */
  votedReviewIds: number[];
}

export async function getReviewerState(
  db: Db,
  { productId, userId }: { productId: number; userId: string },
): Promise<ReviewerState> {
  const [rows, votes] = await Promise.all([
    selectLines(
      db,
      and(
        eq(products.id, productId),
        eq(orders.userId, userId),
        sql`${orders.status} in ('paid', 'refunded')`,
      ),
    ).limit(VISITOR_LIMIT),
    db
      .select({ reviewId: reviewVotes.reviewId })
      .from(reviewVotes)
      .innerJoin(reviews, eq(reviews.id, reviewVotes.reviewId))
      .where(and(eq(reviewVotes.userId, userId), eq(reviews.productId, productId)))
      .limit(VOTES_LIMIT),
  ]);
  const lines = rows.map(toReviewLine);
  const reviewable = lines.filter((l) => l.reviewable);
  return {
    lines: reviewable.map(({ orderLineId, variantLabel, review }) => ({ orderLineId, variantLabel, review })),
    boughtButRefunded: reviewable.length === 0 && lines.length > 0,
    votedReviewIds: votes.map((v) => v.reviewId),
  };
}

/** A review as the console lists it. */
export interface ConsoleReview extends Omit<ReviewData, "createdAt" | "editedAt"> {
  productName: string;
  productSlug: string;
  authorEmail: string | null;
  createdAt: Date;
  editedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenBy: string | null;
}

export const CONSOLE_REVIEW_FILTERS = ["buyers", "hidden", "all"] as const;
export type ConsoleReviewFilter = (typeof CONSOLE_REVIEW_FILTERS)[number];
export const CONSOLE_REVIEW_PAGE_SIZE = 50;

/**
 * The console's reviews, newest first, 50 at a time (keyset on id): buyers' reviews (the ones that need a look),
 * hidden ones, or all of them including the seeded demo reviews.
 */
export async function listConsoleReviews(
  db: Db,
  { filter, before }: { filter: ConsoleReviewFilter; before?: number | undefined },
): Promise<{ rows: ConsoleReview[]; nextBefore: number | null }> {
  const hider = sql<string | null>`(select name from ${users} h where h.id = ${reviews.hiddenById})`;
  const rows = await db
    .select({
      ...PUBLIC_REVIEW_COLUMNS,
      productName: products.name,
      productSlug: products.slug,
      authorEmail: users.email,
      hiddenAt: reviews.hiddenAt,
      hiddenReason: reviews.hiddenReason,
      hiddenBy: hider,
    })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .leftJoin(users, eq(users.id, reviews.userId))
    .where(
      and(
        filter === "buyers" ? isNotNull(reviews.orderLineId) : undefined,
        filter === "hidden" ? isNotNull(reviews.hiddenAt) : undefined,
        before !== undefined && isSqlInt(before) ? lt(reviews.id, before) : undefined,
      ),
    )
    .orderBy(desc(reviews.id))
    .limit(CONSOLE_REVIEW_PAGE_SIZE + 1);
  const { page, nextBefore } = pageBefore(rows, CONSOLE_REVIEW_PAGE_SIZE);
  return { rows: page, nextBefore };
}

/** The products reviewed from one order's lines, with their slugs (for the cache tags a refund expires). */
export async function listReviewedProductsOfOrder(
  db: Db | Tx,
  { orderId }: { orderId: string },
): Promise<{ productId: number; productSlug: string }[]> {
  return db
    .selectDistinct({ productId: reviews.productId, productSlug: products.slug })
    .from(reviews)
    .innerJoin(orderLines, eq(orderLines.id, reviews.orderLineId))
    .innerJoin(products, eq(products.id, reviews.productId))
    .where(eq(orderLines.orderId, orderId));
}
