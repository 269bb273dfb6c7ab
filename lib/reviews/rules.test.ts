import { describe, expect, it } from "vitest";
import { REVIEW_EDIT_DAYS } from "@/lib/limits";
import { canEditReview, containsMarkup, reviewEditableUntil, reviewPaymentRefusal } from "./rules";

describe("review rules", () => {
  it("reads tags and comments as markup, and everyday angle brackets as text", () => {
    for (const text of [
      "<b>bold</b>",
      "a <script>x</script>",
      '<img src=x onerror="y">',
      "</p>",
      "<!-- hi -->",
      "<br/>",
    ]) {
      expect(containsMarkup(text), text).toBe(true);
    }
    for (const text of ["I <3 it", "2 < 3 and 4 > 1", "battery: <10% after a day", "a<b", "→ <- arrows"]) {
      expect(containsMarkup(text), text).toBe(false);
    }
  });

  it("lets the author edit up to REVIEW_EDIT_DAYS after writing, not a moment later", () => {
    const createdAt = new Date("2031-01-01T00:00:00Z");
    const until = reviewEditableUntil(createdAt);
    expect(until.getTime() - createdAt.getTime()).toBe(REVIEW_EDIT_DAYS * 24 * 60 * 60_000);
    expect(canEditReview({ createdAt, now: until })).toBe(true);
    expect(canEditReview({ createdAt, now: new Date(until.getTime() + 1) })).toBe(false);
  });

  it("lets only a paid order with no refund be reviewed, and says why not otherwise", () => {
    expect(reviewPaymentRefusal({ payment: "paid", refunded: false })).toBeNull();
    expect(reviewPaymentRefusal({ payment: "paid", refunded: true })).toMatchObject({ code: "refunded" });
    expect(reviewPaymentRefusal({ payment: "refunded", refunded: true })).toMatchObject({ code: "refunded" });
    expect(reviewPaymentRefusal({ payment: "pending", refunded: false })).toMatchObject({ code: "not_paid" });
    expect(reviewPaymentRefusal({ payment: "expired", refunded: false })).toMatchObject({
      code: "order_closed",
    });
  });
});
