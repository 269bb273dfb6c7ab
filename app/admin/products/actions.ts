"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { CATALOG_TAGS } from "@/lib/catalog/cached";
import { setProductOrderLimit } from "@/lib/catalog/order-limits";
import { MAX_LINE_QUANTITY } from "@/lib/limits";
import { ok } from "@/lib/result";

const limit = (what: string) =>
  z.coerce
    .number({ error: `Enter ${what} as a whole number.` })
    .int(`Enter ${what} as a whole number.`)
    .min(1, "A product's limit is at least 1 per order.")
    .max(MAX_LINE_QUANTITY, `A product's limit is at most ${MAX_LINE_QUANTITY} per order.`);

/**
 * Sets how many units of one product an order may hold, from the limit the marketer saw (compare-and-set and
 * audited in lib/catalog). Marketers only; the product page and its cards are revalidated.
 */
export const setOrderLimitAction = defineAction({
  name: "setOrderLimit",
  caller: "marketer",
  input: z.object({
    productId: z.coerce.number().int().positive().max(2_147_483_647),
    from: limit("the limit you saw"),
    maxPerOrder: limit("the limit"),
  }),
  run: async ({ input, caller, db, now }) => {
    const result = await setProductOrderLimit(db, {
      productId: input.productId,
      from: input.from,
      to: input.maxPerOrder,
      actor: caller,
      now,
    });
    if (!result.ok) return result;
    return ok({
      slug: result.slug,
      message: `${result.name}: at most ${result.maxPerOrder} per order.`,
    });
  },
  tags: (out) => [CATALOG_TAGS.products, CATALOG_TAGS.product(out.slug)],
  echoValues: true,
  refresh: true,
});
