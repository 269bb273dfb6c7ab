import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { products, saleBuckets, saleCounters, saleHolds, saleSkus, sales, skus } from "@/db/schema";
import { DEFAULT_BUCKET_COUNT, REGISTRATION_SHARDS, splitIntoBuckets } from "./rules";
import { addStoreDays, atStoreTime, storeDayOf } from "./store-day";

// No `server-only` here or in what this imports: the seed script runs it under plain Node.

/** The demo sales are timed in the brand's home zone, whatever STORE_TIMEZONE a deployment uses. */
const DEMO_TIME_ZONE = "Asia/Shanghai";

interface DemoSku {
  code: string;
  quantity: number;
  salePriceMinor: number;
}

interface DemoSale {
  slug: string;
  name: string;
  headline: string;
  productSlug: string;
  featured: boolean;
  skus: DemoSku[];
}

export const DEMO_UPCOMING_SALE: DemoSale = {
  slug: "kite-9-pro-launch",
  name: "Kite 9 Pro launch flash sale",
  headline: "10,000 Kite 9 Pro at ¥500 off. Register now, buy at noon.",
  productSlug: "kite-9-pro",
  featured: true,
  skus: [
    { code: "kite-9-pro-graphite-12-256", quantity: 4000, salePriceMinor: 399900 },
    { code: "kite-9-pro-titanium-silver-12-256", quantity: 3500, salePriceMinor: 399900 },
    { code: "kite-9-pro-ocean-blue-12-512", quantity: 2500, salePriceMinor: 449900 },
  ],
};

export const DEMO_PAST_SALE: DemoSale & { soldOutAfterSeconds: number } = {
  slug: "kite-band-4-flash",
  name: "Kite Band 4 flash sale",
  headline: "20,000 Kite Band 4 at ¥199.",
  productSlug: "kite-band-4",
  featured: false,
  soldOutAfterSeconds: 38,
  skus: [
    { code: "kite-band-4-black", quantity: 8000, salePriceMinor: 19900 },
    { code: "kite-band-4-cream", quantity: 7000, salePriceMinor: 19900 },
    { code: "kite-band-4-coral", quantity: 5000, salePriceMinor: 19900 },
  ],
};

/**
 * Demo sales, idempotent: the Kite 9 Pro launch (registration open from `now`, sale at 12:00 Shanghai time two
 * days later, for two hours) and a past Kite Band 4 sale that sold out in 38 seconds, for the boast.
 * A rerun leaves existing sales alone, except an upcoming demo sale that has ended without a single hold, which
 * is moved forward again so a long-lived development database keeps a sale to show.
 */
export async function seedDemoSales(
  db: Db,
  { now }: { now: Date },
): Promise<{ upcomingSaleId: string; pastSaleId: string }> {
  const today = storeDayOf(now, DEMO_TIME_ZONE);
  const startsAt = atStoreTime(addStoreDays(today, 2), 12, 0, DEMO_TIME_ZONE);
  const upcomingTimes = {
    registrationOpensAt: new Date(Math.min(now.getTime(), startsAt.getTime() - 60_000)),
    registrationClosesAt: startsAt,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
  };
  const pastStart = atStoreTime(addStoreDays(today, -7), 12, 0, DEMO_TIME_ZONE);
  const pastTimes = {
    registrationOpensAt: new Date(pastStart.getTime() - 3 * 24 * 3600_000),
    registrationClosesAt: pastStart,
    startsAt: pastStart,
    endsAt: new Date(pastStart.getTime() + 2 * 3600_000),
  };

  return db.transaction(async (tx) => {
    const upcomingSaleId = await ensureSale(tx, DEMO_UPCOMING_SALE, upcomingTimes, { sold: false });
    const existing = await tx
      .select({ endsAt: sales.endsAt })
      .from(sales)
      .where(eq(sales.id, upcomingSaleId));
    const [anyHold] = await tx
      .select({ id: saleHolds.id })
      .from(saleHolds)
      .where(eq(saleHolds.saleId, upcomingSaleId))
      .limit(1);
    if (!anyHold && existing[0] && existing[0].endsAt.getTime() <= now.getTime()) {
      await tx
        .update(sales)
        .set({ ...upcomingTimes, soldOutAt: null })
        .where(eq(sales.id, upcomingSaleId));
    }

    const pastSaleId = await ensureSale(tx, DEMO_PAST_SALE, pastTimes, {
      sold: true,
      soldOutAt: new Date(pastStart.getTime() + DEMO_PAST_SALE.soldOutAfterSeconds * 1000),
    });
    return { upcomingSaleId, pastSaleId };
  });
}

async function ensureSale(
  tx: Tx,
  demo: DemoSale,
  times: { registrationOpensAt: Date; registrationClosesAt: Date; startsAt: Date; endsAt: Date },
  outcome: { sold: false } | { sold: true; soldOutAt: Date },
): Promise<string> {
  const [found] = await tx.select({ id: sales.id }).from(sales).where(eq(sales.slug, demo.slug));
  if (found) return found.id;

  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.slug, demo.productSlug));
  if (!product)
    throw new Error(`seedDemoSales: product ${demo.productSlug} is missing; run the catalogue seed first`);
  const skuRows = await tx
    .select({ id: skus.id, code: skus.code, currency: skus.currency })
    .from(skus)
    .where(
      and(
        eq(skus.productId, product.id),
        inArray(
          skus.code,
          demo.skus.map((s) => s.code),
        ),
      ),
    );
  const lines = demo.skus.map((s) => {
    const sku = skuRows.find((r) => r.code === s.code);
    if (!sku) throw new Error(`seedDemoSales: SKU ${s.code} is missing`);
    return { ...s, skuId: sku.id, currency: sku.currency };
  });
  const totalQuantity = lines.reduce((n, l) => n + l.quantity, 0);

  const [sale] = await tx
    .insert(sales)
    .values({
      slug: demo.slug,
      name: demo.name,
      headline: demo.headline,
      productId: product.id,
      featured: demo.featured,
      perAccountLimit: 1,
      totalQuantity,
      soldOutAt: outcome.sold ? outcome.soldOutAt : null,
      ...times,
    })
    .returning({ id: sales.id });
  if (!sale) throw new Error("seedDemoSales: sale insert returned nothing");

  await tx.insert(saleSkus).values(
    lines.map((l, position) => ({
      saleId: sale.id,
      skuId: l.skuId,
      quantity: l.quantity,
      salePriceMinor: l.salePriceMinor,
      currency: l.currency,
      bucketCount: splitIntoBuckets(l.quantity, DEFAULT_BUCKET_COUNT).length,
      position,
    })),
  );
  await tx.insert(saleBuckets).values(
    lines.flatMap((l) =>
      splitIntoBuckets(l.quantity, DEFAULT_BUCKET_COUNT).map((quantity, bucket) => ({
        saleId: sale.id,
        skuId: l.skuId,
        bucket,
        quantity,
        // A past sale's units were all sold (their orders predate this database, so no hold rows).
        available: outcome.sold ? 0 : quantity,
        sold: outcome.sold ? quantity : 0,
      })),
    ),
  );
  await tx
    .insert(saleCounters)
    .values(Array.from({ length: REGISTRATION_SHARDS }, (_, shard) => ({ saleId: sale.id, shard })))
    .onConflictDoNothing();
  return sale.id;
}
