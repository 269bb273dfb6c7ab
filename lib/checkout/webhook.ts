import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { orders, stripeEvents } from "@/db/schema";
import { applySessionExpired, type CheckoutDeps, fulfilCheckoutSession } from "./checkout";

export type WebhookOutcome = { status: 200 | 400; body: Record<string, unknown> };

/**
 * Verifies a webhook on its raw body and applies it once. Anything that fails verification (signature, age,
 * malformed JSON) is a 400 and changes nothing. Events we do not use are acknowledged with 200 so Stripe stops
 * retrying them. An exception while applying propagates: the route answers 500 and Stripe retries.
 */
export async function handleStripeWebhook(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  {
    rawBody,
    signature,
    secret,
    now,
  }: { rawBody: string; signature: string | null; secret: string; now: Date },
): Promise<WebhookOutcome> {
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header" } };
  let event: Stripe.Event;
  try {
    // Stripe's default tolerance: a signature older than five minutes is refused as a replay.
    event = deps.stripe.webhooks.constructEvent(rawBody, signature, secret, 300);
  } catch (error) {
    return { status: 400, body: { error: `Webhook refused: ${(error as Error).message}` } };
  }

  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const result = await fulfilCheckoutSession(deps, {
        session: event.data.object,
        eventId: event.id,
        eventType: event.type,
        now,
      });
      return { status: 200, body: { received: true, outcome: result.outcome } };
    }
    case "checkout.session.expired": {
      const outcome = await applySessionExpired(deps, { session: event.data.object, eventId: event.id, now });
      return { status: 200, body: { received: true, outcome } };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const paymentIntentId =
        typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      await deps.db.transaction(async (tx) => {
        const [fresh] = await tx
          .insert(stripeEvents)
          .values({ id: event.id, type: event.type })
          .onConflictDoNothing()
          .returning({ id: stripeEvents.id });
        if (!fresh || !paymentIntentId || !charge.refunded) return;
        // A refund made in Stripe's dashboard: the order shows it. Stock is not returned automatically.
        await tx
          .update(orders)
          .set({ status: "refunded", closedAt: now })
          .where(and(eq(orders.stripePaymentIntentId, paymentIntentId), eq(orders.status, "paid")));
      });
      return { status: 200, body: { received: true } };
    }
    default:
      return { status: 200, body: { received: true, ignored: event.type } };
  }
}
