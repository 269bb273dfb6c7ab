import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { type StripeLocalOptions, startStripeLocal } from "./server";
import { lineItem, localStripe } from "./testing";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function setup(options: StripeLocalOptions = {}) {
  const server = await startStripeLocal({ port: 0, ...options });
  cleanup.push(() => server.close());
  return { server, stripe: localStripe(server.port) };
}

const params: Stripe.Checkout.SessionCreateParams = {
  mode: "payment",
  line_items: [lineItem("Kite Band", 1_999)],
};

async function control(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/__control`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

describe("429 switch", () => {
  it("answers every request 429 at failRate 1, which the SDK raises as StripeRateLimitError", async () => {
    const { server, stripe } = await setup({ failRate: 1 });
    const attempt = stripe.checkout.sessions.create(params);
    await expect(attempt).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await expect(attempt).rejects.toMatchObject({ statusCode: 429, code: "rate_limit" });
    await expect(stripe.checkout.sessions.retrieve("cs_test_x")).rejects.toBeInstanceOf(
      Stripe.errors.StripeRateLimitError,
    );
    expect(server.control.state()).toMatchObject({ requests: 2, rateLimited: 2, sessionsCreated: 0 });

    const off = await control(server.url, { rate429: 0 });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { failRate: number }).failRate).toBe(0);
    expect((await stripe.checkout.sessions.create(params)).status).toBe("open");
  });

  it("rate-limits about the configured share of requests", async () => {
    const { server, stripe } = await setup();
    expect((await control(server.url, { rate429: 0.3 })).status).toBe(200);
    let limited = 0;
    for (let i = 0; i < 300; i += 1) {
      try {
        await stripe.paymentIntents.retrieve("pi_missing");
      } catch (error) {
        if (error instanceof Stripe.errors.StripeRateLimitError) limited += 1;
      }
    }
    // 300 draws at p = 0.3: mean 90, standard deviation 8; the bounds are five deviations out.
    expect(limited).toBeGreaterThan(50);
    expect(limited).toBeLessThan(130);
    const state = (await (await fetch(`${server.url}/__control/state`)).json()) as { rateLimited: number };
    expect(state.rateLimited).toBe(limited);
  });

  it("rejects invalid control payloads", async () => {
    const { server } = await setup();
    expect((await control(server.url, { rate429: 2 })).status).toBe(400);
    expect((await control(server.url, { webhookUrl: "ftp://x" })).status).toBe(400);
    expect((await control(server.url, { surprise: true })).status).toBe(400);
    expect(server.control.state().failRate).toBe(0);
  });
});

describe("write rate limit", () => {
  it("lets a burst of writeRateLimit writes through, then answers 429 until tokens refill", async () => {
    const { server, stripe } = await setup({ writeRateLimit: 3 });
    const outcomes: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      try {
        await stripe.checkout.sessions.create(params);
        outcomes.push("ok");
      } catch (error) {
        outcomes.push(error instanceof Stripe.errors.StripeRateLimitError ? "429" : String(error));
      }
    }
    expect(outcomes.slice(0, 3)).toEqual(["ok", "ok", "ok"]);
    expect(outcomes.slice(3)).toContain("429");
    expect(outcomes.every((outcome) => outcome === "ok" || outcome === "429")).toBe(true);
    expect(server.control.state().rateLimited).toBe(outcomes.filter((outcome) => outcome === "429").length);

    await expect(stripe.paymentIntents.retrieve("pi_missing")).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await stripe.checkout.sessions.create(params)).status).toBe("open");
  });

  it("can be changed at runtime and turned off with 0", async () => {
    const { server, stripe } = await setup({ writeRateLimit: 1 });
    await stripe.checkout.sessions.create(params);
    await expect(stripe.checkout.sessions.create(params)).rejects.toBeInstanceOf(
      Stripe.errors.StripeRateLimitError,
    );
    expect((await control(server.url, { writeRateLimit: 0 })).status).toBe(200);
    for (let i = 0; i < 40; i += 1) await stripe.checkout.sessions.create(params);
    expect(server.control.state()).toMatchObject({ sessionsCreated: 41, writeRateLimit: 0 });
  });
});

describe("health and control", () => {
  it("answers /health and reports counters without an API key", async () => {
    const { server, stripe } = await setup();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await stripe.checkout.sessions.create(params);
    const state = (await (await fetch(`${server.url}/__control/state`)).json()) as Record<string, unknown>;
    expect(state).toMatchObject({ requests: 1, sessionsCreated: 1, rateLimited: 0, webhookUrl: null });
    expect(JSON.stringify(state)).not.toContain("whsec_");
  });

  it("moves the clock forward from the control endpoint so sessions expire", async () => {
    const { server, stripe } = await setup();
    const session = await stripe.checkout.sessions.create(params);
    const moved = await control(server.url, { advanceClockSeconds: 24 * 60 * 60 });
    expect(((await moved.json()) as { clockOffsetSeconds: number }).clockOffsetSeconds).toBe(86_400);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
  });
});
