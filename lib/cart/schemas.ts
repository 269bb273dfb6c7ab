import { z } from "zod";
import { serialIdField } from "@/lib/ids";
import { MAX_LINE_QUANTITY } from "@/lib/limits";

const quantity = (min: number) =>
  z.coerce
    .number({ message: "Enter a number." })
    .int("Enter a whole number.")
    .min(min, min === 1 ? "Choose at least 1." : "Quantity cannot be negative.")
    .max(MAX_LINE_QUANTITY, `You can have at most ${MAX_LINE_QUANTITY} of one item.`);
// A SKU id beyond int4 would reach PostgreSQL as an out-of-range error; refused here like any bad choice.
const skuId = serialIdField("Choose an option.");

// `.strict()` refuses unexpected fields such as a price: the cart never takes a price from the client.
const strict = { error: "Unexpected field in the form." };
export const addToCartSchema = z.strictObject(
  { skuId, quantity: quantity(1), productSlug: z.string().min(1).max(200).optional() },
  strict,
);
export const setCartQuantitySchema = z.strictObject({ skuId, quantity: quantity(0) }, strict);
export const removeFromCartSchema = z.strictObject({ skuId }, strict);
