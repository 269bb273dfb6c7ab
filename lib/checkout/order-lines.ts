import "server-only";
import { asc, eq } from "drizzle-orm";
import { type OrderLine, orderLines } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";

/** An order's line as it was sold: its SKU, name, variant and price frozen at checkout. */
export type SoldLine = Pick<
  OrderLine,
  "skuId" | "productName" | "variantLabel" | "unitPriceMinor" | "quantity"
>;

/**
 * An order's lines, in SKU order (the order their stock is held and taken in; a cart order's lines are inserted
 * in that order): for reusing a live order, applying a payment, its Checkout Session and its receipt.
 */
export async function listOrderLines(db: Db | Tx, { orderId }: { orderId: string }): Promise<SoldLine[]> {
  return db
    .select({
      skuId: orderLines.skuId,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      unitPriceMinor: orderLines.unitPriceMinor,
      quantity: orderLines.quantity,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.skuId));
}
