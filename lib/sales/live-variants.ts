import { variantLabel } from "@/lib/catalog/variant-label";

/**
 * The live view's figures per version (SKU) of a sale. Pure (the counts are read by ./live in the same statement as
 * the rest of the activity), so the shares are unit-tested. Import-free of the database: client code reads the type.
 */

/** One version's stock in the sale, summed over its buckets: `quantity = remaining + held + sold`. */
export interface VariantCounts {
  skuId: number;
  code: string;
  colour: string;
  storage: string | null;
  quantity: number;
  remaining: number;
  held: number;
  sold: number;
}

export interface LiveVariant {
  skuId: number;
  code: string;
  label: string;
  quantity: number;
  remaining: number;
  held: number;
  sold: number;
  /** sold ÷ quantity (0 to 1), or null for a version with no units. */
  sellThrough: number | null;
  /** This version's share of the sale's units sold, or null before anything sold. */
  shareOfSold: number | null;
}

export function toLiveVariants(variants: readonly VariantCounts[]): LiveVariant[] {
  const soldInAll = variants.reduce((n, v) => n + v.sold, 0);
  return variants.map(({ colour, storage, ...v }) => ({
    ...v,
    label: variantLabel({ colour, storage }),
    sellThrough: v.quantity > 0 ? v.sold / v.quantity : null,
    shareOfSold: soldInAll > 0 ? v.sold / soldInAll : null,
  }));
}
