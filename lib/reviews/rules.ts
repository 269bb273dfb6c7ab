import { z } from "zod";
import type { OrderStatus } from "@/db/schema";
import { paymentRefusal } from "@/lib/fulfilment/rules";
import {
  MAX_REVIEW_BODY_LENGTH,
  MAX_REVIEW_HIDE_REASON_LENGTH,
  MAX_REVIEW_TITLE_LENGTH,
  MIN_REVIEW_BODY_LENGTH,
  REVIEW_EDIT_DAYS,
} from "@/lib/limits";
import { reasonField } from "@/lib/reason-field";
import { type Failure, fail } from "@/lib/result";

/*
 * Verified reviews, as pure rules (tested without a database). Only the buyer of a paid, not refunded order line
 * may review its product, once per line (the commands in ./commands.ts check ownership and payment in the
 * transaction that writes, and a unique index keeps it to one); the author may change it for REVIEW_EDIT_DAYS.
 * Text is plain: it is always shown as text, and markup in it is refused with a sentence, never stored.
 */

const numberFormat = new Intl.NumberFormat("en-US");

/** Something that reads as an HTML/XML tag or comment: `<b>`, `</p>`, `<a href=…>`, `<!-- -->`. "<3" and "a < b" are text. */
const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!\[CDATA\[/i;

export function containsMarkup(text: string): boolean {
  return MARKUP.test(text);
}

const NO_MARKUP =
  "Write plain text: take out the <…> tags (we show reviews exactly as typed, never as HTML).";

/** Text as typed, with Windows line ends made plain and the ends trimmed. */
const plainText = () => z.string().transform((value) => value.replace(/\r\n?/g, "\n").trim());

export const reviewInputSchema = z.object({
  rating: z.coerce
    .number({ error: "Choose from 1 to 5 stars." })
    .int("Choose from 1 to 5 stars.")
    .min(1, "Choose from 1 to 5 stars.")
    .max(5, "Choose from 1 to 5 stars."),
  title: plainText()
    .pipe(
      z
        .string()
        .min(1, "Give your review a title.")
        .max(MAX_REVIEW_TITLE_LENGTH, `Keep the title to ${MAX_REVIEW_TITLE_LENGTH} characters or fewer.`),
    )
    .refine((title) => !containsMarkup(title), NO_MARKUP)
    .refine((title) => !title.includes("\n"), "Keep the title on one line."),
  body: plainText()
    .superRefine((body, ctx) => {
      if (body.length > MAX_REVIEW_BODY_LENGTH) {
        ctx.addIssue({
          code: "custom",
          message: `Keep your review to ${numberFormat.format(MAX_REVIEW_BODY_LENGTH)} characters; this one has ${numberFormat.format(body.length)}.`,
        });
      } else if (body.length < MIN_REVIEW_BODY_LENGTH) {
        ctx.addIssue({
          code: "custom",
          message: `Say a little more: at least ${MIN_REVIEW_BODY_LENGTH} characters about how it's going.`,
        });
      }
    })
    .refine((body) => !containsMarkup(body), NO_MARKUP),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** What a marketer writes when hiding a review: kept, shown to the author, and in the audit log. */
export const hideReasonSchema = z.object({
  reason: reasonField(
    "Say why the review is hidden, in a sentence its author will read.",
    MAX_REVIEW_HIDE_REASON_LENGTH,
  ),
});

const DAY_MS = 24 * 60 * 60_000;

/** The last moment the author may change a review written at `createdAt`. */
export function reviewEditableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + REVIEW_EDIT_DAYS * DAY_MS);
}

export function canEditReview({ createdAt, now }: { createdAt: Date; now: Date }): boolean {
  return now.getTime() <= reviewEditableUntil(createdAt).getTime();
}

export const REVIEW_WORDS = {
  lineNotFound: "We couldn't find that purchase in your account. Only the buyer can review it.",
  reviewNotFound: "We couldn't find that review. Reload the page and try again.",
  alreadyReviewed: "You've already reviewed this purchase. Edit your review instead.",
  editClosed: `Reviews can be changed for ${REVIEW_EDIT_DAYS} days after they're written; this one can't be changed any more.`,
  hidden: (reason: string) => `Our team hid this review, so it can't be changed: ${reason}`,
  ownVote: "You can't vote for your own review.",
} as const;

/** Why a line of this order can't be reviewed, or null when it can: paid and never refunded. */
export function reviewPaymentRefusal({
  payment,
  refunded,
}: {
  payment: OrderStatus;
  refunded: boolean;
}): Failure<"not_paid" | "refunded" | "order_closed"> | null {
  const refusal = paymentRefusal(payment, {
    pending: "This order hasn't been paid yet. You can review it once it shows as paid.",
    refunded:
      "This order was refunded, so it can't be reviewed: reviews are from buyers who kept what they bought.",
    closed: (status) => `This order was ${status} without payment, so there is nothing to review.`,
  });
  if (refusal) return refusal;
  return refunded
    ? fail(
        "refunded",
        "Part of this order was refunded, so it can't be reviewed: reviews are from buyers who kept what they bought.",
      )
    : null;
}
