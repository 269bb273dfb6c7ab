import type { SkuData } from "./types";

/**
 * What a product page's URL may choose (`?sku=`, `?tab=`). The page is the same HTML for every visitor, shared
 * from cache, so these are read on the client: a tampered value falls back to the default silently.
 */
export const PRODUCT_TABS = ["overview", "specs", "reviews"] as const;
export type ProductTab = (typeof PRODUCT_TABS)[number];

export function parseProductTab(value: string | null | undefined): ProductTab {
  return PRODUCT_TABS.find((t) => t === value) ?? "overview";
}

/**
 * The SKU a product page shows: the one named in `?sku=` (by code, or by id for old links) if it belongs to this
 * product, else the first in stock, else the first.
 */
export function resolveSku(skuList: SkuData[], requested: string | undefined | null): SkuData | undefined {
  if (requested) {
    const match = skuList.find((s) => s.code === requested || String(s.id) === requested);
    if (match) return match;
  }
  return skuList.find((s) => s.available > 0) ?? skuList[0];
}
