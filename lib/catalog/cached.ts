import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { getCategory, getProductDetail, listCategories, listProductCards } from "./queries";

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
