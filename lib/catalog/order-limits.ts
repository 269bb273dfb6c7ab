import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { categories, products, skus } from "@/db/schema";
import { type Actor, writeAudit } from "@/lib/audit/log";
import { compareAndSet } from "@/lib/compare-and-set";
import type { Db } from "@/lib/db";
import { MAX_LINE_QUANTITY } from "@/lib/limits";
import { ok, type Result } from "@/lib/result";

/*
 * The console's side of per-product order limits (the rule itself is lib/cart/order-limit.ts): the list a
 * marketer reads and the one command that changes a limit, compare-and-set from the value they saw and audited
 * in the same transaction. The product page and the cart read the new limit once its cache tags are revalidated.
 */

export interface ProductLimitRow {
  id: number;
  slug: string;
  name: string;
  categoryName: string;
  maxPerOrder: number;
  versions: number;
  available: number;
}

/** Every product with its limit, versions and units on sale, in the storefront's order. */
export async function listProductLimits(db: Db): Promise<ProductLimitRow[]> {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      categoryName: categories.name,
      maxPerOrder: products.maxPerOrder,
      versions: sql<number>`count(${skus.id})::int`,
      available: sql<number>`coalesce(sum(${skus.available}), 0)::int`,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(skus, eq(skus.productId, products.id))
    .groupBy(products.id, categories.id)
    .orderBy(asc(categories.position), asc(products.position), asc(products.id));
}

export type SetLimitCode = "not_found" | "conflict";
type LimitChanged = { slug: string; name: string; maxPerOrder: number };

/**
 * Sets a product's per-order limit, only if it still has the limit the marketer saw (`from`): two marketers
 * cannot overwrite each other unknowingly. Bounds (1…MAX_LINE_QUANTITY) are the caller's schema and the table's
 * check; the audit row is written in the same transaction.
 */
export async function setProductOrderLimit(
  db: Db,
  {
    productId,
    from,
    to,
    actor,
    now,
  }: { productId: number; from: number; to: number; actor: Actor; now: Date },
): Promise<Result<LimitChanged, SetLimitCode>> {
  if (to < 1 || to > MAX_LINE_QUANTITY) throw new Error(`order limit ${to} out of range`);
  const result = await compareAndSet(db, {
    table: products,
    set: { maxPerOrder: to, updatedAt: now },
    where: and(eq(products.id, productId), eq(products.maxPerOrder, from)),
    returning: { id: products.id, slug: products.slug, name: products.name },
    current: async (tx) => {
      const [current] = await tx
        .select({ maxPerOrder: products.maxPerOrder })
        .from(products)
        .where(eq(products.id, productId));
      return current;
    },
    conflict: (c) =>
      `Someone else changed this limit meanwhile: it is now ${c.maxPerOrder} per order. Check it before changing it again.`,
    gone: "That product is no longer in the catalogue.",
    whenChanged: async (tx, row) => {
      if (from !== to) {
        await writeAudit(tx, {
          actor,
          action: "product.limit",
          entityType: "product",
          entityId: String(row.id),
          summary: `Changed the order limit of ${row.name} from ${from} to ${to} per order`,
          diff: { maxPerOrder: { from, to } },
        });
      }
      return ok({ slug: row.slug, name: row.name, maxPerOrder: to });
    },
  });
  return result as Result<LimitChanged, SetLimitCode>;
}
