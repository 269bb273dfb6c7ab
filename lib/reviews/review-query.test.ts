import { describe, expect, it } from "vitest";
import {
  clampReviewPage,
  DEFAULT_REVIEW_SORT,
  isDefaultReviewQuery,
  parseReviewQuery,
  REVIEW_PAGE_SIZE,
  reviewTotal,
} from "./review-query";
import type { RatingSummary } from "./types";

const parse = (search: string) => parseReviewQuery(new URLSearchParams(search));

describe("review query input", () => {
  it("reads a well-formed query", () => {
    expect(parse("sort=lowest&page=3&stars=2")).toEqual({ sort: "lowest", page: 3, stars: 2 });
    expect(parse("sort=helpful")).toEqual({ sort: "helpful", page: 1, stars: undefined });
  });

  it("defaults an empty query, which is what the cached page already carries", () => {
    const query = parse("");
    expect(query).toEqual({ sort: DEFAULT_REVIEW_SORT, page: 1, stars: undefined });
    expect(isDefaultReviewQuery(query)).toBe(true);
    expect(isDefaultReviewQuery(parse("page=2"))).toBe(false);
  });

  it("falls back on junk instead of failing", () => {
    expect(parse("sort=junk").sort).toBe(DEFAULT_REVIEW_SORT);
    expect(parse("sort=").sort).toBe(DEFAULT_REVIEW_SORT);
    expect(parse("sort=RECENT").sort).toBe(DEFAULT_REVIEW_SORT);
    for (const page of ["0", "-1", "2.5", "1e3", "abc", "", "%00", "0x10", "Infinity", "NaN"]) {
      expect(parse(`page=${encodeURIComponent(page)}`).page, page).toBe(1);
    }
    for (const stars of ["0", "6", "5.0", "x", "", "55"]) {
      expect(parse(`stars=${stars}`).stars, stars).toBeUndefined();
    }
  });

  it("reads only the first of repeated parameters", () => {
    expect(parse("sort=lowest&sort=junk&page=2&page=9")).toEqual({
      sort: "lowest",
      page: 2,
      stars: undefined,
    });
  });

  it("reads a huge page as past the end without overflowing", () => {
    expect(parse("page=999999").page).toBe(999_999);
    expect(parse(`page=${"9".repeat(400)}`).page).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("review page bounds", () => {
  it("clamps to the real page count", () => {
    expect(clampReviewPage(999_999, 12)).toBe(Math.ceil(12 / REVIEW_PAGE_SIZE));
    expect(clampReviewPage(Number.MAX_SAFE_INTEGER, 12, 5)).toBe(3);
    expect(clampReviewPage(2, 12, 5)).toBe(2);
    expect(clampReviewPage(0, 12, 5)).toBe(1);
  });

  it("keeps page 1 for a product with no reviews", () => {
    expect(clampReviewPage(7, 0)).toBe(1);
  });

  it("counts what a star filter can list from the rating summary", () => {
    const rating: RatingSummary = {
      average: 4.2,
      count: 20,
      distribution: [1, 2, 3, 4, 10],
      verifiedCount: 15,
    };
    expect(reviewTotal(rating, undefined)).toBe(20);
    expect(reviewTotal(rating, 5)).toBe(10);
    expect(reviewTotal(rating, 1)).toBe(1);
  });
});
