/** Shapes the reviews hand to pages. Dates are ISO strings: these objects pass through the data cache. */

export interface RatingSummary {
  average: number | null;
  count: number;
  /** Index 0 is one star, index 4 is five stars. */
  distribution: [number, number, number, number, number];
  verifiedCount: number;
}

export interface ReviewData {
  id: number;
  authorName: string;
  rating: number;
  title: string;
  body: string;
  variantLabel: string | null;
  verified: boolean;
  helpfulCount: number;
  createdAt: string;
  /** When its author last changed it, if ever. */
  editedAt: string | null;
}

export const REVIEW_SORTS = ["recent", "helpful", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export interface ReviewPage {
  items: ReviewData[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** What GET /api/products/<slug>/reviews answers: a page with the sort and star filter it was read with. */
export interface ReviewPageAnswer extends ReviewPage {
  sort: ReviewSort;
  stars: number | null;
}

/** A helpful vote's answer: the voter's vote now and the review's count. */
export interface HelpfulVote {
  reviewId: number;
  helpful: boolean;
  helpfulCount: number;
  /** False when the vote was already so (a double click, a second tab). */
  changed: boolean;
}
