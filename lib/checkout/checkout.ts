import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { orderLines, orders, stripeEvents } from "@/db/schema";
import type { Db } from "@/lib/db";
import { type RetryOptions, withStripeRetry } from "@/lib/payments/stripe";
import {
  applyPayment,
  createOrderFromCart,
  listExpiredOrderIds,
  type PaymentOutcome,
  releaseOrder,
} from "./holds";

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes after creation. */
export const STRIPE_MIN_SESSION_SECONDS = 30 * 60;

export type StartCheckoutResult =
  | { ok: true; orderId: string; url: string }
  | { ok: false; code: "empty_cart" | "out_of_stock" | "payment_unavailable"; message: string };

export interface CheckoutDeps {
  db: Db;
  stripe: Stripe;
  retry?: RetryOptions;
  /** Real wall-clock seconds for Stripe's own expiry check, which the QA test clock does not move. */
  wallClockSeconds?: () => number;
}

/**
 * Cart → pending order with its stock held → Checkout Session. Stock is held first, in its own transaction;
 * Stripe is called after the commit with an idempotency key derived from the order, retried with back-off.
 * If Stripe keeps failing the hold is released at once and the shopper gets a message they can act on.
 */
export async function startCheckout(
  deps: CheckoutDeps,
  {
    userId,
    email,
    now,
    holdMinutes,
    origin,
  }: { userId: string; email: string; now: Date; holdMinutes: number; origin: string },
): Promise<StartCheckoutResult> {
  const created = await createOrderFromCart(deps.db, { userId, now, holdMinutes });
  if (!created.ok) return created;

  const lines = await deps.db
    .select({
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      unitPriceMinor: orderLines.unitPriceMinor,
      quantity: orderLines.quantity,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, created.orderId));

  const wallNow = deps.wallClockSeconds?.() ?? Math.floor(Date.now() / 1000);
  try {
    const session = await withStripeRetry(
      () =>
        deps.stripe.checkout.sessions.create(
          {
            mode: "payment",
            client_reference_id: created.orderId,
            customer_email: email,
            metadata: { orderId: created.orderId },
            payment_intent_data: { metadata: { orderId: created.orderId } },
            line_items: lines.map((line) => ({
              quantity: line.quantity,
              price_data: {
                currency: created.currency.toLowerCase(),
                unit_amount: line.unitPriceMinor,
                product_data: { name: line.productName, description: line.variantLabel || undefined },
              },
            })),
            success_url: `${origin}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
            cancel_url: `${origin}/checkout/cancel?order=${created.orderId}`,
            // Our hold is shorter than Stripe allows; the sweep expires the session when the hold ends.
            expires_at: wallNow + STRIPE_MIN_SESSION_SECONDS + 60,
          },
          { idempotencyKey: `checkout-session:${created.orderId}` },
        ),
      deps.retry,
    );
    if (!session.url) throw new Error("Checkout Session without a URL");
    await deps.db
      .update(orders)
      .set({ stripeSessionId: session.id, stripeSessionUrl: session.url })
      .where(and(eq(orders.id, created.orderId), eq(orders.status, "pending")));
    return { ok: true, orderId: created.orderId, url: session.url };
  } catch (error) {
    console.error("[checkout] could not create a Checkout Session", error);
    await releaseOrder(deps.db, { orderId: created.orderId, to: "cancelled", now });
    return {
      ok: false,
      code: "payment_unavailable",
      message: "Payments are busy right now and your items were put back. Please try again in a minute.",
    };
  }
}

/** Expires a Checkout Session whose hold was released, so it can no longer be paid. Best effort. */
export async function expireSession(deps: Pick<CheckoutDeps, "stripe" | "retry">, sessionId: string | null) {
  if (!sessionId) return;
  try {
    await withStripeRetry(() => deps.stripe.checkout.sessions.expire(sessionId), deps.retry);
  } catch (error) {
    // Already complete or expired: nothing left to stop.
    console.warn(`[checkout] could not expire ${sessionId}:`, (error as Error).message);
  }
}

/** Shopper left Stripe's page: their hold returns to stock at once (owner only). */
export async function cancelCheckout(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { orderId, userId, now }: { orderId: string; userId: string; now: Date },
): Promise<boolean> {
  const result = await releaseOrder(deps.db, { orderId, userId, to: "cancelled", now });
  if (result.released) await expireSession(deps, result.stripeSessionId);
  return result.released;
}

/**
 * Releases every hold that has run out by `now` and expires its session. Safe on several instances at once:
 * each release is conditional on the order still being pending.
 */
export async function sweepExpiredHolds(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { now, limit = 200 }: { now: Date; limit?: number },
): Promise<{ released: number }> {
  const ids = await listExpiredOrderIds(deps.db, { now, limit });
  let released = 0;
  for (const orderId of ids) {
    const result = await releaseOrder(deps.db, { orderId, to: "expired", now });
    if (result.released) {
      released++;
      await expireSession(deps, result.stripeSessionId);
    }
  }
  return { released };
}

export type FulfilResult = {
  outcome: PaymentOutcome | "duplicate_event" | "not_paid";
  orderId: string | null;
};

/**
 * The one fulfilment, used by the webhook and the success page alike. When `eventId` is given it is recorded in
 * the same transaction that applies the payment, so a crash between the two cannot lose or double an event.
 * A payment for stock that is gone is refunded through the SDK after the commit.
 */
export async function fulfilCheckoutSession(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  {
    session,
    eventId,
    eventType,
    now,
  }: { session: Stripe.Checkout.Session; eventId?: string; eventType?: string; now: Date },
): Promise<FulfilResult> {
  const orderId = session.client_reference_id ?? session.metadata?.orderId ?? null;
  const paymentIntentId =
    typeof session.payment_intent === "string"
      ? session.payment_intent
      : (session.payment_intent?.id ?? null);
  const result = await deps.db.transaction(async (tx): Promise<FulfilResult> => {
    if (eventId) {
      const [fresh] = await tx
        .insert(stripeEvents)
        .values({ id: eventId, type: eventType ?? "checkout.session.completed" })
        .onConflictDoNothing()
        .returning({ id: stripeEvents.id });
      if (!fresh) return { outcome: "duplicate_event", orderId };
    }
    if (!orderId || !/^[0-9a-f-]{36}$/i.test(orderId)) return { outcome: "unknown_order", orderId: null };
    if (session.payment_status !== "paid") return { outcome: "not_paid", orderId };
    return { outcome: await applyPayment(tx, { orderId, paymentIntentId, now }), orderId };
  });
  if (result.outcome === "refund_needed" && result.orderId && paymentIntentId) {
    await refundOrder(deps, { orderId: result.orderId, paymentIntentId });
  }
  return result;
}

/** Refunds a payment that arrived for stock that was gone. Idempotent per order. */
export async function refundOrder(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { orderId, paymentIntentId }: { orderId: string; paymentIntentId: string },
) {
  try {
    const refund = await withStripeRetry(
      () =>
        deps.stripe.refunds.create(
          { payment_intent: paymentIntentId, metadata: { orderId } },
          { idempotencyKey: `refund:${orderId}` },
        ),
      deps.retry,
    );
    await deps.db.update(orders).set({ stripeRefundId: refund.id }).where(eq(orders.id, orderId));
  } catch (error) {
    // Left with stripeRefundId null: the sweep route retries it.
    console.error(`[checkout] refund for order ${orderId} failed`, error);
  }
}

/** Applies `checkout.session.expired`: the hold goes back to stock unless the order already settled. */
export async function applySessionExpired(
  deps: Pick<CheckoutDeps, "db">,
  { session, eventId, now }: { session: Stripe.Checkout.Session; eventId: string; now: Date },
): Promise<"released" | "no_change" | "duplicate_event"> {
  const orderId = session.client_reference_id ?? session.metadata?.orderId ?? null;
  return deps.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(stripeEvents)
      .values({ id: eventId, type: "checkout.session.expired" })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (fresh.length === 0) return "duplicate_event";
    if (!orderId || !/^[0-9a-f-]{36}$/i.test(orderId)) return "no_change";
    // A savepoint inside this transaction: the event is recorded only if the release is applied too.
    const result = await releaseOrder(tx, { orderId, to: "expired", now });
    return result.released ? "released" : "no_change";
  });
}
