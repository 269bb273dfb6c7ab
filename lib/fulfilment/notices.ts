import "server-only";
import type { Tx } from "@/lib/db";

export interface ShippedOrder {
  id: string;
  userId: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: Date;
}

/**
 * THE SEAM for the "your order has shipped" mail. It runs inside the transaction that marks the order shipped,
 * once per order (an exact repeat of the step does not call it), so the transactional outbox being built on
 * another branch can insert its message here with `tx` and it commits or rolls back with the step. It does
 * nothing yet: do not send mail from here, write the outbox row.
 */
export async function onOrderShipped(_event: { tx: Tx; order: ShippedOrder }): Promise<void> {}
