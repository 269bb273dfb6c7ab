/** Shapes the catalogue hands to pages. Dates are ISO strings: these objects pass through the data cache. */
import type { Sku } from "@/db/schema";
import type { RatingSummary } from "@/lib/reviews/types";

export type StockState = "in_stock" | "low" | "sold_out";

export interface ProductCardData {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  categorySlug: string;
  categoryName: string;
  imageUrl: string | null;
  imageAlt: string;
  fromPriceMinor: number;
  listPriceMinor: number;
  currency: string;
  /** True when SKUs are priced differently, so the card says "from". */
  priceVaries: boolean;
  ratingAverage: number | null;
  reviewCount: number;
  stock: StockState;
  available: number;
  defaultSkuId: number | null;
}

export type SkuData = Pick<
  Sku,
  | "id"
  | "code"
  | "colour"
  | "colourHex"
  | "storage"
  | "priceMinor"
  | "listPriceMinor"
  | "currency"
  | "available"
> & { stock: StockState };

export interface ImageData {
  id: number;
  url: string;
  alt: string;
  colour: string | null;
}

export interface SpecGroupData {
  name: string;
  rows: { label: string; value: string }[];
}

export interface ProductDetailData {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  description: string;
  highlights: string[];
  /** Units of this product (all versions together) one order may hold. */
  maxPerOrder: number;
  category: { slug: string; name: string };
  skus: SkuData[];
  images: ImageData[];
  specGroups: SpecGroupData[];
  rating: RatingSummary;
}

export interface CategoryData {
  id: number;
  slug: string;
  name: string;
  description: string;
}
