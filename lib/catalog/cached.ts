import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { isPageSlug } from "./page-slugs";
import { getCategory, getProductDetail, listCategories, listProductCards, listReviews } from "./queries";
import { clampReviewPage, type ReviewQuery, reviewTotal } from "./review-query";
import type { ReviewPageAnswer, ReviewSort } from "./types";

/**
 * Catalogue reads shared by every visitor, served from Next's data cache (Redis-backed when configured) so a
 * crowd does not cost a database query per page view. Writes revalidate these tags.
 */
export const CATALOG_TAGS = {
  products: "products",
  product: (slug: string) => `product:${slug}`,
  reviews: (productId: number) => `reviews:${productId}`,
} as const;

/** Stock badges may lag by this much; checkout always re-reads stock in its own transaction. */
const STOCK_STALENESS_SECONDS = 15;
/** How long a product page (app/(shop)/products/[slug]) and its data are shared before they are read again. */
const PRODUCT_PAGE_SECONDS = 60;

const cachedCategories = unstable_cache(async () => listCategories(await getDb()), ["categories"], {
  tags: [CATALOG_TAGS.products],
  revalidate: 300,
});

/**
 * The categories every page's header lists. `next build` prerenders the one page with no data of its own (the
 * 404) and has no database: it gets none, and the page fills them in when it is revalidated at run time.
 */
export async function getCachedCategories() {
  if (process.env.NEXT_PHASE === "phase-production-build") return [];
  return cachedCategories();
}

export const getCachedCategory = (slug: string) =>
  unstable_cache(async () => getCategory(await getDb(), { slug }), ["category", slug], {
    tags: [CATALOG_TAGS.products],
    revalidate: 300,
  })();

export const getCachedProductCards = (
  options: { categorySlug?: string; query?: string; featuredOnly?: boolean } = {},
) =>
  unstable_cache(
    async () => listProductCards(await getDb(), options),
    ["product-cards", options.categorySlug ?? "", options.query ?? "", String(Boolean(options.featuredOnly))],
    { tags: [CATALOG_TAGS.products], revalidate: STOCK_STALENESS_SECONDS },
  )();

/**
 * A product page's data. It may be as old as the page (60 s): a change of stock badge expires `product:<slug>`
 * at once (lib/catalog/stock-pages.ts), and a badge above the few-left line does not show the count.
 */
export const getCachedProductDetail = (slug: string) =>
  unstable_cache(async () => getProductDetail(await getDb(), { slug }), ["product-detail", slug], {
    tags: [CATALOG_TAGS.products, CATALOG_TAGS.product(slug)],
    revalidate: PRODUCT_PAGE_SECONDS,
  })();

export const getCachedReviews = (productId: number, sort: ReviewSort, page: number, rating?: number) =>
  unstable_cache(
    async () => listReviews(await getDb(), { productId, sort, page, ...(rating ? { rating } : {}) }),
    ["reviews", String(productId), sort, String(page), String(rating ?? "")],
    { tags: [CATALOG_TAGS.products, CATALOG_TAGS.reviews(productId)], revalidate: 300 },
  )();

/**
 * One page of a product's reviews for the public reviews endpoint, or null for a slug that names no product. The
 * slug is checked against the known list first and the page clamped to the product's real page count (from its
 * cached rating summary) before anything is cached, so junk cannot grow the cache or reach the database.
 */
export async function getCachedReviewPageForSlug({
  slug,
  query,
}: {
  slug: string;
  query: ReviewQuery;
}): Promise<ReviewPageAnswer | null> {
  if (!(await isPageSlug("products", slug))) return null;
  const product = await getCachedProductDetail(slug);
  if (!product) return null;
  const page = clampReviewPage(query.page, reviewTotal(product.rating, query.stars));
  const reviews = await getCachedReviews(product.id, query.sort, page, query.stars);
  return { ...reviews, sort: query.sort, stars: query.stars ?? null };
}
