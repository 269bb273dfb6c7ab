import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { type StripeLocalServer, startStripeLocal } from "./server";
import { lineItem, localStripe, startWebhookReceiver, submitCard } from "./testing";
import { signWebhookPayload } from "./webhooks";

const SECRET = "whsec_webhook_tests";
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function setup(
  options: { statusFor?: (n: number) => number | Promise<number>; maxWebhookAttempts?: number } = {},
) {
  const receiver = await startWebhookReceiver(options.statusFor);
  const server = await startStripeLocal({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: SECRET,
    maxWebhookAttempts: options.maxWebhookAttempts,
    webhookRetryBaseMs: 50,
  });
  cleanup.push(
    () => receiver.close(),
    () => server.close(),
  );
  return { receiver, server, stripe: localStripe(server.port) };
}

async function paidSession(stripe: Stripe): Promise<Stripe.Checkout.Session> {
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [lineItem("Kite Phone 3", 49_900)],
    success_url: "http://127.0.0.1:3000/done",
  });
  const response = await submitCard(String(session.url), "4242424242424242");
  expect(response.status).toBe(303);
  return session;
}

async function waitForIdle(server: StripeLocalServer) {
  await server.control.webhooksIdle();
  return server.control.state();
}

describe("webhook signatures", () => {
  it("signs exactly like Stripe's own test header helper", () => {
    const stripe = new Stripe("sk_test_x");
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const timestamp = 1_700_000_000;
    expect(signWebhookPayload(payload, SECRET, timestamp)).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp }),
    );
  });
});

describe("webhook delivery", () => {
  it("retries after the endpoint answers 500 and delivers the same event again", async () => {
    const { receiver, server, stripe } = await setup({ statusFor: (n) => (n === 1 ? 500 : 200) });
    const session = await paidSession(stripe);
    const state = await waitForIdle(server);
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received as [
      (typeof receiver.received)[0],
      (typeof receiver.received)[0],
    ];
    expect(second.eventId).toBe(first.eventId);
    expect(second.body).toBe(first.body);
    const event = stripe.webhooks.constructEvent(second.body, second.signature, SECRET);
    expect((event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
    expect(state).toMatchObject({
      webhooksDelivered: 1,
      webhooksFailed: 1,
      webhooksAbandoned: 0,
      webhooksPending: 0,
    });
  });

  it("gives up after maxWebhookAttempts", async () => {
    const { receiver, server, stripe } = await setup({ statusFor: () => 503, maxWebhookAttempts: 3 });
    await paidSession(stripe);
    const state = await waitForIdle(server);
    expect(receiver.received).toHaveLength(3);
    expect(state).toMatchObject({ webhooksDelivered: 0, webhooksFailed: 3, webhooksAbandoned: 1 });
  });

  it("retries when the endpoint is unreachable, then reaches the URL set at runtime", async () => {
    const { receiver, server, stripe } = await setup();
    server.control.update({ webhookUrl: "http://127.0.0.1:9/unreachable" });
    await paidSession(stripe);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const response = await fetch(`${server.url}/__control`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ webhookUrl: receiver.url, webhookSecret: "whsec_rotated" }),
    });
    expect(response.status).toBe(200);
    const hook = await receiver.waitFor((h) => h.type === "checkout.session.completed");
    expect(() => stripe.webhooks.constructEvent(hook.body, hook.signature, "whsec_rotated")).not.toThrow();
    const state = await waitForIdle(server);
    expect(state.webhooksFailed).toBeGreaterThanOrEqual(1);
    expect(state.webhooksDelivered).toBe(1);
  });

  it("answers the API before the webhook is delivered", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { receiver, server, stripe } = await setup({ statusFor: () => gate.then(() => 200) });
    await paidSession(stripe);
    const other = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [lineItem("Case", 900)],
    });
    await stripe.checkout.sessions.expire(other.id);
    await receiver.waitFor((h) => h.type === "checkout.session.expired");
    expect(server.control.state()).toMatchObject({ webhooksPending: 2, webhooksDelivered: 0 });
    release();
    expect(await waitForIdle(server)).toMatchObject({ webhooksPending: 0, webhooksDelivered: 2 });
  });
});
