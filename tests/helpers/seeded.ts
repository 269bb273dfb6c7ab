import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products, skus, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/log";

/** Lookups into the demo seed that many test files start from. Each throws when the seed lacks what it names. */

/** The seeded marketer (marketer@example.com) as an audit actor. */
export async function getSeededMarketer(db: Db): Promise<Actor> {
  const [marketer] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, "marketer@example.com"));
  if (!marketer) throw new Error("seeded marketer missing");
  return marketer;
}

/** A seeded product's id and its SKUs in display order (position, then id). */
export async function getSeededProduct(
  db: Db,
  { slug }: { slug: string },
): Promise<{ productId: number; skus: { id: number; currency: string; colour: string }[] }> {
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
  if (!product) throw new Error(`${slug} not seeded`);
  const rows = await db
    .select({ id: skus.id, currency: skus.currency, colour: skus.colour })
    .from(skus)
    .where(eq(skus.productId, product.id))
    .orderBy(asc(skus.position), asc(skus.id));
  return { productId: product.id, skus: rows };
}

/** The Kite 9 Pro and its first two SKUs, the product most sale tests sell. */
export async function getKite9Pro(db: Db): Promise<{ productId: number; skuA: number; skuB: number }> {
  const { productId, skus: rows } = await getSeededProduct(db, { slug: "kite-9-pro" });
  const [a, b] = rows;
  if (!a || !b) throw new Error("kite-9-pro needs two SKUs");
  return { productId, skuA: a.id, skuB: b.id };
}
