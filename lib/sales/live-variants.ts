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
  /** Registered fans who chose this version, or null where fans choose no version (a draw) or not read yet. */
  chose: number | null;
  /** This version's share of the fans who chose a version, or null before anyone chose. */
  shareOfChoices: number | null;
}

/**
 * Registered fans' version choices (read by ./version-demand in one grouped query): fans per chosen version and
 * fans who have not chosen yet, so the console shows demand per version before the start.
 */
export interface VersionDemand {
  /** Fans per version chosen; a version nobody chose is absent. */
  bySku: { skuId: number; fans: number }[];
  /** Registered fans without a version yet. */
  unchosen: number;
}

/** The demand's totals for the console: fans who chose a version and fans who have not. */
export interface DemandSummary {
  chosen: number;
  unchosen: number;
}

export function summariseDemand(demand: VersionDemand): DemandSummary {
  return { chosen: demand.bySku.reduce((n, d) => n + d.fans, 0), unchosen: demand.unchosen };
}

/**
 * Each version with how many fans chose it and its share of the choices. A choice of a version no longer in the
 * sale cannot be (the foreign key nulls it), so every chosen version has a row; without demand, all are null.
 */
export function withDemand(variants: readonly LiveVariant[], demand: VersionDemand | null): LiveVariant[] {
  if (!demand) return variants.map((v) => ({ ...v, chose: null, shareOfChoices: null }));
  const fans = new Map(demand.bySku.map((d) => [d.skuId, d.fans]));
  const { chosen } = summariseDemand(demand);
  return variants.map((v) => {
    const chose = fans.get(v.skuId) ?? 0;
    return { ...v, chose, shareOfChoices: chosen > 0 ? chose / chosen : null };
  });
}

export function toLiveVariants(variants: readonly VariantCounts[]): LiveVariant[] {
  const soldInAll = variants.reduce((n, v) => n + v.sold, 0);
  return variants.map(({ colour, storage, ...v }) => ({
    ...v,
    label: variantLabel({ colour, storage }),
    sellThrough: v.quantity > 0 ? v.sold / v.quantity : null,
    shareOfSold: soldInAll > 0 ? v.sold / soldInAll : null,
    chose: null,
    shareOfChoices: null,
  }));
}
