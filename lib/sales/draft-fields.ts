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

/** The sale form's checkbox that allows a sale price at or above the version's everyday price. */
export const CONFIRM_EVERYDAY_PRICE_FIELD = "confirmAtOrAboveEveryday";
export const CONFIRM_EVERYDAY_PRICE_LABEL = "Sell at or above the everyday price";
