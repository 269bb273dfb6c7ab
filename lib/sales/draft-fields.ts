/** Field names shared by the console's forms (client) and their parsers (server). No imports: safe anywhere. */

export const SALE_TIME_FIELDS = [
  "registrationOpensAt",
  "registrationClosesAt",
  "startsAt",
  "endsAt",
] as const;
export type SaleTimeField = (typeof SALE_TIME_FIELDS)[number];

/** One group of fields per version (SKU) of the product: `sku:<id>:include|quantity|price`. */
export const skuField = (skuId: number, part: "include" | "quantity" | "price") => `sku:${skuId}:${part}`;
