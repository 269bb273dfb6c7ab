import "server-only";
import { inArray } from "drizzle-orm";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { products } from "@/db/schema";
import { getDb } from "@/lib/db";
import { CATALOG_TAGS } from "./cached";

/**
 * Expires the cached pages of products whose stock badge changed (lib/catalog/stock.ts `stockBadgeChanged`), so
 * the crowd stops reading "In stock" for a SKU that just sold out. Called from inside the stock-changing
 * transaction; the work is scheduled with `after()`, which runs once the response is sent (by then the
 * transaction has committed, and a page render that releases expired holds on read is allowed to revalidate),
 * looks the slugs up (rare: only on a change of badge) and expires the product's tag at once, not
 * stale-while-revalidate: a sold-out badge should not be served stale. Outside a request (unit tests, scripts,
 * benchmarks) there is no Next cache to expire, and nothing happens.
 */
export function expireProductPagesForStock(productIds: readonly number[]): void {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  try {
    after(async () => {
      const db = await getDb();
      const rows = await db.select({ slug: products.slug }).from(products).where(inArray(products.id, ids));
      for (const { slug } of rows) revalidateTag(CATALOG_TAGS.product(slug), { expire: 0 });
    });
  } catch {
    // `after` outside a request scope throws: no page cache here to expire.
  }
}
