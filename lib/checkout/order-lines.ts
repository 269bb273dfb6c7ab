import "server-only";
import { asc, eq } from "drizzle-orm";
import { orderLines } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";

/** An order's line as it was sold: name, variant and price frozen at checkout. */
export interface SoldLine {
  productName: string;
  variantLabel: string;
  unitPriceMinor: number;
  quantity: number;
}

/** An order's lines in the order they were added: for its Checkout Session, and for its receipt. */
export async function listSoldLines(db: Db | Tx, { orderId }: { orderId: string }): Promise<SoldLine[]> {
  return db
    .select({
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      unitPriceMinor: orderLines.unitPriceMinor,
      quantity: orderLines.quantity,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.id));
}
