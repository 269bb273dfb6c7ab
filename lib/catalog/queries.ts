import "server-only";
import { and, asc, avg, count, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import { categories, productImages, productSpecs, products, reviews, skus } from "@/db/schema";
import type { Db } from "@/lib/db";
import { getRatingSummary, visibleReviews } from "@/lib/reviews/queries";
import { stockStateOf } from "./stock";
import type { CategoryData, ProductCardData, ProductDetailData, SpecGroupData } from "./types";

/** What a category page and the category list show of a category. */
const CATEGORY_COLUMNS = {
  id: categories.id,
  slug: categories.slug,
  name: categories.name,
  description: categories.description,
};

export async function listCategories(db: Db): Promise<CategoryData[]> {
  return db.select(CATEGORY_COLUMNS).from(categories).orderBy(asc(categories.position), asc(categories.id));
}

export async function getCategory(db: Db, { slug }: { slug: string }): Promise<CategoryData | null> {
  const [row] = await db.select(CATEGORY_COLUMNS).from(categories).where(eq(categories.slug, slug));
  return row ?? null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Product cards for the homepage rails, category pages and search. Four queries whatever the number of
 * products: products, their SKUs, review aggregates and first images.
 */
export async function listProductCards(
  db: Db,
  options: { categorySlug?: string; query?: string; featuredOnly?: boolean; limit?: number } = {},
): Promise<ProductCardData[]> {
  const where: SQL[] = [];
  if (options.categorySlug) where.push(eq(categories.slug, options.categorySlug));
  if (options.featuredOnly) where.push(eq(products.featured, true));
  const q = options.query?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    where.push(
      sql`(${ilike(products.name, pattern)} or ${ilike(products.tagline, pattern)} or ${ilike(categories.name, pattern)})`,
    );
  }

  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      tagline: products.tagline,
      categorySlug: categories.slug,
      categoryName: categories.name,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(categories.position), asc(products.position), asc(products.id))
    .limit(options.limit ?? 200);
  if (rows.length === 0) return [];

  const { skuRows, ratingRows, imageRows } = await readCardDetails(
    db,
    rows.map((r) => r.id),
  );

  return rows.flatMap((p) => {
    const own = skuRows.filter((s) => s.productId === p.id);
    const cheapest = own.reduce<(typeof own)[number] | undefined>(
      (best, s) => (!best || s.priceMinor < best.priceMinor ? s : best),
      undefined,
    );
    if (!cheapest) return [];
    const available = own.reduce((sum, s) => sum + s.available, 0);
    const rating = ratingRows.find((r) => r.productId === p.id);
    const image = imageRows.find((i) => i.productId === p.id);
    const defaultSku = own.find((s) => s.available > 0) ?? own[0];
    return [
      {
        ...p,
        imageUrl: image?.url ?? null,
        imageAlt: image?.alt ?? p.name,
        fromPriceMinor: cheapest.priceMinor,
        listPriceMinor: cheapest.listPriceMinor,
        currency: cheapest.currency,
        priceVaries: own.some((s) => s.priceMinor !== cheapest.priceMinor),
        ratingAverage: rating?.average ? Math.round(Number(rating.average) * 10) / 10 : null,
        reviewCount: rating?.count ?? 0,
        stock: stockStateOf(available),
        available,
        defaultSkuId: defaultSku?.id ?? null,
      },
    ];
  });
}

/** SKUs, review aggregates and first images of the given products: three queries, run together. */
async function readCardDetails(db: Db, ids: number[]) {
  const [skuRows, ratingRows, imageRows] = await Promise.all([
    db
      .select({
        id: skus.id,
        productId: skus.productId,
        priceMinor: skus.priceMinor,
        listPriceMinor: skus.listPriceMinor,
        currency: skus.currency,
        available: skus.available,
      })
      .from(skus)
      .where(inArray(skus.productId, ids))
      .orderBy(asc(skus.position), asc(skus.id)),
    db
      .select({ productId: reviews.productId, average: avg(reviews.rating), count: count() })
      .from(reviews)
      .where(and(inArray(reviews.productId, ids), visibleReviews))
      .groupBy(reviews.productId),
    db
      .selectDistinctOn([productImages.productId], {
        productId: productImages.productId,
        url: productImages.url,
        alt: productImages.alt,
      })
      .from(productImages)
      .where(inArray(productImages.productId, ids))
      .orderBy(productImages.productId, asc(productImages.position), asc(productImages.id)),
  ]);

  return { skuRows, ratingRows, imageRows };
}

/**
 * A product page's data: the product with its category, SKUs, images and specifications in one relational query,
 * then its rating summary.
 */
export async function getProductDetail(
  db: Db,
  { slug }: { slug: string },
): Promise<ProductDetailData | null> {
  const product = await db.query.products.findFirst({
    where: eq(products.slug, slug),
    columns: {
      id: true,
      slug: true,
      name: true,
      tagline: true,
      description: true,
      highlights: true,
      maxPerOrder: true,
    },
    with: {
      category: { columns: { slug: true, name: true } },
      skus: {
        columns: {
          id: true,
          code: true,
          colour: true,
          colourHex: true,
          storage: true,
          priceMinor: true,
          listPriceMinor: true,
          currency: true,
          available: true,
        },
        orderBy: [asc(skus.position), asc(skus.id)],
      },
      images: {
        columns: { id: true, url: true, alt: true, colour: true },
        orderBy: [asc(productImages.position), asc(productImages.id)],
      },
      specs: {
        columns: { groupName: true, label: true, value: true },
        orderBy: [asc(productSpecs.position), asc(productSpecs.id)],
      },
    },
  });
  if (!product) return null;
  const { skus: skuRows, specs, ...rest } = product;
  return {
    ...rest,
    skus: skuRows.map((s) => ({ ...s, stock: stockStateOf(s.available) })),
    specGroups: groupSpecs(specs),
    rating: await getRatingSummary(db, { productId: product.id }),
  };
}

/** Specification rows, in order, grouped under their group's name (groups in order of first appearance). */
function groupSpecs(rows: { groupName: string; label: string; value: string }[]): SpecGroupData[] {
  const groups: SpecGroupData[] = [];
  for (const row of rows) {
    let group = groups.find((g) => g.name === row.groupName);
    if (!group) {
      group = { name: row.groupName, rows: [] };
      groups.push(group);
    }
    group.rows.push({ label: row.label, value: row.value });
  }
  return groups;
}
