import { describe, expect, it } from "vitest";
import {
  allocatePoints,
  maxPointsForOrder,
  nextTier,
  pointsEarned,
  proportionalShare,
  splitDiscountedLine,
  TIERS,
  tierFor,
  tierProgressPercent,
  tierUnitPrice,
} from "./rules";

describe("the Kite Club's rules", () => {
  it("earns 10 points per 1.00 paid, rounded down, by the currency's own minor units", () => {
    expect(pointsEarned({ paidMinor: 199_900, currency: "CNY" })).toBe(19_990);
    expect(pointsEarned({ paidMinor: 1_009, currency: "CNY" })).toBe(100);
    expect(pointsEarned({ paidMinor: 500, currency: "JPY" })).toBe(5_000);
    expect(pointsEarned({ paidMinor: 0, currency: "CNY" })).toBe(0);
  });

  it("tiers by lifetime points, thresholds rising, with the progress to the next", () => {
    expect(TIERS.map((t) => t.name)).toEqual(["Member", "Silver", "Gold", "Platinum", "Diamond"]);
    for (let i = 1; i < TIERS.length; i++) {
      expect(TIERS[i]?.threshold).toBeGreaterThan(TIERS[i - 1]?.threshold ?? 0);
      expect(TIERS[i]?.discountPercent).toBeGreaterThan(TIERS[i - 1]?.discountPercent ?? 0);
    }
    expect(tierFor(0).name).toBe("Member");
    expect(tierFor(999).name).toBe("Member");
    expect(tierFor(1_000).name).toBe("Silver");
    expect(tierFor(5_000).name).toBe("Gold");
    expect(tierFor(1_000_000).name).toBe("Diamond");
    expect(nextTier(4_000)).toMatchObject({ tier: { name: "Gold" }, pointsNeeded: 1_000 });
    expect(nextTier(60_000)).toBeNull();
    expect(tierProgressPercent(3_000)).toBe(50);
    expect(tierProgressPercent(60_000)).toBe(100);
  });

  it("a tier price takes the percent off, rounded to the nearest minor unit", () => {
    expect(tierUnitPrice(199_900, 2)).toBe(195_902);
    expect(tierUnitPrice(199_900, 0)).toBe(199_900);
    expect(tierUnitPrice(333, 5)).toBe(316);
  });

  it("points pay for at most 5 %, and never below the smallest card payment", () => {
    expect(maxPointsForOrder({ totalMinor: 199_900 })).toBe(9_995);
    expect(maxPointsForOrder({ totalMinor: 420, minimumMinor: 400 })).toBe(20);
    expect(maxPointsForOrder({ totalMinor: 410, minimumMinor: 400 })).toBe(10);
    expect(maxPointsForOrder({ totalMinor: 300, minimumMinor: 400 })).toBe(0);
  });

  it("a refund takes back in proportion to the money refunded so far, all of it at the full refund", () => {
    expect(
      proportionalShare({ points: 1_999, refundedMinor: 49_975, totalMinor: 199_900, alreadyMoved: 0 }),
    ).toBe(499);
    expect(
      proportionalShare({ points: 1_999, refundedMinor: 199_900, totalMinor: 199_900, alreadyMoved: 499 }),
    ).toBe(1_500);
    expect(
      proportionalShare({ points: 1_999, refundedMinor: 300_000, totalMinor: 199_900, alreadyMoved: 1_999 }),
    ).toBe(0);
  });

  it("points spread over lines add up, and a line splits into whole unit amounts that add up exactly", () => {
    expect(allocatePoints([100, 300], 9)).toEqual([2, 7]);
    expect(allocatePoints([100, 100, 100], 10).reduce((a, b) => a + b, 0)).toBe(10);
    expect(allocatePoints([100], 0)).toEqual([0]);
    for (const [unitMinor, quantity, discountMinor] of [
      [1_000, 3, 7],
      [1_000, 1, 7],
      [999, 4, 8],
    ] as const) {
      const parts = splitDiscountedLine({ unitMinor, quantity, discountMinor });
      expect(parts.reduce((n, p) => n + p.quantity, 0)).toBe(quantity);
      expect(parts.reduce((n, p) => n + p.quantity * p.unitMinor, 0)).toBe(
        unitMinor * quantity - discountMinor,
      );
      expect(parts.length).toBeLessThanOrEqual(2);
    }
  });
});
