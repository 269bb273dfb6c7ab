import { handleStripeWebhook } from "@/lib/checkout/webhook";
import { getDb } from "@/lib/db";
import { getStripe, getWebhookSecret } from "@/lib/payments/stripe";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  // The signature covers the exact bytes Stripe sent: read the raw text, never a re-serialised JSON.
  const rawBody = await request.text();
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
