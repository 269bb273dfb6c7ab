"use client";

import { type MouseEvent, type ReactNode, useEffect, useState } from "react";
import { HelpfulButton } from "@/components/reviews/helpful-button";
import { ReviewerBox } from "@/components/reviews/reviewer-box";
import { Stars } from "@/components/ui/stars";
import { useVisitor } from "@/components/visitor/visitor-provider";
import type { FormAction } from "@/lib/action";
import {
  type HelpfulVote,
  type RatingSummary,
  REVIEW_SORTS,
  type ReviewPage,
  type ReviewPageAnswer,
  type ReviewSort,
} from "@/lib/reviews/types";
import { ReviewSortSelect } from "./review-sort-select";
import { hrefWithParams, replaceUrlParams, useUrlSearch } from "./url-params";

const REVIEW_PARAMS = ["sort", "page", "stars"] as const;

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

/**
 * The reviews the URL asks for (`?sort=&page=&stars=`): the first page in the default order is in the cached page
 * (`initial`); anything else comes from the public, CDN-cacheable GET /api/products/<slug>/reviews, which bounds
 * junk (lib/reviews/review-query.ts) and says which sort, page and filter it answered. Answers are kept per query
 * for the visit, so going back to a page costs nothing.
 */
function useReviewPage(slug: string, initial: ReviewPage, search: string | null) {
  const params = new URLSearchParams(search ?? "");
  const asked = new URLSearchParams();
  for (const name of REVIEW_PARAMS) {
    const value = params.get(name);
    if (value !== null) asked.set(name, value);
  }
  const key = asked.toString();
  const isDefault =
    (asked.get("sort") ?? "recent") === "recent" && (asked.get("page") ?? "1") === "1" && !asked.has("stars");

  const [answers, setAnswers] = useState<Record<string, ReviewPageAnswer>>({});
  // The last answer that arrived: shown (dimmed) while the next one loads, so the list does not jump.
  const [lastKey, setLastKey] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const answered = !isDefault && key in answers;

  useEffect(() => {
    if (isDefault || answered) return;
    const abort = new AbortController();
    fetch(`/api/products/${encodeURIComponent(slug)}/reviews?${key}`, { signal: abort.signal })
      .then((res) => {
        if (!res.ok) throw new Error(`reviews answered ${res.status}`);
        return res.json() as Promise<ReviewPageAnswer>;
      })
      .then((next) => {
        setAnswers((all) => ({ ...all, [key]: next }));
        setLastKey(key);
        setFailed(null);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(key);
      });
    return () => abort.abort();
  }, [slug, key, isDefault, answered]);

  const first: ReviewPageAnswer = { ...initial, sort: "recent", stars: null };
  const reviews = isDefault ? first : (answers[key] ?? (lastKey ? answers[lastKey] : undefined) ?? first);
  return {
    reviews,
    pending: !isDefault && !answered && failed !== key,
    failed: !isDefault && !answered && failed === key,
  };
}

/** A link to other reviews: a real href (new tab, no JS), handled in place on a plain click. */
function ReviewsLink({
  search,
  changes,
  children,
  ...rest
}: {
  search: string | null;
  changes: Record<string, string | null>;
  children: ReactNode;
  className?: string;
  rel?: string;
  "aria-label"?: string;
  "aria-current"?: "true" | undefined;
}) {
  const all = { tab: "reviews", ...changes };
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    replaceUrlParams(all);
  }
  return (
    <a href={hrefWithParams(search, all)} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

/** Reviews tab: the rating summary with a filter per star count, then one page of reviews. */
export function ReviewsPanel({
  productSlug,
  productName,
  rating,
  initial,
  timeZone,
  voteAction,
}: {
  productSlug: string;
  productName: string;
  rating: RatingSummary;
  /** The first page in the default order, carried by the cached page. */
  initial: ReviewPage;
  timeZone: string;
  voteAction: FormAction<HelpfulVote>;
}) {
  const search = useUrlSearch();
  const { visitor } = useVisitor();
  const mine = visitor?.reviews?.productSlug === productSlug ? visitor.reviews : null;
  const voted = new Set(mine?.votedReviewIds ?? []);
  const own = new Set(mine?.lines.flatMap((l) => (l.review ? [l.review.id] : [])) ?? []);
  const { reviews, pending, failed } = useReviewPage(productSlug, initial, search);
  // The order as asked (the select follows a change at once); the rest as answered.
  const sort: ReviewSort =
    REVIEW_SORTS.find((s) => s === new URLSearchParams(search ?? "").get("sort")) ?? "recent";
  const stars = reviews.stars ?? undefined;
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
        <div className="mt-4">
          <ReviewerBox productSlug={productSlug} productName={productName} />
        </div>
      </div>
    );
  }

  const first = (reviews.page - 1) * reviews.pageSize + 1;
  const last = first + reviews.items.length - 1;

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)] lg:gap-14">
      <div className="lg:sticky lg:top-24 lg:self-start">
        <h2 className="text-xl font-semibold text-ink-900">Ratings &amp; reviews</h2>
        <div className="mt-4 flex items-end gap-4">
          <p
            className="text-6xl leading-none font-semibold tracking-tight text-ink-900"
            data-testid="rating-average"
          >
            {rating.average?.toFixed(1)}
            <span className="sr-only"> out of 5</span>
          </p>
          <div className="pb-1">
            <Stars rating={rating.average ?? 0} size={20} />
            <p className="mt-1 text-sm text-ink-600" data-testid="rating-count">
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
                <ReviewsLink
                  search={search}
                  changes={{ stars: active ? null : String(n), page: null }}
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
                </ReviewsLink>
              </li>
            );
          })}
        </ul>

        <div className="mt-6">
          <ReviewerBox productSlug={productSlug} productName={productName} />
        </div>

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
                <ReviewsLink
                  search={search}
                  changes={{ stars: null, page: null }}
                  className="font-medium text-accent-700 underline underline-offset-2"
                >
                  Show all reviews
                </ReviewsLink>
              </>
            ) : null}
          </p>
          <ReviewSortSelect
            sort={sort}
            onChange={(next) => replaceUrlParams({ tab: "reviews", sort: next, page: null })}
          />
        </div>

        {failed ? (
          <p role="alert" className="pt-4 text-sm text-accent-700">
            These reviews could not be loaded. Check your connection and try again.
          </p>
        ) : null}

        {reviews.items.length === 0 ? (
          <p className="py-10 text-center text-ink-600">No {stars ? `${stars}-star ` : ""}reviews yet.</p>
        ) : (
          <ul
            aria-busy={pending || undefined}
            className={`divide-y divide-ink-100 transition-opacity ${pending ? "opacity-50" : ""}`}
          >
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
                  <HelpfulButton
                    action={voteAction}
                    reviewId={review.id}
                    count={review.helpfulCount}
                    voted={voted.has(review.id)}
                    canVote={!own.has(review.id)}
                  />
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
              <ReviewsLink
                search={search}
                changes={{ page: String(reviews.page - 1) }}
                rel="prev"
                className="rounded-full border border-ink-200 px-4 py-2 text-sm font-medium text-ink-900 hover:border-ink-400"
              >
                <span aria-hidden="true">← </span>Previous
              </ReviewsLink>
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
              <ReviewsLink
                search={search}
                changes={{ page: String(reviews.page + 1) }}
                rel="next"
                className="rounded-full border border-ink-200 px-4 py-2 text-sm font-medium text-ink-900 hover:border-ink-400"
              >
                Next<span aria-hidden="true"> →</span>
              </ReviewsLink>
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
