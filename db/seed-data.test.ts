import { describe, expect, it } from "vitest";
import { DEMO_PRODUCTS, REVIEW_ADD_ONS, reviewPairs, reviewsFor, toneOf } from "./seed-data";

describe("reviewsFor", () => {
  it("gives every review a title written for its own text", () => {
    for (const product of DEMO_PRODUCTS) {
      for (const review of reviewsFor(product)) {
        const tone = toneOf(review.rating);
        const bodies = reviewPairs(product.kind, tone)
          .filter(([title]) => title === review.title)
          .map(([, body]) => body);
        const fits = bodies.some(
          (body) =>
            review.body === body || REVIEW_ADD_ONS[tone].some((addOn) => review.body === `${body} ${addOn}`),
        );
        expect(fits, `${product.slug}: "${review.title}" over "${review.body}"`).toBe(true);
      }
    }
  });
});
