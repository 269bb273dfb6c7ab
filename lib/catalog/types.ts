/** Shapes the catalogue hands to pages. Dates are ISO strings: these objects pass through the data cache. */
import type { Sku } from "@/db/schema";

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

export interface RatingSummary {
  average: number | null;
  count: number;
  /** Index 0 is one star, index 4 is five stars. */
  distribution: [number, number, number, number, number];
  verifiedCount: number;
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

export interface ReviewData {
  id: number;
  authorName: string;
  rating: number;
  title: string;
  body: string;
  variantLabel: string | null;
  verified: boolean;
  helpfulCount: number;
  createdAt: string;
}

export const REVIEW_SORTS = ["recent", "helpful", "highest", "lowest"] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export interface ReviewPage {
  items: ReviewData[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** What GET /api/products/<slug>/reviews answers: a page with the sort and star filter it was read with. */
export interface ReviewPageAnswer extends ReviewPage {
  sort: ReviewSort;
  stars: number | null;
}

export interface CategoryData {
  id: number;
  slug: string;
  name: string;
  description: string;
}
