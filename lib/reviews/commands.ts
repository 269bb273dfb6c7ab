import "server-only";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { orderLines, orderRefunds, orders, products, reviews, reviewVotes, skus, users } from "@/db/schema";
import { type Actor, writeAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { isSqlInt, isUuid } from "@/lib/ids";
import { type Failure, fail, ok, parseWith, Refusal, refusable, type Success } from "@/lib/result";
import {
  canEditReview,
  hideReasonSchema,
  REVIEW_WORDS,
  reviewInputSchema,
  reviewPaymentRefusal,
} from "./rules";
import type { HelpfulVote } from "./types";

/*
 * Reviews as commands, each one transaction. Writing reads the buyer's order line with its order share-locked (a
 * refund approved at the same moment waits for us, or we see it) and inserts `on conflict do nothing` on the
 * unique order line: of two reviews of one line at once exactly one is written and the other is a typed refusal.
 * Edits and the console's hide / show are compare-and-sets on the row. Votes are idempotent: "helpful" inserts the
 * account's vote once (primary key) and "not helpful" deletes it, and the count moves only when a row did, in
 * one atomic update (no lock taken first: two voters at once must not deadlock on a shared lock).
 */

/** What a change to a product's reviews answers: enough to expire that one product's cached page. */
export type ReviewDone = Success<{
  message: string;
  reviewId: number;
  productId: number;
  productSlug: string;
}>;

const lineNotFound = () => fail("not_found", REVIEW_WORDS.lineNotFound);
const reviewNotFound = () => fail("not_found", REVIEW_WORDS.reviewNotFound);

/** The buyer's own review written or changed: which line, for the page that shows it. */
export type OwnReviewDone = Success<ReviewDone & { orderLineId: number }>;

/**
 * A buyer's review as they send it, to write or to change: `notFound()` unless the account and the row `id` can be
 * ids at all (no query PostgreSQL would refuse with a cast error), else the stars, title and text parsed.
 */
function parseOwnReview(input: { userId: string; raw: unknown }, id: number, notFound: () => Failure) {
  if (!isUuid(input.userId) || !isSqlInt(id)) return notFound();
  return parseWith(reviewInputSchema, input.raw);
}

/** The buyer reviews one line of a paid, not refunded order of theirs: once. */
export async function writeReview(
  db: Db,
  input: { userId: string; orderLineId: number; raw: unknown; now: Date },
): Promise<OwnReviewDone | Failure> {
  const { userId, orderLineId, now } = input;
  const parsed = parseOwnReview(input, orderLineId, lineNotFound);
  if (!parsed.ok) return parsed;
  const { rating, title, body } = parsed.data;
  return refusable(() =>
    db.transaction(async (tx) => {
      const [line] = await tx
        .select({
          productId: skus.productId,
          productSlug: products.slug,
          variantLabel: orderLines.variantLabel,
          payment: orders.status,
          authorName: users.name,
          refunded: sql<boolean>`exists (select 1 from ${orderRefunds} where ${orderRefunds.orderId} = ${orders.id})`,
        })
        .from(orderLines)
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .innerJoin(users, eq(users.id, orders.userId))
        .innerJoin(skus, eq(skus.id, orderLines.skuId))
        .innerJoin(products, eq(products.id, skus.productId))
        .where(and(eq(orderLines.id, orderLineId), eq(orders.userId, userId)))
        .for("share", { of: orders });
      if (!line) return lineNotFound();
      const refused = reviewPaymentRefusal({ payment: line.payment, refunded: Boolean(line.refunded) });
      if (refused) return refused;
      const [row] = await tx
        .insert(reviews)
        .values({
          productId: line.productId,
          userId,
          orderLineId,
          authorName: line.authorName,
          rating,
          title,
          body,
          variantLabel: line.variantLabel,
          verified: true,
          createdAt: now,
        })
        .onConflictDoNothing({ target: reviews.orderLineId })
        .returning({ id: reviews.id });
      // Another review of this line committed first (a second tab, a double submit): the unique index kept one.
      if (!row) throw new Refusal(fail("already_reviewed", REVIEW_WORDS.alreadyReviewed));
      return ok({
        reviewId: row.id,
        orderLineId,
        productId: line.productId,
        productSlug: line.productSlug,
        message: "Thanks! Your review is up, marked “Verified purchase”.",
      });
    }),
  );
}

/**
 * A review locked for a change, with what the answers and the audit log need; with `authorId`, only the author's
 * own review of a bought line (a refusal when it is not theirs, as when it does not exist).
 */
async function lockReview(tx: Tx, { reviewId, authorId }: { reviewId: number; authorId?: string }) {
  const [row] = await tx
    .select({
      id: reviews.id,
      productId: reviews.productId,
      productSlug: products.slug,
      productName: products.name,
      authorName: reviews.authorName,
      orderLineId: reviews.orderLineId,
      createdAt: reviews.createdAt,
      hiddenAt: reviews.hiddenAt,
      hiddenReason: reviews.hiddenReason,
    })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .where(
      authorId === undefined
        ? eq(reviews.id, reviewId)
        : and(eq(reviews.id, reviewId), eq(reviews.userId, authorId), isNotNull(reviews.orderLineId)),
    )
    .for("update", { of: reviews });
  if (!row) throw new Refusal(reviewNotFound());
  return row;
}

/** The author changes their review's stars, title or text, within REVIEW_EDIT_DAYS of writing it. */
export async function editReview(
  db: Db,
  input: { userId: string; reviewId: number; raw: unknown; now: Date },
): Promise<OwnReviewDone | Failure> {
  const { userId, reviewId, now } = input;
  const parsed = parseOwnReview(input, reviewId, reviewNotFound);
  if (!parsed.ok) return parsed;
  return refusable(() =>
    db.transaction(async (tx) => {
      const current = await lockReview(tx, { reviewId, authorId: userId });
      if (current.hiddenAt) return fail("hidden", REVIEW_WORDS.hidden(current.hiddenReason ?? ""));
      if (!canEditReview({ createdAt: current.createdAt, now })) {
        return fail("edit_window_closed", REVIEW_WORDS.editClosed);
      }
      await tx
        .update(reviews)
        .set({ ...parsed.data, editedAt: now })
        .where(eq(reviews.id, reviewId));
      return ok({
        reviewId,
        orderLineId: current.orderLineId ?? 0,
        productId: current.productId,
        productSlug: current.productSlug,
        message: "Your review is updated.",
      });
    }),
  );
}

/** A marketer hides a review with a reason its author reads; audited. Hiding a hidden one changes nothing. */
export async function hideReview(
  db: Db,
  input: { actor: Actor; reviewId: number; reason: string; now: Date },
): Promise<(ReviewDone & { changed: boolean }) | Failure> {
  const { actor, reviewId, now } = input;
  if (!isSqlInt(reviewId)) return reviewNotFound();
  const parsed = parseWith(hideReasonSchema, { reason: input.reason });
  if (!parsed.ok) return parsed;
  const { reason } = parsed.data;
  return refusable(() =>
    db.transaction(async (tx) => {
      const current = await lockReview(tx, { reviewId });
      const done = { reviewId, productId: current.productId, productSlug: current.productSlug };
      if (current.hiddenAt) {
        return ok({
          ...done,
          changed: false,
          message: `This review was already hidden: ${current.hiddenReason}`,
        });
      }
      await tx
        .update(reviews)
        .set({ hiddenAt: now, hiddenById: actor.id, hiddenReason: reason })
        .where(and(eq(reviews.id, reviewId), isNull(reviews.hiddenAt)));
      await writeAudit(tx, {
        actor,
        action: "review.hide",
        entityType: "review",
        entityId: String(reviewId),
        summary: `Hid ${current.authorName}'s review of ${current.productName}: ${reason}`,
        diff: { hidden: { from: null, to: reason } },
      });
      return ok({
        ...done,
        changed: true,
        message: `Hidden. ${current.productName}'s rating no longer counts it.`,
      });
    }),
  );
}

/** A marketer shows a hidden review again; audited. */
export async function showReview(
  db: Db,
  input: { actor: Actor; reviewId: number; now: Date },
): Promise<(ReviewDone & { changed: boolean }) | Failure> {
  const { actor, reviewId } = input;
  if (!isSqlInt(reviewId)) return reviewNotFound();
  return refusable(() =>
    db.transaction(async (tx) => {
      const current = await lockReview(tx, { reviewId });
      const done = { reviewId, productId: current.productId, productSlug: current.productSlug };
      if (!current.hiddenAt) return ok({ ...done, changed: false, message: "This review is already shown." });
      await tx
        .update(reviews)
        .set({ hiddenAt: null, hiddenById: null, hiddenReason: null })
        .where(eq(reviews.id, reviewId));
      await writeAudit(tx, {
        actor,
        action: "review.show",
        entityType: "review",
        entityId: String(reviewId),
        summary: `Showed ${current.authorName}'s review of ${current.productName} again`,
        diff: { hidden: { from: current.hiddenReason, to: null } },
      });
      return ok({ ...done, changed: true, message: "Shown again, and counted in the rating." });
    }),
  );
}

export type VoteDone = Success<HelpfulVote>;

/**
 * An account marks a review helpful, or takes that back: the vote is a state, so sending the same one twice (a
 * double click, two tabs) changes nothing. Its own review and hidden ones can't be voted on.
 */
export async function setHelpfulVote(
  db: Db,
  input: { userId: string; reviewId: number; helpful: boolean },
): Promise<VoteDone | Failure> {
  const { userId, reviewId, helpful } = input;
  if (!isUuid(userId) || !isSqlInt(reviewId)) return reviewNotFound();
  return refusable(() =>
    db.transaction(async (tx) => {
      const [review] = await tx
        .select({ userId: reviews.userId, hiddenAt: reviews.hiddenAt })
        .from(reviews)
        .where(eq(reviews.id, reviewId));
      if (!review || review.hiddenAt) return reviewNotFound();
      if (review.userId === userId) return fail("own_review", REVIEW_WORDS.ownVote);
      const moved = helpful
        ? await tx
            .insert(reviewVotes)
            .values({ reviewId, userId })
            .onConflictDoNothing()
            .returning({ reviewId: reviewVotes.reviewId })
        : await tx
            .delete(reviewVotes)
            .where(and(eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, userId)))
            .returning({ reviewId: reviewVotes.reviewId });
      const step = moved.length === 0 ? 0 : helpful ? 1 : -1;
      const [row] = await tx
        .update(reviews)
        .set({ helpfulCount: sql`${reviews.helpfulCount} + ${step}` })
        .where(eq(reviews.id, reviewId))
        .returning({ helpfulCount: reviews.helpfulCount });
      return ok({ reviewId, helpful, helpfulCount: row?.helpfulCount ?? 0, changed: step !== 0 });
    }),
  );
}
