import { z } from "zod";
import { type RatingSummary, REVIEW_SORTS, type ReviewSort } from "./types";

/**
 * The reviews a product page asks for beyond the first page it carries: `?sort=&page=&stars=`, from anybody, so
 * bounded before it reaches a cache key or a query. Junk is not an error: an unknown sort is the default, a page
 * that is not a positive whole number is the first, one past the end is the last, a star filter outside 1–5 is
 * none. The cache keys that can exist are therefore sorts × star filters × the real page count.
 */
export const REVIEW_PAGE_SIZE = 5;
export const DEFAULT_REVIEW_SORT: ReviewSort = "recent";

/** More digits than any real page count: read as "past the end" without parsing a huge number. */
const MAX_PAGE_DIGITS = 9;

const pageSchema = z
  .string()
  .trim()
  .regex(/^\d+$/)
  .transform((digits) => (digits.length > MAX_PAGE_DIGITS ? Number.MAX_SAFE_INTEGER : Number(digits)))
  .pipe(z.number().int().min(1));

export const reviewQuerySchema = z.object({
  sort: z.enum(REVIEW_SORTS).catch(DEFAULT_REVIEW_SORT),
  page: pageSchema.catch(1),
  stars: z
    .string()
    .regex(/^[1-5]$/)
    .transform(Number)
    .optional()
    .catch(undefined),
});

export interface ReviewQuery {
  sort: ReviewSort;
  /** At least 1; not yet clamped to the product's page count. */
  page: number;
  stars: number | undefined;
}

/** Reads the first value of each parameter; never throws. */
export function parseReviewQuery(params: URLSearchParams): ReviewQuery {
  const first = (name: string) => params.get(name) ?? undefined;
  const parsed = reviewQuerySchema.parse({ sort: first("sort"), page: first("page"), stars: first("stars") });
  return { sort: parsed.sort, page: parsed.page, stars: parsed.stars };
}

/** How many reviews a query can list, from the product's rating summary (no query of its own). */
export function reviewTotal(rating: RatingSummary, stars: number | undefined): number {
  return stars ? (rating.distribution[stars - 1] ?? 0) : rating.count;
}

/** The page to serve: the one asked for, or the last there is. */
export function clampReviewPage(page: number, total: number, pageSize = REVIEW_PAGE_SIZE): number {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return Math.min(Math.max(1, page), pageCount);
}

/** Whether a query asks for exactly what the cached product page already carries. */
export function isDefaultReviewQuery(query: ReviewQuery): boolean {
  return query.sort === DEFAULT_REVIEW_SORT && query.page === 1 && query.stars === undefined;
}
