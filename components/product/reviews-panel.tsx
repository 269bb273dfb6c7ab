import Link from "next/link";
import { Stars } from "@/components/ui/stars";
import type { RatingSummary, ReviewPage, ReviewSort } from "@/lib/catalog/types";
import { ReviewSortSelect } from "./review-sort-select";

export interface ReviewLinkChanges {
  page?: number;
  /** null clears the star filter. */
  stars?: number | null;
}

function starsLabel(n: number): string {
  return n === 1 ? "1 star" : `${n} stars`;
}

function VerifiedBadge() {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path
          d="M2.5 6.3 4.8 8.5 9.5 3.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      Verified purchase
    </span>
  );
}

/** Reviews tab: the rating summary with a filter per star count, then one page of reviews. */
export function ReviewsPanel({
  productName,
  rating,
  reviews,
  sort,
  stars,
  timeZone,
  hrefFor,
  keep,
}: {
  productName: string;
  rating: RatingSummary;
  reviews: ReviewPage;
  sort: ReviewSort;
  stars: number | undefined;
  timeZone: string;
  /** Builds a link to this page's reviews with sort, SKU and filter kept. */
  hrefFor: (changes: ReviewLinkChanges) => string;
  /** Parameters the sort form must carry along. */
  keep: Record<string, string>;
}) {
  const dateFormat = new Intl.DateTimeFormat("en", {
    month: "short",
    day: "numeric",
    year: "numeric",
    timeZone,
  });

  if (rating.count === 0) {
    return (
      <div>
        <h2 className="mb-4 text-xl font-semibold text-ink-900">Ratings &amp; reviews</h2>
        <div className="rounded-3xl border border-dashed border-ink-200 bg-ink-50 px-6 py-12 text-center">
          <p className="text-lg font-semibold text-ink-900">No reviews yet…</p>
          <p className="mt-2 text-ink-600">
            Got the {productName}? Be the first Kite fan to say how it&apos;s going.
          </p>
        </div>
      </div>
    );
  }

  const first = (reviews.page - 1) * reviews.pageSize + 1;
  const last = first + reviews.items.length - 1;

  return (
    <div className="group grid gap-10 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)] lg:gap-14">
      <div className="lg:sticky lg:top-24 lg:self-start">
        <h2 className="text-xl font-semibold text-ink-900">Ratings &amp; reviews</h2>
        <div className="mt-4 flex items-end gap-4">
          <p className="text-6xl leading-none font-semibold tracking-tight text-ink-900">
            {rating.average?.toFixed(1)}
            <span className="sr-only"> out of 5</span>
          </p>
          <div className="pb-1">
            <Stars rating={rating.average ?? 0} size={20} />
            <p className="mt-1 text-sm text-ink-600">
              {rating.count.toLocaleString("en")} {rating.count === 1 ? "rating" : "ratings"}
            </p>
          </div>
        </div>

        <ul className="mt-6 flex flex-col gap-1">
          {[5, 4, 3, 2, 1].map((n) => {
            const count = rating.distribution[n - 1] ?? 0;
            const percent = rating.count ? Math.round((count * 100) / rating.count) : 0;
            const active = stars === n;
            return (
              <li key={n}>
                <Link
                  href={hrefFor({ stars: active ? null : n })}
                  scroll={false}
                  aria-label={`${starsLabel(n)}: ${percent}%`}
                  aria-current={active ? "true" : undefined}
                  className={`grid grid-cols-[3.75rem_minmax(0,1fr)_2.75rem] items-center gap-3 rounded-lg px-2 py-1.5 text-sm transition ${
                    active ? "bg-accent-50 font-semibold text-ink-900" : "text-ink-700 hover:bg-ink-50"
                  }`}
                >
                  <span>{starsLabel(n)}</span>
                  <span aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-ink-100">
                    <span
                      className="block h-full rounded-full bg-amber-500"
                      style={{ width: `${percent}%` }}
                    />
                  </span>
                  <span className="text-right tabular-nums">{percent}%</span>
                </Link>
              </li>
            );
          })}
        </ul>

        <p className="mt-4 flex items-start gap-2 text-sm text-ink-600">
          <svg
            width="16"
            height="16"
            viewBox="0 0 16 16"
            aria-hidden="true"
            className="mt-0.5 shrink-0 text-emerald-700"
          >
            <path
              d="M8 1.5 13.5 4v3.6c0 3.2-2.3 5.9-5.5 6.9-3.2-1-5.5-3.7-5.5-6.9V4z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
            <path
              d="m5.5 8 1.8 1.8 3.2-3.6"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinecap="round"
            />
          </svg>
          <span>
            <span className="font-semibold text-ink-900">{rating.verifiedCount.toLocaleString("en")}</span> of{" "}
            {rating.count.toLocaleString("en")} reviews are from verified buyers
          </span>
        </p>
      </div>

      <div>
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-ink-100 pb-4">
          <p className="text-sm text-ink-600">
            {reviews.total === 0
              ? "No reviews match."
              : `Showing ${first}–${last} of ${reviews.total.toLocaleString("en")} ${
                  stars ? `${stars}-star ` : ""
                }${reviews.total === 1 ? "review" : "reviews"}`}
            {stars ? (
              <>
                {" · "}
                <Link
                  href={hrefFor({ stars: null })}
                  scroll={false}
                  className="font-medium text-accent-700 underline underline-offset-2"
                >
                  Show all reviews
                </Link>
              </>
            ) : null}
          </p>
          <ReviewSortSelect sort={sort} keep={keep} />
        </div>

        {reviews.items.length === 0 ? (
          <p className="py-10 text-center text-ink-600">No {stars ? `${stars}-star ` : ""}reviews yet.</p>
        ) : (
          <ul className="divide-y divide-ink-100 transition-opacity group-has-data-pending:opacity-50">
            {reviews.items.map((review) => (
              <li key={review.id} className="py-6">
                <article aria-labelledby={`review-${review.id}`}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <Stars rating={review.rating} size={16} />
                    <h3 id={`review-${review.id}`} className="text-base font-semibold text-ink-900">
                      {review.title}
                    </h3>
                  </div>
                  <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-600">
                    <span className="font-medium text-ink-800">{review.authorName}</span>
                    <span aria-hidden="true">·</span>
                    <time dateTime={review.createdAt}>{dateFormat.format(new Date(review.createdAt))}</time>
                    {review.variantLabel ? (
                      <>
                        <span aria-hidden="true">·</span>
                        <span>{review.variantLabel}</span>
                      </>
                    ) : null}
                    {review.verified ? <VerifiedBadge /> : null}
                  </p>
                  <p className="mt-3 leading-7 whitespace-pre-line text-ink-800">{review.body}</p>
                  {review.helpfulCount > 0 ? (
                    <p className="mt-3 text-sm text-ink-600">
                      {review.helpfulCount === 1
                        ? "1 person found this helpful"
                        : `${review.helpfulCount.toLocaleString("en")} people found this helpful`}
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        )}

        {reviews.pageCount > 1 ? (
          <nav
            aria-label="Review pages"
            className="flex items-center justify-between gap-4 border-t border-ink-100 pt-5"
          >
            {reviews.page > 1 ? (
              <Link
                href={hrefFor({ page: reviews.page - 1 })}
                scroll={false}
                rel="prev"
                className="rounded-full border border-ink-200 px-4 py-2 text-sm font-medium text-ink-900 hover:border-ink-400"
              >
                <span aria-hidden="true">← </span>Previous
              </Link>
            ) : (
              <span
                aria-disabled="true"
                className="rounded-full border border-ink-100 px-4 py-2 text-sm text-ink-500"
              >
                <span aria-hidden="true">← </span>Previous
              </span>
            )}
            <p className="text-sm text-ink-600">
              Page {reviews.page} of {reviews.pageCount}
            </p>
            {reviews.page < reviews.pageCount ? (
              <Link
                href={hrefFor({ page: reviews.page + 1 })}
                scroll={false}
                rel="next"
                className="rounded-full border border-ink-200 px-4 py-2 text-sm font-medium text-ink-900 hover:border-ink-400"
              >
                Next<span aria-hidden="true"> →</span>
              </Link>
            ) : (
              <span
                aria-disabled="true"
                className="rounded-full border border-ink-100 px-4 py-2 text-sm text-ink-500"
              >
                Next<span aria-hidden="true"> →</span>
              </span>
            )}
          </nav>
        ) : null}
      </div>
    </div>
  );
}
