import "server-only";
import { orderLines, orders } from "@/db/schema";
import type { Tx } from "@/lib/db";

/**
 * Inserts an order and its lines in the caller's transaction (a cart's, a sale's, a beta seat's); returns the
 * order's id. What is held for it (stock holds, a sale hold) stays with the caller.
 */
export async function insertOrderWithLines(
  tx: Tx,
  order: typeof orders.$inferInsert,
  lines: Omit<typeof orderLines.$inferInsert, "orderId">[],
): Promise<string> {
  const [row] = await tx.insert(orders).values(order).returning({ id: orders.id });
  if (!row) throw new Error("order insert returned nothing");
  await tx.insert(orderLines).values(lines.map((line) => ({ ...line, orderId: row.id })));
  return row.id;
}
