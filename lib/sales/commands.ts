import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { products, saleBuckets, saleCounters, saleSkus, sales, skus } from "@/db/schema";
import type { Db } from "@/lib/db";
import { DEFAULT_BUCKET_COUNT, MAX_BUCKET_COUNT, REGISTRATION_SHARDS, splitIntoBuckets } from "./rules";

/** The largest batch one SKU may have in a sale; a guard against a typo, not a business rule. */
export const MAX_SALE_SKU_QUANTITY = 10_000_000;

export const createSaleSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(3, "Use at least 3 characters.")
      .max(80, "Use at most 80 characters.")
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens."),
    name: z.string().trim().min(1, "Give the sale a name.").max(120, "Use at most 120 characters."),
    headline: z.string().trim().max(200, "Use at most 200 characters.").default(""),
    productId: z.coerce.number().int().positive("Choose a product."),
    registrationOpensAt: z.coerce.date({ error: "Enter when registration opens." }),
    registrationClosesAt: z.coerce.date({ error: "Enter when registration closes." }),
    startsAt: z.coerce.date({ error: "Enter when the sale starts." }),
    endsAt: z.coerce.date({ error: "Enter when the sale ends." }),
    perAccountLimit: z.coerce
      .number()
      .int()
      .min(1, "At least 1 unit per account.")
      .max(10, "At most 10 units per account.")
      .default(1),
    featured: z.boolean().default(false),
    status: z.enum(["draft", "scheduled"]).default("scheduled"),
    bucketCount: z.coerce.number().int().min(1).max(MAX_BUCKET_COUNT).default(DEFAULT_BUCKET_COUNT),
    skus: z
      .array(
        z.object({
          skuId: z.coerce.number().int().positive(),
          quantity: z.coerce
            .number()
            .int("Use a whole number of units.")
            .min(1, "Put at least 1 unit on sale.")
            .max(MAX_SALE_SKU_QUANTITY, "That is more units than one sale can take."),
          salePriceMinor: z.coerce
            .number()
            .int("Use a price in minor units.")
            .min(0, "A price cannot be negative."),
        }),
      )
      .min(1, "Add at least one version to the sale.")
      .max(50, "At most 50 versions per sale."),
  })
  .superRefine((v, ctx) => {
    const t = (d: Date) => d.getTime();
    if (t(v.registrationOpensAt) >= t(v.registrationClosesAt)) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationClosesAt"],
        message: "Registration must close after it opens.",
      });
    }
    if (t(v.registrationClosesAt) > t(v.startsAt)) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationClosesAt"],
        message: "Registration must close at or before the start of the sale.",
      });
    }
    if (t(v.startsAt) >= t(v.endsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The sale must end after it starts." });
    }
    const seen = new Set<number>();
    v.skus.forEach((s, i) => {
      if (seen.has(s.skuId)) {
        ctx.addIssue({
          code: "custom",
          path: ["skus", i, "skuId"],
          message: "This version is listed twice.",
        });
      }
      seen.add(s.skuId);
    });
  });
export type CreateSaleInput = z.input<typeof createSaleSchema>;

export type CreateSaleResult =
  | { ok: true; saleId: string; slug: string; totalQuantity: number }
  | {
      ok: false;
      error: "invalid" | "product_not_found" | "sku_not_in_product" | "slug_taken";
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

/**
 * Creates a sale with its SKUs, their stock split over buckets, and its registration counters, in one transaction.
 * Sale prices come from the marketer; the currency of each line is its SKU's own.
 */
export async function createSale(db: Db, input: unknown): Promise<CreateSaleResult> {
  const parsed = createSaleSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    return { ok: false, error: "invalid", message: "Please check the highlighted fields.", fieldErrors };
  }
  const data = parsed.data;

  return db.transaction(async (tx): Promise<CreateSaleResult> => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(eq(products.id, data.productId));
    if (!product) {
      return {
        ok: false,
        error: "product_not_found",
        message: "That product doesn't exist.",
        fieldErrors: { productId: ["Choose a product from the catalogue."] },
      };
    }
    const skuIds = data.skus.map((s) => s.skuId);
    const found = await tx
      .select({ id: skus.id, currency: skus.currency })
      .from(skus)
      .where(and(inArray(skus.id, skuIds), eq(skus.productId, data.productId)));
    const currencyOf = new Map(found.map((s) => [s.id, s.currency]));
    const foreign = data.skus.flatMap((s, i) => (currencyOf.has(s.skuId) ? [] : [i]));
    if (foreign.length > 0) {
      return {
        ok: false,
        error: "sku_not_in_product",
        message: "Some versions don't belong to this product.",
        fieldErrors: Object.fromEntries(
          foreign.map((i) => [`skus.${i}.skuId`, ["This version doesn't belong to the chosen product."]]),
        ),
      };
    }

    const totalQuantity = data.skus.reduce((n, s) => n + s.quantity, 0);
    const [sale] = await tx
      .insert(sales)
      .values({
        slug: data.slug,
        name: data.name,
        headline: data.headline,
        productId: data.productId,
        status: data.status,
        featured: data.featured,
        registrationOpensAt: data.registrationOpensAt,
        registrationClosesAt: data.registrationClosesAt,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        perAccountLimit: data.perAccountLimit,
        totalQuantity,
      })
      .onConflictDoNothing({ target: sales.slug })
      .returning({ id: sales.id });
    if (!sale) {
      return {
        ok: false,
        error: "slug_taken",
        message: "Another sale already uses that address.",
        fieldErrors: { slug: ["Choose another slug."] },
      };
    }

    await tx.insert(saleSkus).values(
      data.skus.map((s, position) => ({
        saleId: sale.id,
        skuId: s.skuId,
        quantity: s.quantity,
        salePriceMinor: s.salePriceMinor,
        currency: currencyOf.get(s.skuId) ?? "CNY",
        bucketCount: splitIntoBuckets(s.quantity, data.bucketCount).length,
        position,
      })),
    );
    await tx.insert(saleBuckets).values(
      data.skus.flatMap((s) =>
        splitIntoBuckets(s.quantity, data.bucketCount).map((quantity, bucket) => ({
          saleId: sale.id,
          skuId: s.skuId,
          bucket,
          quantity,
          available: quantity,
        })),
      ),
    );
    await tx
      .insert(saleCounters)
      .values(Array.from({ length: REGISTRATION_SHARDS }, (_, shard) => ({ saleId: sale.id, shard })));
    return { ok: true, saleId: sale.id, slug: data.slug, totalQuantity };
  });
}
