import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import type { ReviewLine } from "@/lib/reviews/queries";

/**
 * The order page's reviews: each paid line with "Write a review" or "Edit your review" (or what became of it).
 * Nothing for an order that can't be reviewed and has no review (unpaid, refunded).
 */
export function OrderReviewLinks({ lines, now }: { lines: ReviewLine[]; now: Date }) {
  const shown = lines.filter((l) => l.reviewable || l.review);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="reviews-title" className="mt-6 rounded-2xl border border-ink-100 p-4">
      <h2 id="reviews-title" className="text-base font-semibold">
        Review what you bought
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        Your review is marked “Verified purchase” and helps other Kite fans choose.
      </p>
      <ul className="mt-3 divide-y divide-ink-100">
        {shown.map((line) => {
          const href = `/account/reviews/${line.orderLineId}`;
          const review = line.review;
          const editable = review && !review.hiddenReason && now <= new Date(review.editableUntil);
          return (
            <li
              key={line.orderLineId}
              className="flex flex-wrap items-center justify-between gap-3 py-3"
              data-testid="review-line"
            >
              <div className="min-w-0">
                <p className="font-medium">{line.productName}</p>
                <p className="text-sm text-ink-500">{line.variantLabel}</p>
              </div>
              {!review ? (
                <ButtonLink href={href} variant="secondary" size="sm">
                  Write a review<span className="sr-only"> of {line.productName}</span>
                </ButtonLink>
              ) : review.hiddenReason ? (
                <Link href={href} className="text-sm text-ink-600 underline underline-offset-2">
                  Review hidden by our team
                </Link>
              ) : editable ? (
                <ButtonLink href={href} variant="secondary" size="sm">
                  Edit your review<span className="sr-only"> of {line.productName}</span>
                </ButtonLink>
              ) : (
                <Link href={href} className="text-sm text-ink-600 underline underline-offset-2">
                  Your review
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
