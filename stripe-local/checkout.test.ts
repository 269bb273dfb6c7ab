import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StripeLocalServer, startStripeLocal } from "./server";
import {
  lineItem,
  localStripe,
  type ReceivedWebhook,
  startWebhookReceiver,
  submitCard,
  type WebhookReceiver,
} from "./testing";

const SECRET = "whsec_test_checkout_secret";
let nowMs = Date.now();
let receiver: WebhookReceiver;
let server: StripeLocalServer;
let stripe: Stripe;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  server = await startStripeLocal({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: SECRET,
    now: () => nowMs,
  });
  stripe = localStripe(server.port);
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});
beforeEach(() => {
  nowMs = Date.now();
});
afterEach(async () => {
  await server.control.webhooksIdle();
  receiver.received.length = 0;
});

function verified(hook: ReceivedWebhook): Stripe.Event {
  return stripe.webhooks.constructEvent(hook.body, hook.signature, SECRET);
}

function createSession(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [lineItem("Kite Phone 3", 49_900), lineItem("Kite <Band>", 1_999, 2)],
    success_url: "http://127.0.0.1:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1:3000/cart",
    client_reference_id: "order_1",
    metadata: { orderId: "order_1" },
    ...extra,
  });
}

function pageUrl(session: Stripe.Checkout.Session): string {
  if (!session.url) throw new Error("session has no url");
  return session.url;
}

describe("hosted checkout page", () => {
  it("shows the order summary, a labelled card field and the test cards", async () => {
    const session = await createSession();
    const response = await fetch(pageUrl(session));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("Kite Phone 3");
    expect(html).toContain("Kite &lt;Band&gt;");
    expect(html).not.toContain("<Band>");
    expect(html).toContain("$538.98");
    expect(html).toContain('<label for="card">Card number</label>');
    expect(html).toMatch(/<input id="card" name="card"[^>]*value=""/);
    expect(html).toContain("4242 4242 4242 4242");
    expect(html).toContain("4000 0000 0000 0002");
    expect(html).toContain(`href="/checkout/${session.id}/cancel"`);
    expect(html).not.toContain('role="alert"');
  });

  it("formats amounts in the session currency from minor units", async () => {
    const yen = await createSession({ line_items: [lineItem("Kite Pad", 39_800, 1, "jpy")] });
    expect(await (await fetch(pageUrl(yen))).text()).toContain("¥39,800");
  });

  it("pays with 4242, redirects to success_url and sends a signed checkout.session.completed", async () => {
    const session = await createSession({ payment_intent_data: { metadata: { holdId: "hold_9" } } });
    const response = await submitCard(pageUrl(session), "4242 4242 4242 4242", "fan@example.com");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `http://127.0.0.1:3000/checkout/success?session_id=${session.id}`,
    );

    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.customer_details?.email).toBe("fan@example.com");
    expect(paid.payment_intent).toMatch(/^pi_/);
    const intent = await stripe.paymentIntents.retrieve(String(paid.payment_intent));
    expect(intent).toMatchObject({
      status: "succeeded",
      amount: 53_898,
      amount_received: 53_898,
      currency: "usd",
      metadata: { orderId: "order_1", holdId: "hold_9" },
    });
    expect(intent.latest_charge).toMatch(/^ch_/);

    const hook = await receiver.waitFor((h) => h.type === "checkout.session.completed");
    const event = verified(hook);
    expect(event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      object: "event",
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    });
    const object = event.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({ id: session.id, payment_status: "paid", client_reference_id: "order_1" });
    expect(await stripe.events.retrieve(event.id)).toMatchObject({
      id: event.id,
      type: "checkout.session.completed",
    });
    const expanded = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    const expandedIntent = expanded.payment_intent as Stripe.PaymentIntent;
    expect(expandedIntent.id).toBe(intent.id);
    expect(expandedIntent.latest_charge).toMatchObject({ object: "charge", status: "succeeded", paid: true });
    expect(() => stripe.webhooks.constructEvent(hook.body, hook.signature, "whsec_wrong")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    const again = await submitCard(pageUrl(session), "4242424242424242");
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already been paid");
  });

  it("takes payment_intent_data[shipping] as Stripe documents it, shows it on the page and copies it to the PaymentIntent", async () => {
    const shipping = {
      name: "Li Wei",
      phone: "+8613800138000",
      address: {
        line1: "88 Jianguo Road, Building 3, Room 1201",
        line2: "Chaoyang",
        city: "Beijing",
        state: "Beijing",
        postal_code: "100022",
        country: "CN",
      },
    };
    const session = await createSession({ payment_intent_data: { shipping } });
    const page = await (await fetch(pageUrl(session))).text();
    expect(page).toContain("Shipping to");
    expect(page).toContain("88 Jianguo Road, Building 3, Room 1201");
    await submitCard(pageUrl(session), "4242 4242 4242 4242", "fan@example.com");
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    const intent = await stripe.paymentIntents.retrieve(String(paid.payment_intent));
    expect(intent.shipping).toEqual({ ...shipping, carrier: null, tracking_number: null });
  });

  it("refuses a shipping hash without its required name or line1, or with a key Stripe does not know", async () => {
    const address = { line1: "1 Keyuan Road", city: "Shenzhen", country: "CN" };
    const refused = async (shipping: unknown) => {
      const error = await createSession({
        payment_intent_data: { shipping } as Stripe.Checkout.SessionCreateParams.PaymentIntentData,
      }).then(
        () => null,
        (e: unknown) => e as Stripe.errors.StripeError,
      );
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      return error;
    };
    expect(await refused({ address })).toMatchObject({
      code: "parameter_missing",
      param: "payment_intent_data[shipping][name]",
    });
    expect(await refused({ name: "Li Wei", address: { city: "Shenzhen" } })).toMatchObject({
      code: "parameter_missing",
      param: "payment_intent_data[shipping][address][line1]",
    });
    expect(await refused({ name: "Li Wei", address: { ...address, district: "Nanshan" } })).toMatchObject({
      code: "parameter_unknown",
      param: "payment_intent_data[shipping][address][district]",
    });
    expect(await refused({ name: "Li Wei" })).toMatchObject({
      code: "parameter_missing",
      param: "payment_intent_data[shipping][address]",
    });
  });

  it("re-renders a declined card with an alert and leaves the session open", async () => {
    const session = await createSession();
    const response = await submitCard(pageUrl(session), "4000 0000 0000 0002");
    expect(response.status).toBe(402);
    const html = await response.text();
    expect(html).toMatch(/role="alert">Your card was declined\.</);
    expect(html).toContain('value="4000 0000 0000 0002"');

    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: "open", payment_status: "unpaid" });
    const intent = await stripe.paymentIntents.retrieve(String(after.payment_intent));
    expect(intent.status).toBe("requires_payment_method");
    expect(intent.last_payment_error?.decline_code).toBe("generic_decline");

    const insufficient = await submitCard(pageUrl(session), "4000000000009995");
    expect(await insufficient.text()).toContain("Your card has insufficient funds.");

    const unknown = await submitCard(pageUrl(session), "1234 5678 9012 3456");
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toMatch(/role="alert">Use a test card/);

    expect((await submitCard(pageUrl(session), "4242424242424242")).status).toBe(303);
    const retried = await stripe.paymentIntents.retrieve(String(after.payment_intent));
    expect(retried.status).toBe("succeeded");
    const completed = verified(await receiver.waitFor((h) => h.type === "checkout.session.completed"));
    expect(completed.data.object).toMatchObject({ id: session.id, status: "complete" });
  });

  it("cancels back to cancel_url and keeps the session open", async () => {
    const session = await createSession();
    const response = await fetch(`${pageUrl(session)}/cancel`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://127.0.0.1:3000/cart");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("refuses to pay an expired session", async () => {
    const session = await createSession();
    const url = pageUrl(session);
    await stripe.checkout.sessions.expire(session.id);
    expect(await (await fetch(url)).text()).toContain("has expired");
    const response = await submitCard(url, "4242424242424242");
    expect(response.status).toBe(409);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe("unpaid");
    expect((await fetch(`${server.url}/checkout/cs_test_unknown`)).status).toBe(404);
  });
});

describe("expiry", () => {
  it("expires sessions on the timer once expires_at passes and sends checkout.session.expired", async () => {
    const session = await createSession({ expires_at: Math.floor(nowMs / 1000) + 31 * 60 });
    nowMs += 31 * 60 * 1000;
    const hook = await receiver.waitFor((h) => h.type === "checkout.session.expired", 3_000);
    const event = verified(hook);
    expect(event.data.object as Stripe.Checkout.Session).toMatchObject({ id: session.id, status: "expired" });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
  });

  it("expires on read without waiting for the sweep", async () => {
    const session = await createSession();
    nowMs += 24 * 60 * 60 * 1000;
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
  });

  it("sends checkout.session.expired from the expire endpoint with the request that caused it", async () => {
    const session = await createSession();
    const expired = await stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: "expire-1" });
    const event = verified(await receiver.waitFor((h) => h.type === "checkout.session.expired"));
    expect(event.request).toEqual({ id: expired.lastResponse.requestId, idempotency_key: "expire-1" });
    expect(event.data.object).toMatchObject({ id: session.id, status: "expired" });
  });
});

describe("refunds", () => {
  it("refunds a payment intent in parts and sends charge.refunded each time", async () => {
    const session = await createSession();
    await submitCard(pageUrl(session), "4242424242424242");
    const intentId = String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent);

    const partial = await stripe.refunds.create({ payment_intent: intentId, amount: 1_999 });
    expect(partial).toMatchObject({
      object: "refund",
      status: "succeeded",
      amount: 1_999,
      payment_intent: intentId,
    });
    expect(partial.id).toMatch(/^re_/);
    const first = verified(await receiver.waitFor((h) => h.type === "charge.refunded"));
    expect(first.data.object).toMatchObject({
      refunded: false,
      amount_refunded: 1_999,
      payment_intent: intentId,
    });

    const rest = await stripe.refunds.create({ payment_intent: intentId });
    expect(rest.amount).toBe(53_898 - 1_999);
    const last = await receiver.waitFor(
      (h) => h.type === "charge.refunded" && (JSON.parse(h.body) as Stripe.Event).id !== first.id,
    );
    const charge = verified(last).data.object as Stripe.Charge;
    expect(charge).toMatchObject({
      object: "charge",
      refunded: true,
      amount_refunded: 53_898,
      payment_intent: intentId,
      metadata: { orderId: "order_1" },
    });

    expect(await stripe.refunds.retrieve(rest.id)).toEqual(rest);
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({
      refunded: true,
      amount_refunded: 53_898,
    });
    await expect(stripe.refunds.create({ payment_intent: intentId })).rejects.toMatchObject({
      code: "charge_already_refunded",
      statusCode: 400,
    });
  });

  it("rejects refunds for unpaid intents and amounts above what is left", async () => {
    const session = await createSession();
    await submitCard(pageUrl(session), "4000000000000002");
    const intentId = String((await stripe.checkout.sessions.retrieve(session.id)).payment_intent);
    await expect(stripe.refunds.create({ payment_intent: intentId })).rejects.toMatchObject({
      param: "payment_intent",
    });
    await submitCard(pageUrl(session), "4242424242424242");
    await expect(stripe.refunds.create({ payment_intent: intentId, amount: 53_899 })).rejects.toMatchObject({
      param: "amount",
      code: "amount_too_large",
    });
    await expect(stripe.refunds.create({ payment_intent: "pi_missing" })).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
