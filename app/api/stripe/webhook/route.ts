import { handleStripeWebhook, readWebhookBody } from "@/lib/checkout/webhook";
import { getDb } from "@/lib/db";
import { getStripe, getWebhookSecret } from "@/lib/payments/stripe";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  // The signature covers the exact bytes Stripe sent: read the raw text, never a re-serialised JSON. Unsigned
  // callers can reach this route, so the size is checked before any signature work (and before reading on).
  const rawBody = await readWebhookBody(request);
  if (rawBody === null) return Response.json({ error: "Payload too large" }, { status: 413 });
  try {
    const outcome = await handleStripeWebhook(
      { db: await getDb(), stripe: getStripe() },
      {
        rawBody,
        signature: request.headers.get("stripe-signature"),
        secret: getWebhookSecret(),
        now: new Date(),
      },
    );
    return Response.json(outcome.body, { status: outcome.status });
  } catch (error) {
    console.error("[webhook] failed to apply event; Stripe will retry", error);
    return Response.json({ error: "temporary failure" }, { status: 500 });
  }
}
