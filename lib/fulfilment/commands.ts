import "server-only";
import { and, eq } from "drizzle-orm";
import { orderFulfilment, orders } from "@/db/schema";
import { type Actor, writeAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { inTransactionById, isUuid, orderNumber } from "@/lib/ids";
import { type Failure, fail, ok, type Success } from "@/lib/result";
import { carrierName, parseShipment } from "./carriers";
import { onOrderShipped } from "./notices";
import {
  describeShipment,
  type FulfilmentCommand,
  type FulfilmentState,
  type FulfilmentStep,
  planTransition,
  type Transition,
} from "./rules";

/*
 * The console's fulfilment commands. Each is one transaction: read the order (share-locked, so a refund or a
 * payment waits for us and we never ship what was just refunded), plan the step with the pure rules, write it
 * with a compare-and-set on the step it was planned from, and record the audit entry. When the write finds the
 * order moved on (another marketer, a double click), the order is read again and the answer comes from what
 * the other one did: exactly one of them takes each step.
 */

export type FulfilmentDone = Success<{
  message: string;
  orderId: string;
  step: FulfilmentStep;
  /** False for an exact repeat of a step already taken: nothing written. */
  changed: boolean;
}>;

export const orderNotFound = () =>
  fail("not_found", "There is no order with that number. Check it against the order list.");

async function readState(tx: Tx, orderId: string): Promise<(FulfilmentState & { userId: string }) | null> {
  const [row] = await tx
    .select({
      payment: orders.status,
      userId: orders.userId,
      step: orderFulfilment.status,
      carrier: orderFulfilment.carrier,
      trackingNumber: orderFulfilment.trackingNumber,
    })
    .from(orders)
    .leftJoin(orderFulfilment, eq(orderFulfilment.orderId, orders.id))
    .where(eq(orders.id, orderId))
    .for("share", { of: orders });
  return row ? { ...row, step: row.step ?? "unfulfilled" } : null;
}

/** The compare-and-set: true when this transaction took the step, false when the order was no longer there. */
async function writeStep(
  tx: Tx,
  { orderId, command, now }: { orderId: string; command: FulfilmentCommand; now: Date },
): Promise<boolean> {
  const id = { orderId: orderFulfilment.orderId };
  if (command.type === "pack") {
    const rows = await tx
      .insert(orderFulfilment)
      .values({ orderId, status: "packed", packedAt: now })
      .onConflictDoNothing()
      .returning(id);
    return rows.length > 0;
  }
  const [expected, set] =
    command.type === "ship"
      ? ([
          "packed",
          {
            status: "shipped",
            carrier: command.carrier,
            trackingNumber: command.trackingNumber,
            shippedAt: now,
          },
        ] as const)
      : (["shipped", { status: "delivered", deliveredAt: now }] as const);
  const rows = await tx
    .update(orderFulfilment)
    .set(set)
    .where(and(eq(orderFulfilment.orderId, orderId), eq(orderFulfilment.status, expected)))
    .returning(id);
  return rows.length > 0;
}

const ALREADY: Record<FulfilmentStep, string> = {
  unfulfilled: "Nothing changed.",
  packed: "Already packed; nothing changed.",
  shipped: "Already shipped with this tracking number; nothing changed.",
  delivered: "Already delivered; nothing changed.",
};

function doneMessage(command: FulfilmentCommand): string {
  if (command.type === "pack") return "Packed. Next: ship it with a carrier and tracking number.";
  if (command.type === "ship") {
    return `Shipped with ${describeShipment(command.carrier, command.trackingNumber)}. The buyer sees the tracking number on their order.`;
  }
  return "Marked delivered.";
}

async function recordStep(
  tx: Tx,
  {
    actor,
    orderId,
    userId,
    command,
    transition,
    now,
  }: {
    actor: Actor;
    orderId: string;
    userId: string;
    command: FulfilmentCommand;
    transition: Extract<Transition, { changed: true }>;
    now: Date;
  },
): Promise<void> {
  const number = orderNumber(orderId);
  const shipping = command.type === "ship" ? command : null;
  await writeAudit(tx, {
    actor,
    action: `order.${command.type}` as const,
    entityType: "order",
    entityId: orderId,
    summary: shipping
      ? `Shipped order ${number} with ${carrierName(shipping.carrier)}, tracking ${shipping.trackingNumber}`
      : `Marked order ${number} ${transition.to}`,
    diff: {
      fulfilment: { from: transition.from, to: transition.to },
      ...(shipping
        ? {
            carrier: { from: null, to: carrierName(shipping.carrier) },
            trackingNumber: { from: null, to: shipping.trackingNumber },
          }
        : {}),
    },
  });
  if (shipping) {
    await onOrderShipped({
      tx,
      order: {
        id: orderId,
        userId,
        carrier: shipping.carrier,
        trackingNumber: shipping.trackingNumber,
        shippedAt: now,
      },
    });
  }
}

/**
 * Takes one fulfilment step for a marketer: packed, shipped (carrier + tracking, already checked) or delivered.
 * An exact repeat is a success that writes nothing; a step the order can't take is a `Failure` saying why.
 */
export async function applyFulfilmentStep(
  db: Db,
  { actor, orderId, command, now }: { actor: Actor; orderId: string; command: FulfilmentCommand; now: Date },
): Promise<FulfilmentDone | Failure> {
  return inTransactionById(db, orderId, orderNotFound, async (tx) => {
    // Twice at most: a lost compare-and-set means another transaction committed the step, and the second
    // read sees it, so the second plan is a repeat or a refusal.
    for (let attempt = 0; attempt < 2; attempt++) {
      const state = await readState(tx, orderId);
      if (!state) return orderNotFound();
      const plan = planTransition(state, command);
      if (!plan.ok) return plan;
      const { transition } = plan;
      if (!transition.changed) {
        return ok({ message: ALREADY[transition.step], orderId, step: transition.step, changed: false });
      }
      if (await writeStep(tx, { orderId, command, now })) {
        await recordStep(tx, { actor, orderId, userId: state.userId, command, transition, now });
        return ok({ message: doneMessage(command), orderId, step: transition.to, changed: true });
      }
    }
    return fail("conflict", "Someone else is changing this order right now. Reload the page and try again.");
  });
}

export function packOrder(db: Db, input: { actor: Actor; orderId: string; now: Date }) {
  return applyFulfilmentStep(db, { ...input, command: { type: "pack" } });
}

export function deliverOrder(db: Db, input: { actor: Actor; orderId: string; now: Date }) {
  return applyFulfilmentStep(db, { ...input, command: { type: "deliver" } });
}

/** Ships an order with a carrier and tracking number as typed (checked here: field errors on a bad one). */
export async function shipOrder(
  db: Db,
  {
    actor,
    orderId,
    carrier,
    trackingNumber,
    now,
  }: { actor: Actor; orderId: string; carrier: string; trackingNumber: string; now: Date },
): Promise<FulfilmentDone | Failure> {
  if (!isUuid(orderId)) return orderNotFound();
  const shipment = parseShipment({ carrier, trackingNumber });
  if (!shipment.ok) return shipment;
  return applyFulfilmentStep(db, {
    actor,
    orderId,
    now,
    command: { type: "ship", carrier: shipment.carrier, trackingNumber: shipment.trackingNumber },
  });
}
