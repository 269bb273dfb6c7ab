import type { Db } from "@/db/client";
import { type OrderStatus, orderLines, orders } from "@/db/schema";

/**
 * An order of `userId` in `status` with one line of one unit, written as checkout leaves it (the payment itself is
 * checkout's to test): paid at `now` when paid or refunded. A pending cart order is one per account (a partial
 * unique index), so a pending order here stands alone. The order's id and its line's id.
 */
export async function insertOrderWithLine(
  db: Db,
  {
    userId,
    status,
    now,
    line,
  }: {
    userId: string;
    status: OrderStatus;
    now: Date;
    line: { skuId: number; productName: string; variantLabel: string; unitPriceMinor: number };
  },
): Promise<{ orderId: string; lineId: number }> {
  const [order] = await db
    .insert(orders)
    .values({
      userId,
      status,
      currency: "CNY",
      totalMinor: line.unitPriceMinor,
      holdExpiresAt: now,
      paidAt: status === "paid" || status === "refunded" ? now : null,
      kind: status === "pending" ? null : "cart",
    })
    .returning({ id: orders.id });
  if (!order) throw new Error("no order");
  const [row] = await db
    .insert(orderLines)
    .values({ orderId: order.id, ...line, quantity: 1 })
    .returning({ id: orderLines.id });
  if (!row) throw new Error("no line");
  return { orderId: order.id, lineId: row.id };
}
