import type { StockState } from "./types";

/** At or below this many units a badge says "Only N left". */
export const LOW_STOCK_THRESHOLD = 10;

export function stockStateOf(available: number): StockState {
  if (available <= 0) return "sold_out";
  if (available <= LOW_STOCK_THRESHOLD) return "low";
  return "in_stock";
}

/**
 * Whether a change of a SKU's `available` from `before` to `after` changes what its badge says, so the product
 * page shared from cache must be rendered again: it crosses the "few left" or "sold out" line, or it moves within
 * the few-left band, where the badge shows the count ("Only 3 left"). Above the line the badge says "In stock"
 * whatever the number, so the hot path of a well-stocked SKU never expires the page.
 */
export function stockBadgeChanged(before: number, after: number): boolean {
  if (before === after) return false;
  const was = stockStateOf(before);
  const is = stockStateOf(after);
  return was !== is || is === "low";
}
