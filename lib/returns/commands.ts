import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import { orderFulfilment, orderReturns, orders, users } from "@/db/schema";
import { type Actor, writeAudit } from "@/lib/audit/log";
import { restockReturnedOrder } from "@/lib/checkout/holds";
import { refundOrder } from "@/lib/checkout/refunds";
import type { Db, Tx } from "@/lib/db";
import { inTransactionById, isUuid, orderNumber } from "@/lib/ids";
import { enqueueReturnMail } from "@/lib/mail/events";
import type { RetryOptions } from "@/lib/payments/stripe";
import { type Failure, fail, ok, parseWith, Refusal, refusable, type Success } from "@/lib/result";
import {
  ALREADY_REQUESTED,
  checkReturnEligibility,
  RETURN_REFUND_REASON,
  refusalSchema,
  returnReasonLabel,
  returnRequestSchema,
} from "./rules";

/*
 * Returns as commands, each one transaction. The owner's request reads the order share-locked and inserts the
 * return; the partial unique index (one live return per order) turns a second request, even one racing the first,
 * into a typed refusal. The console's decisions are compare-and-sets on the return's status: of two marketers
 * approving at once exactly one changes the row, and only that one asks Stripe for the refund (itself idempotent per
 * order). "Received" is a compare-and-set on `received_at is null`, so the units go back to stock once.
 */

export type ReturnDone = Success<{ message: string; orderId: string; returnId: string; changed: boolean }>;

const orderNotFound = () => fail("not_found", "We couldn't find that order in your account.");
const returnNotFound = () =>
  fail("not_found", "There is no return with that number. Reload the order page and try again.");

/** The owner asks to return a whole order (see ./rules.ts for why whole orders). */
/** What checkReturnEligibility reads of an order, with its fulfilment joined. */
const eligibilityColumns = {
  payment: orders.status,
  shippedAt: orderFulfilment.shippedAt,
  deliveredAt: orderFulfilment.deliveredAt,
};

export async function requestReturn(
  db: Db,
  input: { orderId: string; userId: string; reason: string; note: string; now: Date },
): Promise<ReturnDone | Failure> {
  const { orderId, userId, now } = input;
  if (!isUuid(orderId) || !isUuid(userId)) return orderNotFound();
  const parsed = parseWith(returnRequestSchema, { reason: input.reason, note: input.note });
  if (!parsed.ok) return parsed;
  const { reason, note } = parsed.data;
  return refusable(() =>
    db.transaction(async (tx) => {
      const [order] = await tx
        .select({ ...eligibilityColumns, email: users.email })
        .from(orders)
        .innerJoin(users, eq(users.id, orders.userId))
        .leftJoin(orderFulfilment, eq(orderFulfilment.orderId, orders.id))
        .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
        .for("share", { of: orders });
      if (!order) return orderNotFound();
      const latest = await latestReturn(tx, orderId);
      const eligible = checkReturnEligibility({ ...order, latest, now });
      if (!eligible.ok) return eligible;
      const [row] = await tx
        .insert(orderReturns)
        .values({ orderId, userId, reason, note, requestedAt: now })
        .onConflictDoNothing()
        .returning({ id: orderReturns.id });
      // A request that committed between our read and our insert: the unique index kept it to one.
      if (!row) throw new Refusal(fail("already_requested", ALREADY_REQUESTED));
      const label = returnReasonLabel(reason);
      await writeAudit(tx, {
        actor: { id: userId, email: order.email },
        action: "return.request",
        entityType: "order",
        entityId: orderId,
        summary: `${order.email} asked to return order ${orderNumber(orderId)}: ${label}`,
        diff: { return: { from: null, to: "requested" }, reason: { from: null, to: label } },
      });
      await enqueueReturnMail({
        tx,
        orderId,
        returnId: row.id,
        reasonLabel: label,
        at: now,
        event: { kind: "return_requested" },
      });
      return ok({
        orderId,
        returnId: row.id,
        changed: true,
        message: "Return requested. We've sent you a confirmation and will answer within two working days.",
      });
    }),
  );
}

async function latestReturn(tx: Tx, orderId: string) {
  const [row] = await tx
    .select({ status: orderReturns.status, receivedAt: orderReturns.receivedAt })
    .from(orderReturns)
    .where(eq(orderReturns.orderId, orderId))
    .orderBy(desc(orderReturns.requestedAt))
    .limit(1);
  return row ?? null;
}

/** A return as the console's answers need it, with who decided it. */
async function readReturn(tx: Tx | Db, returnId: string) {
  const [row] = await tx
    .select({
      id: orderReturns.id,
      orderId: orderReturns.orderId,
      status: orderReturns.status,
      reason: orderReturns.reason,
      receivedAt: orderReturns.receivedAt,
      decidedBy: users.email,
    })
    .from(orderReturns)
    .leftJoin(users, eq(users.id, orderReturns.decidedById))
    .where(eq(orderReturns.id, returnId));
  return row ?? null;
}
type ReturnRow = NonNullable<Awaited<ReturnType<typeof readReturn>>>;

/** The answer to a decision that found the return already decided (another marketer, a double click). */
function answerDecided(current: ReturnRow, wanted: "approved" | "refused"): ReturnDone | Failure {
  const by = current.decidedBy ? ` by ${current.decidedBy}` : "";
  const same = { orderId: current.orderId, returnId: current.id, changed: false };
  if (current.status === wanted) {
    return ok({ ...same, message: `This return was already ${wanted}${by}; nothing changed.` });
  }
  return fail(
    current.status === "approved" ? "already_approved" : "already_refused",
    `This return was already ${current.status}${by}, so it can't be ${wanted} now. Reload the page to see it.`,
  );
}

export interface ReturnRefundDeps {
  db: Db;
  stripe: Stripe;
  retry?: RetryOptions;
}

/**
 * Approves a requested return: in one transaction the return becomes approved, the paid order becomes refunded with
 * the refund owed (as the checkout does for a payment it can't honour, so the sweep retries a refund Stripe did not
 * take), the audit entry and the fan's mail are written. Then the refund goes through lib/checkout/refunds.ts.
 */
export async function approveReturn(
  deps: ReturnRefundDeps,
  { actor, returnId, now }: { actor: Actor; returnId: string; now: Date },
): Promise<ReturnDone | Failure> {
  if (!isUuid(returnId)) return returnNotFound();
  const decided = await refusable(() =>
    deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(orderReturns)
        .set({ status: "approved", decidedAt: now, decidedById: actor.id })
        .where(and(eq(orderReturns.id, returnId), eq(orderReturns.status, "requested")))
        .returning({ orderId: orderReturns.orderId, reason: orderReturns.reason });
      if (!row) {
        const current = await readReturn(tx, returnId);
        return current ? answerDecided(current, "approved") : returnNotFound();
      }
      const [order] = await tx
        .update(orders)
        .set({ status: "refunded", closedAt: now, refundOwedAt: now })
        .where(and(eq(orders.id, row.orderId), eq(orders.status, "paid")))
        .returning({ paymentIntentId: orders.stripePaymentIntentId });
      if (!order) {
        throw new Refusal(
          fail(
            "not_refundable",
            "This order is no longer a paid order (it was refunded another way), so approving would refund nothing. Refuse the return and say so.",
          ),
        );
      }
      await recordDecision(tx, { actor, orderId: row.orderId, returnId, reason: row.reason, now });
      return ok({ orderId: row.orderId, returnId, changed: true, paymentIntentId: order.paymentIntentId });
    }),
  );
  if (!decided.ok || !("paymentIntentId" in decided)) return decided;
  const { orderId, paymentIntentId } = decided;
  const outcome = paymentIntentId
    ? await refundOrder(deps, { orderId, paymentIntentId, now, reason: RETURN_REFUND_REASON })
    : "failed";
  const message =
    outcome === "failed"
      ? "Return approved. The refund didn't go through yet; it is retried automatically and the buyer is mailed when it does."
      : "Return approved and the order refunded in full. The buyer gets a mail for each.";
  return ok({ orderId, returnId, changed: true, message });
}

async function recordDecision(
  tx: Tx,
  input: {
    actor: Actor;
    orderId: string;
    returnId: string;
    reason: string;
    now: Date;
    refusalReason?: string;
  },
): Promise<void> {
  const { actor, orderId, returnId, now, refusalReason } = input;
  const label = returnReasonLabel(input.reason);
  const number = orderNumber(orderId);
  await writeAudit(tx, {
    actor,
    action: refusalReason ? "return.refuse" : "return.approve",
    entityType: "order",
    entityId: orderId,
    summary: refusalReason
      ? `Refused the return of order ${number}: ${refusalReason}`
      : `Approved the return of order ${number} (${label}) and refunded it`,
    diff: {
      return: { from: "requested", to: refusalReason ? "refused" : "approved" },
      ...(refusalReason ? { refusalReason: { from: null, to: refusalReason } } : {}),
    },
  });
  await enqueueReturnMail({
    tx,
    orderId,
    returnId,
    reasonLabel: label,
    at: now,
    event: refusalReason ? { kind: "return_refused", refusalReason } : { kind: "return_approved" },
  });
}

/** Refuses a requested return with a reason the fan reads (in the order page and by mail). */
export async function refuseReturn(
  db: Db,
  input: { actor: Actor; returnId: string; refusalReason: string; now: Date },
): Promise<ReturnDone | Failure> {
  const { actor, returnId, now } = input;
  if (!isUuid(returnId)) return returnNotFound();
  const parsed = parseWith(refusalSchema, { refusalReason: input.refusalReason });
  if (!parsed.ok) return parsed;
  const { refusalReason } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(orderReturns)
      .set({ status: "refused", decidedAt: now, decidedById: actor.id, refusalReason })
      .where(and(eq(orderReturns.id, returnId), eq(orderReturns.status, "requested")))
      .returning({ orderId: orderReturns.orderId, reason: orderReturns.reason });
    if (!row) {
      const current = await readReturn(tx, returnId);
      return current ? answerDecided(current, "refused") : returnNotFound();
    }
    await recordDecision(tx, {
      actor,
      orderId: row.orderId,
      returnId,
      reason: row.reason,
      now,
      refusalReason,
    });
    return ok({
      orderId: row.orderId,
      returnId,
      changed: true,
      message: "Return refused. The buyer gets a mail with your reason.",
    });
  });
}

/** Answers a receipt that changed nothing, from what the return is now. */
function answerNotReceived(current: ReturnRow): ReturnDone | Failure {
  if (current.receivedAt) {
    return ok({
      orderId: current.orderId,
      returnId: current.id,
      changed: false,
      message: "Already received; the units went back once.",
    });
  }
  if (current.status === "requested") {
    return fail("not_approved", "Approve this return before marking its parcel received.");
  }
  if (current.status === "refused") {
    return fail("already_refused", "This return was refused, so there is no parcel to receive.");
  }
  return fail("conflict", "Someone else is changing this return right now. Reload the page and try again.");
}

/** The compare-and-set of a receipt: the order id when this transaction marked the parcel received. */
async function markReceived(tx: Tx, { returnId, now }: { returnId: string; now: Date }) {
  const [row] = await tx
    .update(orderReturns)
    .set({ receivedAt: now })
    .where(
      and(
        eq(orderReturns.id, returnId),
        eq(orderReturns.status, "approved"),
        isNull(orderReturns.receivedAt),
      ),
    )
    .returning({ orderId: orderReturns.orderId });
  return row ?? null;
}

/** The parcel came back: the units go back on sale, once. Only an approved return can be received. */
export async function receiveReturn(
  db: Db,
  { actor, returnId, now }: { actor: Actor; returnId: string; now: Date },
): Promise<ReturnDone | Failure> {
  return inTransactionById(db, returnId, returnNotFound, async (tx) => {
    let row = await markReceived(tx, { returnId, now });
    if (!row) {
      const current = await readReturn(tx, returnId);
      if (!current) return returnNotFound();
      // An approval that committed while our update skipped the row (it was still `requested` then): try again.
      if (current.status === "approved" && !current.receivedAt)
        row = await markReceived(tx, { returnId, now });
      if (!row) return answerNotReceived(current);
    }
    const units = await restockReturnedOrder(tx, { orderId: row.orderId, now });
    await writeAudit(tx, {
      actor,
      action: "return.receive",
      entityType: "order",
      entityId: row.orderId,
      summary: `Received the returned parcel of order ${orderNumber(row.orderId)}; ${units} ${units === 1 ? "unit" : "units"} back on sale`,
      diff: { returnReceived: { from: null, to: now.toISOString() }, unitsRestocked: { from: 0, to: units } },
    });
    const message = `Received. ${units} ${units === 1 ? "unit is" : "units are"} back on sale.`;
    return ok({ orderId: row.orderId, returnId, changed: true, message });
  });
}
