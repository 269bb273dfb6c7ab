import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ReviewForm } from "@/components/reviews/review-form";
import { Stars } from "@/components/ui/stars";
import { getCurrentAccount } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { orderNumber } from "@/lib/ids";
import { REVIEW_EDIT_DAYS } from "@/lib/limits";
import { getRequestNow } from "@/lib/qa/now";
import { getReviewLineForUser, type ReviewLine } from "@/lib/reviews/queries";
import { formatStoreDateTime } from "@/lib/store-time";
import { editReviewAction, writeReviewAction } from "./actions";

export const metadata: Metadata = { title: "Your review · Kite" };

type Props = {
  params: Promise<{ lineId: string }>;
  searchParams: Promise<{ saved?: string }>;
};

/**
 * Where a buyer writes or changes their review of one thing they bought (linked from the order page and from the
 * product page's reviews tab). Another account's line is a 404, like a missing one.
 */
export default async function ReviewPage({ params, searchParams }: Props) {
  const { lineId } = await params;
  const { saved } = await searchParams;
  const user = await getCurrentAccount();
  if (!user) redirect(`/sign-in?callbackUrl=/account/reviews/${encodeURIComponent(lineId)}`);
  const id = /^\d{1,10}$/.test(lineId) ? Number(lineId) : 0;
  const line = await getReviewLineForUser(await getDb(), { orderLineId: id, userId: user.id });
  if (!line) notFound();
  const now = await getRequestNow();
  const review = line.review;
  const editable = review && !review.hiddenReason && now <= new Date(review.editableUntil);

  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <Link
        href={`/account/orders/${line.orderId}`}
        className="text-sm font-semibold text-accent-700 hover:underline"
      >
        ← Order {orderNumber(line.orderId)}
      </Link>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">
        {review ? "Your review of" : "Review"} {line.productName}
      </h1>
      <p className="mt-1 text-sm text-ink-600">
        You bought: <span className="font-medium text-ink-800">{line.variantLabel}</span>
      </p>

      {saved && review ? (
        <p
          role="status"
          className="mt-6 rounded-2xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          {saved === "edit"
            ? "Your review is updated."
            : "Thanks! Your review is up, marked “Verified purchase”."}{" "}
          <Link href={`/products/${line.productSlug}?tab=reviews`} className="underline underline-offset-2">
            See it on the {line.productName} page
          </Link>
        </p>
      ) : null}

      <div className="mt-6 rounded-2xl border border-ink-100 p-5">
        <ReviewBody line={line} editable={Boolean(editable)} />
      </div>
    </div>
  );
}

/** What the buyer can do with this line now: why not, the hidden notice, their review as it stays, or the form. */
function ReviewBody({ line, editable }: { line: ReviewLine; editable: boolean }) {
  const tz = env.STORE_TIMEZONE;
  const review = line.review;
  return !line.reviewable && !review ? (
    <p className="text-sm text-ink-700" data-testid="review-refused">
      {line.refunded || line.payment === "refunded"
        ? "This order was refunded, so it can't be reviewed: reviews are from buyers who kept what they bought."
        : "You can review this once the order is paid."}
    </p>
  ) : review?.hiddenReason ? (
    <div>
      <p className="text-sm font-semibold text-ink-900">Our team hid this review</p>
      <p className="mt-1 text-sm text-ink-700">{review.hiddenReason}</p>
      <p className="mt-3 text-sm text-ink-600">
        If you think that's a mistake,{" "}
        <Link href="/help/contact" className="font-medium text-accent-700 underline underline-offset-2">
          tell us
        </Link>
        .
      </p>
    </div>
  ) : review && !editable ? (
    <div>
      <Stars rating={review.rating} />
      <p className="mt-2 font-semibold">{review.title}</p>
      <p className="mt-2 whitespace-pre-line text-ink-800">{review.body}</p>
      <p className="mt-4 text-sm text-ink-600">
        Reviews can be changed for {REVIEW_EDIT_DAYS} days; this one was written{" "}
        {formatStoreDateTime(new Date(review.createdAt), tz)}.
      </p>
    </div>
  ) : review ? (
    <>
      <p className="mb-4 text-sm text-ink-600">
        You can change it until {formatStoreDateTime(new Date(review.editableUntil), tz)}.
      </p>
      <ReviewForm
        action={editReviewAction}
        target={{ name: "reviewId", value: review.id }}
        initial={review}
      />
    </>
  ) : (
    <ReviewForm action={writeReviewAction} target={{ name: "orderLineId", value: line.orderLineId }} />
  );
}
