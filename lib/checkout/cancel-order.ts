import "server-only";
import { and, eq } from "drizzle-orm";
import { type OrderStatus, orders } from "@/db/schema";
import type { Db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { withStripeRetry } from "@/lib/payments/stripe";
import { type Failure, fail, ok, type Success } from "@/lib/result";
import { type CheckoutDeps, cancelCheckout, fulfilCheckoutSession } from "./checkout";

/*
 * A shopper cancels their own pending order from its page: the same path as leaving Stripe's page
 * (`cancelCheckout`: the hold goes back to stock at once in one conditional transaction, then the Checkout
 * Session is expired). A payment racing the cancel ends one consistent way: applied first, the cancel changes
 * nothing and says so; cancel first, Stripe can no longer take the money once the session is expired, and a
 * payment that got in before the expiry is honoured (or refunded when the units are gone) through the same
 * fulfilment as the webhook, right here if Stripe already reports it, else when the webhook arrives.
 */

export type CancelOrderDone = Success<{ message: string; orderId: string }>;

const notFound = () => fail("not_found", "We couldn't find that order in your account.");

async function readOrder(db: Db, { orderId, userId }: { orderId: string; userId: string }) {
  const [row] = await db
    .select({ status: orders.status, sessionId: orders.stripeSessionId })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
  return row ?? null;
}

/**
 * After a release: if the buyer paid on Stripe's page in the same moment, apply that payment now through the one
 * fulfilment (honoured while stock allows, else refunded) rather than answer "cancelled" for an order that is
 * about to be paid. When Stripe can't be asked, the webhook or reconciliation applies it later.
 */
async function settlePaymentRace(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { sessionId, now }: { sessionId: string; now: Date },
): Promise<void> {
  try {
    const session = await withStripeRetry(
      () => deps.stripe.checkout.sessions.retrieve(sessionId),
      deps.retry,
    );
    if (session.payment_status === "paid") {
      await fulfilCheckoutSession(deps, { sessionId, fromStripe: session, now });
    }
  } catch (error) {
    console.warn(`[checkout] could not re-read ${sessionId} after a cancel:`, (error as Error).message);
  }
}

function answerFor(orderId: string, status: OrderStatus): CancelOrderDone | Failure {
  switch (status) {
    case "cancelled":
      return ok({
        orderId,
        message: "Order cancelled. No payment was taken, and the items are back on sale.",
      });
    case "expired":
      return ok({ orderId, message: "This order had already expired: no payment was taken." });
    case "paid":
      return fail(
        "already_paid",
        "This order was paid before it could be cancelled, so it stands. If you don't want it, ask for a return once it arrives.",
      );
    case "refunded":
      return fail("refunded", "This order was paid and then refunded; the money goes back to your card.");
    default:
      return fail("conflict", "This order is changing right now. Reload the page and try again.");
  }
}

/** The owner cancels a pending order; an order that is no longer pending gets the answer for what it is now. */
export async function cancelPendingOrder(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { orderId, userId, now }: { orderId: string; userId: string; now: Date },
): Promise<CancelOrderDone | Failure> {
  if (!isUuid(orderId) || !isUuid(userId)) return notFound();
  const before = await readOrder(deps.db, { orderId, userId });
  if (!before) return notFound();
  if (before.status === "pending") {
    const released = await cancelCheckout(deps, { orderId, userId, now });
    if (released && before.sessionId) await settlePaymentRace(deps, { sessionId: before.sessionId, now });
  }
  const after = await readOrder(deps.db, { orderId, userId });
  return after ? answerFor(orderId, after.status) : notFound();
}
