import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueShippedMail } from "@/lib/mail/events";
import { carrierName } from "./carriers";

export interface ShippedOrder {
  id: string;
  userId: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: Date;
}

/**
 * The "your order has shipped" mail. It runs inside the transaction that marks the order shipped, once per order
 * (an exact repeat of the step does not call it), and writes the outbox row there, so the mail goes if and only
 * if the step commits; the outbox's worker sends it.
 */
export async function onOrderShipped({ tx, order }: { tx: Tx; order: ShippedOrder }): Promise<void> {
  await enqueueShippedMail({
    tx,
    orderId: order.id,
    parcel: {
      shippedAt: order.shippedAt,
      carrier: carrierName(order.carrier),
      trackingNumber: order.trackingNumber,
    },
  });
}
