import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { after } from "next/server";
import { CATALOG_TAGS, getCachedProductDetail } from "@/lib/catalog/cached";
import { isPageSlug } from "@/lib/catalog/page-slugs";
import { getDb, type Tx } from "@/lib/db";
import { listReviewedProductsOfOrder, listReviews } from "./queries";
import { clampReviewPage, type ReviewQuery, reviewTotal } from "./review-query";
import type { ReviewPageAnswer, ReviewSort } from "./types";

/**
 * A product's reviews as every visitor reads them, from Next's data cache. Tagged `reviews:<productId>`: a review
 * written, changed or hidden expires that tag and the product's own (`product:<slug>`, which carries the rating),
 * never the whole catalogue.
 */
export const getCachedReviews = (productId: number, sort: ReviewSort, page: number, rating?: number) =>
  unstable_cache(
    async () => listReviews(await getDb(), { productId, sort, page, ...(rating ? { rating } : {}) }),
    ["reviews", String(productId), sort, String(page), String(rating ?? "")],
    { tags: [CATALOG_TAGS.products, CATALOG_TAGS.reviews(productId)], revalidate: 300 },
  )();

/** The tags a change to one product's reviews expires: that product's page and reviews only. */
export function reviewTags(product: { productId: number; productSlug: string }): string[] {
  return [CATALOG_TAGS.product(product.productSlug), CATALOG_TAGS.reviews(product.productId)];
}

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

/**
 * After a refund of an order (in its transaction): the cached reviews and page of every product reviewed from that
 * order are expired once the response is sent, since those reviews lose their "Verified purchase" mark
 * (verifiedPurchase in ./queries.ts). Outside a request (tests, the sweep's scripts) there is no page cache and
 * nothing is scheduled.
 */
export async function expireReviewsOfOrder(tx: Tx, { orderId }: { orderId: string }): Promise<void> {
  const products = await listReviewedProductsOfOrder(tx, { orderId });
  if (products.length === 0) return;
  try {
    after(() => {
      for (const product of products)
        for (const tag of reviewTags(product)) revalidateTag(tag, { expire: 0 });
    });
  } catch {
    // `after` outside a request scope throws: no page cache here to expire.
  }
}
