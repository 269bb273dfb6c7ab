import "server-only";
import type Stripe from "stripe";
import { readBodyBytes } from "@/lib/http/body";
import { applySessionExpired, type CheckoutDeps, fulfilCheckoutSession } from "./checkout";
import { syncRefundsFromStripe } from "./refunds";

export type WebhookOutcome = { status: 200 | 400 | 413 | 503; body: Record<string, unknown> };

/** Stripe's events are a few KB (a Checkout Session without its line items); anything near this is not one. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

/**
 * Reads a webhook's raw body without trusting it, through the store's bounded reader (lib/http/body.ts): a
 * Content-Length over the limit (or not a number) is refused before a byte is read, and a body without one
 * (chunked) is read only up to the limit. `null` means refused (answer 413). Decoded leniently: bytes that are not
 * UTF-8 go on to the signature check, which refuses them.
 */
export async function readWebhookBody(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<string | null> {
  const read = await readBodyBytes(request, limit);
  return read.ok ? Buffer.from(read.bytes).toString("utf8") : null;
}

/** The event types we apply; reconciliation lists exactly these from Stripe. */
export const APPLIED_EVENT_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.expired",
  "charge.refunded",
] as const;

/**
 * Applies one event that came from Stripe (a verified webhook, or Stripe's own event list), once. Fulfilment and
 * refunds re-read what they act on from Stripe; events we do not use are acknowledged.
 */
export async function applyStripeEvent(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { event, now }: { event: Stripe.Event; now: Date },
): Promise<Record<string, unknown>> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const claimed = event.data.object;
      const result = await fulfilCheckoutSession(deps, {
        sessionId: claimed.id,
        claimed: {
          paymentStatus: claimed.payment_status,
          amountTotal: claimed.amount_total,
          currency: claimed.currency,
          orderId: claimed.client_reference_id,
        },
        eventId: event.id,
        eventType: event.type,
        now,
      });
      return { received: true, outcome: result.outcome };
    }
    case "checkout.session.expired": {
      const outcome = await applySessionExpired(deps, { session: event.data.object, eventId: event.id, now });
      return { received: true, outcome };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const paymentIntentId =
        typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      if (!paymentIntentId) return { received: true, outcome: "no_payment_intent" };
      const outcome = await syncRefundsFromStripe(deps, {
        paymentIntentId,
        eventId: event.id,
        eventType: event.type,
        now,
      });
      return { received: true, outcome };
    }
    default:
      return { received: true, ignored: event.type };
  }
}

/**
 * Verifies a webhook on its raw body and applies it once. Anything that fails verification (signature, age,
 * malformed JSON) is a 400 and changes nothing; with no secret configured (production without
 * STRIPE_WEBHOOK_SECRET) every event is refused with 503 so Stripe keeps it, and reconciliation applies it.
 * Events we do not use are acknowledged with 200 so Stripe stops retrying them. An exception while applying
 * propagates: the route answers 500 and Stripe retries.
 */
export async function handleStripeWebhook(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  {
    rawBody,
    signature,
    secret,
    now,
  }: { rawBody: string; signature: string | null; secret: string | null; now: Date },
): Promise<WebhookOutcome> {
  if (!secret) {
    console.error("[payments:alert] webhook_secret_missing: set STRIPE_WEBHOOK_SECRET; events are refused");
    return { status: 503, body: { error: "Webhook secret not configured" } };
  }
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header" } };
  let event: Stripe.Event;
  try {
    // Stripe's default tolerance: a signature older than five minutes is refused as a replay.
    event = deps.stripe.webhooks.constructEvent(rawBody, signature, secret, 300);
  } catch (error) {
    return { status: 400, body: { error: `Webhook refused: ${(error as Error).message}` } };
  }
  return { status: 200, body: await applyStripeEvent(deps, { event, now }) };
}
