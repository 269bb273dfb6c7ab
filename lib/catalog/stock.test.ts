import { describe, expect, it } from "vitest";
import { LOW_STOCK_THRESHOLD, stockBadgeChanged, stockStateOf } from "./stock";

describe("stock badge", () => {
  it("labels stock levels at the lines", () => {
    expect(stockStateOf(0)).toBe("sold_out");
    expect(stockStateOf(-1)).toBe("sold_out");
    expect(stockStateOf(1)).toBe("low");
    expect(stockStateOf(LOW_STOCK_THRESHOLD)).toBe("low");
    expect(stockStateOf(LOW_STOCK_THRESHOLD + 1)).toBe("in_stock");
  });

  it("changes when a reservation crosses the few-left or the sold-out line", () => {
    expect(stockBadgeChanged(LOW_STOCK_THRESHOLD + 1, LOW_STOCK_THRESHOLD)).toBe(true);
    expect(stockBadgeChanged(LOW_STOCK_THRESHOLD + 5, 2)).toBe(true);
    expect(stockBadgeChanged(1, 0)).toBe(true);
    expect(stockBadgeChanged(500, 0)).toBe(true);
  });

  it("changes when units come back across a line (a released hold)", () => {
    expect(stockBadgeChanged(0, 1)).toBe(true);
    expect(stockBadgeChanged(LOW_STOCK_THRESHOLD, LOW_STOCK_THRESHOLD + 1)).toBe(true);
  });

  it("changes within the few-left band, where the badge shows the count", () => {
    expect(stockBadgeChanged(5, 4)).toBe(true);
    expect(stockBadgeChanged(4, 5)).toBe(true);
  });

  it("does not change on the hot path of a well-stocked SKU, or when nothing moved", () => {
    expect(stockBadgeChanged(50_000, 49_999)).toBe(false);
    expect(stockBadgeChanged(LOW_STOCK_THRESHOLD + 2, LOW_STOCK_THRESHOLD + 1)).toBe(false);
    expect(stockBadgeChanged(LOW_STOCK_THRESHOLD + 1, LOW_STOCK_THRESHOLD + 2)).toBe(false);
    expect(stockBadgeChanged(3, 3)).toBe(false);
    expect(stockBadgeChanged(0, 0)).toBe(false);
  });
});
