import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_API_VERSION, type StripeLocalServer, startStripeLocal } from "./server";
import { lineItem, localStripe } from "./testing";

const START = Date.UTC(2030, 0, 15, 12, 0, 0);
let nowMs = START;
let server: StripeLocalServer;
let stripe: Stripe;

beforeAll(async () => {
  server = await startStripeLocal({ port: 0, now: () => nowMs, writeRateLimit: 0 });
  stripe = localStripe(server.port);
});
afterAll(() => server.close());
beforeEach(() => {
  nowMs = START;
});

const nowSeconds = () => Math.floor(nowMs / 1000);

function baseSession(
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [lineItem("Kite Phone 3", 49_900)],
    success_url: "http://127.0.0.1:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1:3000/cart",
    ...extra,
  };
}

describe("checkout sessions", () => {
  it("creates, retrieves and expires a session with Stripe's fields", async () => {
    const created = await stripe.checkout.sessions.create(
      baseSession({
        line_items: [lineItem("Kite Band", 1_999, 2), lineItem("Charger", 500)],
        client_reference_id: "order_42",
        customer_email: "fan@example.com",
        metadata: { orderId: "order_42", holdId: "hold_7" },
      }),
    );
    expect(created.id).toMatch(/^cs_test_[A-Za-z0-9]{20,}$/);
    expect(created).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      amount_total: 4_498,
      currency: "usd",
      client_reference_id: "order_42",
      customer_email: "fan@example.com",
      metadata: { orderId: "order_42", holdId: "hold_7" },
      success_url: "http://127.0.0.1:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://127.0.0.1:3000/cart",
      payment_intent: null,
      livemode: false,
      created: nowSeconds(),
      expires_at: nowSeconds() + 24 * 60 * 60,
      url: `${server.url}/checkout/${created.id}`,
    });

    const retrieved = await stripe.checkout.sessions.retrieve(created.id);
    expect(retrieved).toEqual(created);

    const expired = await stripe.checkout.sessions.expire(created.id);
    expect(expired).toMatchObject({ id: created.id, status: "expired", payment_status: "unpaid", url: null });

    const again = stripe.checkout.sessions.expire(created.id);
    await expect(again).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(again).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('"expired"'),
    });
  });

  it("decodes nested form parameters the way the SDK encodes them", async () => {
    const created = await stripe.checkout.sessions.create(
      baseSession({
        line_items: [
          {
            price_data: {
              currency: "EUR",
              unit_amount: 12_345,
              product_data: {
                name: "Kite Buds & Case [white]",
                description: "Noise cancelling, 30 h = 1 week",
                images: ["https://example.com/a.png?x=1&y=2", "https://example.com/b.png"],
              },
            },
            quantity: 3,
          },
          lineItem("Gift wrap", 0, 1, "eur"),
        ],
        metadata: { "key with spaces": "a+b=c&d", unicode: "Grüße 🪁", empty: "" },
      }),
    );
    expect(created.metadata).toEqual({ "key with spaces": "a+b=c&d", unicode: "Grüße 🪁" });
    expect(created.currency).toBe("eur");
    expect(created.amount_total).toBe(37_035);

    const items = await stripe.checkout.sessions.listLineItems(created.id);
    expect(items.data).toHaveLength(2);
    expect(items.data[0]).toMatchObject({
      object: "item",
      description: "Kite Buds & Case [white]",
      quantity: 3,
      amount_total: 37_035,
      currency: "eur",
      price: { object: "price", unit_amount: 12_345, currency: "eur" },
    });

    const page = await stripe.checkout.sessions.listLineItems(created.id, { limit: 1 });
    expect(page.has_more).toBe(true);
    const expanded = await stripe.checkout.sessions.retrieve(created.id, { expand: ["line_items"] });
    expect(expanded.line_items?.data.map((item) => item.description)).toEqual([
      "Kite Buds & Case [white]",
      "Gift wrap",
    ]);
  });

  it("checks expires_at against Stripe's 30 minute to 24 hour window", async () => {
    for (const offset of [29 * 60, 24 * 60 * 60 + 1]) {
      const attempt = stripe.checkout.sessions.create(baseSession({ expires_at: nowSeconds() + offset }));
      await expect(attempt).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      await expect(attempt).rejects.toMatchObject({ param: "expires_at", statusCode: 400 });
    }
    const shortest = await stripe.checkout.sessions.create(
      baseSession({ expires_at: nowSeconds() + 30 * 60 }),
    );
    expect(shortest.expires_at).toBe(nowSeconds() + 30 * 60);
  });

  it("answers bad parameters with Stripe's codes and params", async () => {
    const noMode = stripe.checkout.sessions.create({ ...baseSession(), mode: undefined });
    await expect(noMode).rejects.toMatchObject({ code: "parameter_missing", param: "mode", statusCode: 400 });

    const unknown = stripe.checkout.sessions.create({
      ...baseSession(),
      colour: "red",
    } as Stripe.Checkout.SessionCreateParams);
    await expect(unknown).rejects.toMatchObject({ code: "parameter_unknown", param: "colour" });

    const badAmount = stripe.checkout.sessions.create(
      baseSession({
        line_items: [
          { price_data: { currency: "usd", unit_amount: -5, product_data: { name: "x" } }, quantity: 1 },
        ],
      }),
    );
    await expect(badAmount).rejects.toMatchObject({ param: "line_items[0][price_data][unit_amount]" });

    const subscription = stripe.checkout.sessions.create(baseSession({ mode: "subscription" }));
    await expect(subscription).rejects.toMatchObject({ param: "mode", statusCode: 400 });

    const missing = stripe.checkout.sessions.retrieve("cs_test_nope");
    await expect(missing).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(missing).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "session",
    });

    const intent = stripe.paymentIntents.retrieve("pi_nope");
    await expect(intent).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

describe("authentication and headers", () => {
  it("answers 401 without an API key or with a non-test key", async () => {
    const response = await fetch(`${server.url}/v1/checkout/sessions/cs_test_x`);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("did not provide an API key");

    const live = localStripe(server.port, "sk_live_not-a-real-key");
    await expect(live.checkout.sessions.create(baseSession())).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );

    const basic = await fetch(`${server.url}/v1/payment_intents/pi_x`, {
      headers: { authorization: `Basic ${Buffer.from("sk_test_local:").toString("base64")}` },
    });
    expect(basic.status).toBe(404);
  });

  it("echoes Stripe-Version and sends a request id", async () => {
    const created = await stripe.checkout.sessions.create(baseSession());
    expect(created.lastResponse.headers["stripe-version"]).toBe(DEFAULT_API_VERSION);
    expect(created.lastResponse.requestId).toMatch(/^req_/);

    const response = await fetch(`${server.url}/v1/checkout/sessions/${created.id}`, {
      headers: { authorization: "Bearer sk_test_local", "stripe-version": "2024-06-20" },
    });
    expect(response.headers.get("stripe-version")).toBe("2024-06-20");
  });

  it("answers unknown URLs with a 404 invalid_request_error", async () => {
    await expect(stripe.customers.create({ email: "a@example.com" })).rejects.toMatchObject({
      statusCode: 404,
      type: "StripeInvalidRequestError",
    });
  });
});

describe("idempotency", () => {
  it("replays the first response for the same key and parameters", async () => {
    const before = server.control.state().sessionsCreated;
    const params = baseSession({ metadata: { orderId: "o1" } });
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: "checkout-o1" });
    const second = await stripe.checkout.sessions.create(params, { idempotencyKey: "checkout-o1" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(server.control.state().sessionsCreated).toBe(before + 1);

    const otherAccount = localStripe(server.port, "sk_test_other_account");
    const third = await otherAccount.checkout.sessions.create(params, { idempotencyKey: "checkout-o1" });
    expect(third.id).not.toBe(first.id);
  });

  it("rejects the same key with different parameters", async () => {
    await stripe.checkout.sessions.create(baseSession({ metadata: { orderId: "o2" } }), {
      idempotencyKey: "k-o2",
    });
    const reuse = stripe.checkout.sessions.create(baseSession({ metadata: { orderId: "o3" } }), {
      idempotencyKey: "k-o2",
    });
    await expect(reuse).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    await expect(reuse).rejects.toMatchObject({ statusCode: 400, rawType: "idempotency_error" });
  });

  it("does not remember requests that failed validation", async () => {
    const bad = stripe.checkout.sessions.create(baseSession({ expires_at: nowSeconds() + 60 }), {
      idempotencyKey: "k-retry",
    });
    await expect(bad).rejects.toMatchObject({ param: "expires_at" });
    const good = await stripe.checkout.sessions.create(baseSession(), { idempotencyKey: "k-retry" });
    expect(good.status).toBe("open");
  });
});
