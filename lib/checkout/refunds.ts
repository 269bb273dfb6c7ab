import "server-only";
import { and, asc, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { orderRefunds, orderReturns, orders, stripeEvents } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { enqueueRefundMail } from "@/lib/mail/events";
import {
  isRetryableStripeError,
  type RetryOptions,
  stripeErrorCode,
  withStripeRetry,
} from "@/lib/payments/stripe";
import { applyRefundToPoints } from "@/lib/points/ledger";
import { RETURN_REFUND_REASON } from "@/lib/returns/rules";
import { expireReviewsOfOrder } from "@/lib/reviews/cached";
import { recordIncident } from "./incidents";

interface RefundDeps {
  db: Db;
  stripe: Stripe;
  retry?: RetryOptions;
}

/** A refund that failed is tried again after this long, doubling per attempt up to an hour. */
const REFUND_RETRY_BASE_MS = 30_000;
const REFUND_RETRY_MAX_MS = 60 * 60_000;

/** What the buyer reads in the refund mail when the store refunded by itself (payment after the stock was gone). */
const SOLD_OUT_REFUND_REASON =
  "Your payment arrived after the last units had been sold, so we could not complete the order and returned your money in full.";

/** Stripe's refund statuses that mean the money is on its way back (a mail is sent once per such refund). */
const MONEY_RETURNED = new Set(["succeeded", "pending"]);

/**
 * Records refunds by their Stripe id (once each; a later sighting only updates the status) and points the order
 * at the first one, which is what tells the sweep that nothing more is owed. Each refund that returns money
 * enqueues one mail to the buyer (keyed by the refund id) in the same transaction, and the points the order
 * earned and used move back in proportion (lib/points/ledger.ts).
 */
export async function recordRefunds(
  tx: Tx,
  {
    orderId,
    refunds,
    source,
    reason,
  }: {
    orderId: string;
    refunds: Stripe.Refund[];
    source: "store" | "stripe";
    /** Why, for the buyer's mail; else the refund's own `buyerNote` (the store's refunds carry one), else none. */
    reason?: string;
  },
): Promise<void> {
  if (refunds.length === 0) return;
  for (const refund of refunds) {
    if (MONEY_RETURNED.has(refund.status ?? "succeeded")) {
      await enqueueRefundMail({
        tx,
        orderId,
        refund: {
          id: refund.id,
          amountMinor: refund.amount,
          currency: refund.currency.toUpperCase(),
          createdAt: new Date(refund.created * 1000),
        },
        reason: reason ?? (refund.metadata?.buyerNote || undefined),
      });
    }
    await tx
      .insert(orderRefunds)
      .values({
        id: refund.id,
        orderId,
        amountMinor: refund.amount,
        currency: refund.currency.toUpperCase(),
        status: refund.status ?? "succeeded",
        source,
        createdAt: new Date(refund.created * 1000),
      })
      .onConflictDoUpdate({ target: orderRefunds.id, set: { status: refund.status ?? "succeeded" } });
  }
  const oldest = [...refunds].sort((a, b) => a.created - b.created)[0];
  await tx
    .update(orders)
    .set({ stripeRefundId: sql`coalesce(${orders.stripeRefundId}, ${oldest?.id ?? null})` })
    .where(eq(orders.id, orderId));
  await applyRefundToPoints(tx, { orderId });
  await expireReviewsOfOrder(tx, { orderId });
}

async function listRefunds(deps: RefundDeps, paymentIntentId: string): Promise<Stripe.Refund[]> {
  const refunds: Stripe.Refund[] = [];
  let startingAfter: string | undefined;
  for (;;) {
    const page = await withStripeRetry(
      () =>
        deps.stripe.refunds.list({
          payment_intent: paymentIntentId,
          limit: 100,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      deps.retry,
    );
    refunds.push(...page.data);
    startingAfter = page.data.at(-1)?.id;
    if (!page.has_more || !startingAfter) return refunds;
  }
}

export type RefundSyncOutcome = "recorded" | "refunded" | "duplicate_event" | "unknown_order";

/**
 * `charge.refunded` (from the webhook or reconciliation), or a refund Stripe says already happened: re-reads the
 * PaymentIntent's refunds from Stripe rather than trusting an event body, records each with its id, and marks a
 * paid order refunded once the refunds cover it. The event id is recorded in the same transaction.
 */
export async function syncRefundsFromStripe(
  deps: RefundDeps,
  {
    paymentIntentId,
    eventId,
    eventType,
    now,
  }: { paymentIntentId: string; eventId?: string; eventType?: string; now: Date },
): Promise<RefundSyncOutcome> {
  const refunds = await listRefunds(deps, paymentIntentId);
  return deps.db.transaction(async (tx): Promise<RefundSyncOutcome> => {
    if (eventId) {
      const [fresh] = await tx
        .insert(stripeEvents)
        .values({ id: eventId, type: eventType ?? "charge.refunded" })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id });
      if (!fresh) return "duplicate_event";
    }
    const [order] = await tx
      .select({ id: orders.id, status: orders.status, totalMinor: orders.totalMinor })
      .from(orders)
      .where(eq(orders.stripePaymentIntentId, paymentIntentId))
      .for("update");
    if (!order) return "unknown_order";
    await recordRefunds(tx, { orderId: order.id, refunds, source: "stripe" });
    const refunded = refunds
      .filter((r) => r.status === "succeeded" || r.status === "pending")
      .reduce((sum, r) => sum + r.amount, 0);
    if (refunded >= order.totalMinor && order.status === "paid") {
      // Refunded in full elsewhere (the dashboard): the order shows it. Stock is not returned automatically.
      await tx
        .update(orders)
        .set({ status: "refunded", closedAt: now })
        .where(and(eq(orders.id, order.id), eq(orders.status, "paid")));
      return "refunded";
    }
    return "recorded";
  });
}

export type RefundOutcome = "refunded" | "already_refunded" | "failed";

/**
 * The refund the store asks Stripe for. The buyer's reason travels in its metadata (`buyerNote`, at most 500
 * characters as Stripe allows), because Stripe's `charge.refunded` webhook may be recorded before the store's own
 * answer is: the mail, written once by whichever comes first, then says why either way.
 */
export function storeRefundParams({
  orderId,
  paymentIntentId,
  reason,
}: {
  orderId: string;
  paymentIntentId: string;
  reason: string;
}): Stripe.RefundCreateParams {
  return { payment_intent: paymentIntentId, metadata: { orderId, buyerNote: reason.slice(0, 500) } };
}

/**
 * Refunds a payment we owe (it arrived for stock that was gone, or the order's return was approved), idempotent
 * per order (one Stripe idempotency key per order: a second call, a racing approval or the sweep's retry gets the
 * same refund back), and records the refund; `reason` is what the buyer's refund mail says.
 * If Stripe says the charge is already refunded (by the dashboard, or a lost answer), those refunds are recorded
 * instead. Any other failure is retried by the sweep after a growing delay; a final refusal is also an incident.
 */
export async function refundOrder(
  deps: RefundDeps,
  {
    orderId,
    paymentIntentId,
    now = new Date(),
    reason = SOLD_OUT_REFUND_REASON,
  }: { orderId: string; paymentIntentId: string; now?: Date; reason?: string },
): Promise<RefundOutcome> {
  try {
    const refund = await withStripeRetry(
      () =>
        deps.stripe.refunds.create(storeRefundParams({ orderId, paymentIntentId, reason }), {
          idempotencyKey: `refund:${orderId}`,
        }),
      deps.retry,
    );
    await deps.db.transaction((tx) =>
      recordRefunds(tx, { orderId, refunds: [refund], source: "store", reason }),
    );
    return "refunded";
  } catch (error) {
    if (stripeErrorCode(error) === "charge_already_refunded") {
      await syncRefundsFromStripe(deps, { paymentIntentId, now });
      return "already_refunded";
    }
    const final = !isRetryableStripeError(error);
    const [row] = await deps.db
      .update(orders)
      .set({ refundAttempts: sql`${orders.refundAttempts} + 1` })
      .where(eq(orders.id, orderId))
      .returning({ attempts: orders.refundAttempts });
    const attempts = row?.attempts ?? 1;
    const delay = final
      ? REFUND_RETRY_MAX_MS
      : Math.min(REFUND_RETRY_MAX_MS, REFUND_RETRY_BASE_MS * 2 ** attempts);
    await deps.db
      .update(orders)
      .set({ refundNextAttemptAt: new Date(now.getTime() + delay) })
      .where(eq(orders.id, orderId));
    if (final) {
      await recordIncident(deps.db, {
        kind: "refund_failed",
        orderId,
        detail: { paymentIntentId, code: stripeErrorCode(error) ?? null, message: (error as Error).message },
      });
    } else {
      console.error(`[checkout] refund for order ${orderId} failed; the sweep retries it`, error);
    }
    return "failed";
  }
}

/**
 * The sweep's part: refunds still owed (owed, none recorded, due for another try), oldest first, so a few that
 * keep failing never starve the ones behind them.
 */
export async function retryOwedRefunds(
  deps: RefundDeps,
  { now, limit = 50 }: { now: Date; limit?: number },
): Promise<{ retried: number; refunded: number }> {
  const owed = await deps.db
    .select({
      id: orders.id,
      paymentIntentId: orders.stripePaymentIntentId,
      // An approved return owes the refund too; its mail says why in its own words.
      // Spelled out: drizzle leaves columns unqualified in a select without joins, which the subquery would misread.
      returned: sql<boolean>`exists (select 1 from ${orderReturns} r where r.order_id = "orders"."id" and r.status = 'approved')`,
    })
    .from(orders)
    .where(
      and(
        isNotNull(orders.refundOwedAt),
        isNull(orders.stripeRefundId),
        isNotNull(orders.stripePaymentIntentId),
        or(isNull(orders.refundNextAttemptAt), lte(orders.refundNextAttemptAt, now)),
      ),
    )
    .orderBy(asc(orders.refundOwedAt))
    .limit(limit);
  let refunded = 0;
  for (const order of owed) {
    if (!order.paymentIntentId) continue;
    const outcome = await refundOrder(deps, {
      orderId: order.id,
      paymentIntentId: order.paymentIntentId,
      now,
      ...(order.returned ? { reason: RETURN_REFUND_REASON } : {}),
    });
    if (outcome !== "failed") refunded++;
  }
  return { retried: owed.length, refunded };
}
