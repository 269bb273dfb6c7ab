import "server-only";
import { randomBytes } from "node:crypto";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { skus } from "@/db/schema";
import { getDb } from "@/lib/db";
import { PER_ACCOUNT_LIMIT_DEFAULT, PER_ACCOUNT_LIMIT_MAX, PER_ACCOUNT_LIMIT_MIN } from "@/lib/limits";
import { fail, ok } from "@/lib/result";
import { createSale } from "@/lib/sales/commands";
import { earlyAccessSchema } from "@/lib/sales/draft";

const qaSaleVersion = z.object({
  skuCode: z.string().min(1).max(200),
  quantity: z.number().int().min(1).max(1_000_000),
  salePriceMinor: z.number().int().min(0),
});

export const qaSaleSchema = qaSaleVersion.extend({
  /** More versions of the same product in the sale (colour, storage), after the first. */
  moreSkus: z.array(qaSaleVersion).max(5).optional(),
  startsInSeconds: z
    .number()
    .int()
    .min(-86_400)
    .max(75 * 86_400)
    .default(600),
  durationSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(7200),
  perAccountLimit: z
    .number()
    .int()
    .min(PER_ACCOUNT_LIMIT_MIN)
    .max(PER_ACCOUNT_LIMIT_MAX)
    .default(PER_ACCOUNT_LIMIT_DEFAULT),
  featured: z.boolean().default(false),
  name: z.string().min(1).max(120).optional(),
  /** A draw sale: winners are drawn after registration closes and each has this many minutes to pay. */
  drawPurchaseWindowMinutes: z.number().int().min(5).max(10_080).optional(),
  /** The Kite Club early-access lane: tier and above, minutes before the start, unit quota. */
  earlyAccess: earlyAccessSchema.optional(),
});

/**
 * A fresh sale for a browser flow: registration open from now until the start, one SKU (or more versions of its
 * product, `moreSkus`). Real wall-clock times; tests move their own clock (the QA cookie) to reach the start.
 */
export async function createQaSale(input: z.infer<typeof qaSaleSchema>) {
  const db = await getDb();
  const versions = [input, ...(input.moreSkus ?? [])];
  const rows = await db
    .select({ id: skus.id, code: skus.code, productId: skus.productId })
    .from(skus)
    .where(
      inArray(
        skus.code,
        versions.map((v) => v.skuCode),
      ),
    );
  const ids = versions.map((v) => rows.find((r) => r.code === v.skuCode));
  const sku = ids[0];
  if (!sku || ids.some((r) => !r)) return fail("not_found", "unknown SKU");
  const now = Date.now();
  const startsAt = new Date(now + input.startsInSeconds * 1000);
  const slug = `qa-sale-${randomBytes(4).toString("hex")}`;
  const result = await createSale(db, {
    slug,
    name: input.name ?? `QA flash sale ${slug.slice(-8)}`,
    headline: `${input.quantity} units for the QA run`,
    productId: sku.productId,
    registrationOpensAt: new Date(Math.min(now - 60_000, startsAt.getTime() - 60_000)),
    registrationClosesAt: startsAt,
    startsAt,
    endsAt: new Date(startsAt.getTime() + input.durationSeconds * 1000),
    perAccountLimit: input.perAccountLimit,
    featured: input.featured,
    skus: versions.map((v, i) => ({
      skuId: ids[i]?.id as number,
      quantity: v.quantity,
      salePriceMinor: v.salePriceMinor,
    })),
    ...(input.earlyAccess ? { earlyAccess: input.earlyAccess } : {}),
    ...(input.drawPurchaseWindowMinutes
      ? { kind: "draw" as const, purchaseWindowMinutes: input.drawPurchaseWindowMinutes }
      : {}),
  });
  if (!result.ok) return result;
  return ok({
    saleId: result.saleId,
    slug: result.slug,
    skuId: sku.id,
    skuIds: ids.map((r) => r?.id as number),
    startsAt: startsAt.toISOString(),
  });
}
