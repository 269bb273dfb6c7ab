import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeLocalServer, startStripeLocal } from "./server";
import { lineItem, localStripe, submitCard } from "./testing";

let server: StripeLocalServer;
let stripe: Stripe;

beforeAll(async () => {
  server = await startStripeLocal({ port: 0, writeRateLimit: 0, timeoutHoldMs: 2_000 });
  stripe = localStripe(server.port);
});
afterAll(() => server.close());

const session = (extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
  stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [lineItem("Kite Band", 19_900, 1, "cny")],
    success_url: "http://127.0.0.1:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    ...extra,
  });

async function refusal(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
}

describe("refuses what Stripe refuses", () => {
  it("a total below Stripe's minimum charge for the currency fails at creation", async () => {
    const cny = await refusal(session({ line_items: [lineItem("Sticker", 399, 1, "cny")] }));
    expect(cny).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      code: "amount_too_small",
    });
    expect(cny.message).toBe("The Checkout Session's total amount due must add up to at least CN¥4.00 cny");
    const usd = await refusal(session({ line_items: [lineItem("Sticker", 25, 1, "usd")] }));
    expect(usd.message).toContain("at least $0.50 usd");
    // The total counts, not each line: a free line beside a priced one is fine, and so is exactly the minimum.
    await expect(
      session({ line_items: [lineItem("Sticker", 50, 1, "usd"), lineItem("Gift wrap", 0, 1, "usd")] }),
    ).resolves.toMatchObject({ amount_total: 50 });
    await expect(session({ line_items: [lineItem("Case", 200, 2, "cny")] })).resolves.toMatchObject({
      amount_total: 400,
    });
  });

  it("ui_mode takes the pinned API version's values: hosted_page works, the old `hosted` is invalid", async () => {
    await expect(session({ ui_mode: "hosted_page" })).resolves.toMatchObject({ ui_mode: "hosted_page" });
    expect((await session()).ui_mode).toBe("hosted_page");
    const old = await refusal(session({ ui_mode: "hosted" as Stripe.Checkout.SessionCreateParams.UiMode }));
    expect(old).toMatchObject({ statusCode: 400, param: "ui_mode" });
    expect(old.message).toBe("Invalid ui_mode: must be one of elements, embedded_page, form, or hosted_page");
    const embedded = await refusal(session({ ui_mode: "embedded_page" }));
    expect(embedded).toMatchObject({ statusCode: 400, param: "ui_mode" });
  });

  it("an expand[] path it does not support is Stripe's error, not silently ignored", async () => {
    const created = await session();
    for (const path of ["metadata", "customer_details", "nonsense", "payment_intent.customer"]) {
      const error = await refusal(stripe.checkout.sessions.retrieve(created.id, { expand: [path] }));
      expect(error).toMatchObject({ statusCode: 400, param: "expand" });
      expect(error.message).toBe(`This property cannot be expanded (${path}).`);
    }
    const deep = await refusal(stripe.checkout.sessions.retrieve(created.id, { expand: ["a.b.c.d.e"] }));
    expect(deep.message).toContain("more than 4 levels");
    // Supported paths still work, and an unpaid session's payment_intent expands to null.
    const expanded = await stripe.checkout.sessions.retrieve(created.id, {
      expand: ["line_items", "payment_intent"],
    });
    expect(expanded.line_items?.data).toHaveLength(1);
    expect(expanded.payment_intent).toBeNull();
    const listed = await refusal(
      stripe.checkout.sessions.listLineItems(created.id, { expand: ["data.price.product"] }),
    );
    expect(listed.message).toBe("This property cannot be expanded (data.price.product).");
  });
});

describe("GET /v1/events and /v1/refunds", () => {
  it("lists events newest first with type, types and created filters and pages through them", async () => {
    const from = Math.floor(Date.now() / 1000) - 1;
    const paid: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await session();
      expect((await submitCard(s.url ?? "", "4242 4242 4242 4242")).status).toBe(303);
      paid.push(s.id);
    }
    const expired = await session();
    await stripe.checkout.sessions.expire(expired.id);

    const completed = await stripe.events.list({
      type: "checkout.session.completed",
      created: { gte: from },
      limit: 2,
    });
    expect(completed.object).toBe("list");
    expect(completed.data).toHaveLength(2);
    expect(completed.has_more).toBe(true);
    const all: Stripe.Event[] = [];
    for await (const event of stripe.events.list({
      type: "checkout.session.completed",
      created: { gte: from },
      limit: 2,
    })) {
      all.push(event);
    }
    const sessionIds = all.map((e) => (e.data.object as Stripe.Checkout.Session).id);
    expect(sessionIds.filter((id) => paid.includes(id)).reverse()).toEqual(paid);
    expect(all.every((e) => e.type === "checkout.session.completed")).toBe(true);

    const group = await stripe.events.list({
      type: "checkout.session.*",
      created: { gte: from },
      limit: 100,
    });
    expect(new Set(group.data.map((e) => e.type))).toEqual(
      new Set(["checkout.session.completed", "checkout.session.expired"]),
    );
    const both = await stripe.events.list({
      types: ["checkout.session.expired"],
      created: { gte: from },
      limit: 100,
    });
    expect(both.data.map((e) => (e.data.object as Stripe.Checkout.Session).id)).toContain(expired.id);
    const future = await stripe.events.list({ created: { gt: Math.floor(Date.now() / 1000) + 3600 } });
    expect(future.data).toEqual([]);
    const newer = await stripe.events.list({ ending_before: all.at(-1)?.id, limit: 100 });
    expect(newer.data.map((e) => e.id)).toContain(all[0]?.id);
    const both2 = await refusal(
      stripe.events.list({ type: "charge.refunded", types: ["charge.refunded"] } as Stripe.EventListParams),
    );
    expect(both2.message).toContain("only specify one of these parameters: type, types");
  });

  it("lists the refunds of a PaymentIntent", async () => {
    const s = await session({ line_items: [lineItem("Phone", 299_900, 1, "cny")] });
    await submitCard(s.url ?? "", "4242 4242 4242 4242");
    const intent = (await stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    const first = await stripe.refunds.create({ payment_intent: intent, amount: 1_000 });
    const second = await stripe.refunds.create({ payment_intent: intent });
    const listed = await stripe.refunds.list({ payment_intent: intent });
    expect(listed.data.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(listed.data.reduce((sum, r) => sum + r.amount, 0)).toBe(299_900);
    expect((await stripe.refunds.list({ payment_intent: "pi_other" })).data).toEqual([]);
  });
});

describe("fault injection", () => {
  it("answers 500s and holds timed-out answers for a window, then recovers by itself", async () => {
    const quick = localStripe(server.port, "sk_test_local", { timeoutMs: 300 });
    server.control.update({ fail500Rate: 1, faultSeconds: 0.6 });
    const down = await refusal(quick.checkout.sessions.create({ mode: "payment", line_items: [] }));
    expect(down).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(down.statusCode).toBe(500);
    expect(server.control.state().failed500).toBeGreaterThan(0);

    server.control.update({ fail500Rate: 0, timeoutRate: 1, faultSeconds: 0.6 });
    const before = server.control.state().sessionsCreated;
    const key = `fault-${Date.now()}`;
    const params: Stripe.Checkout.SessionCreateParams = {
      mode: "payment",
      line_items: [lineItem("Kite Band", 19_900, 1, "cny")],
    };
    const lost = await refusal(quick.checkout.sessions.create(params, { idempotencyKey: key }));
    expect(lost).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    // The request ran although its answer was lost: the retry with the same key replays it.
    expect(server.control.state().sessionsCreated).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(server.control.state()).toMatchObject({ timeoutRate: 0, fail500Rate: 0, faultsUntil: null });
    const replay = await quick.checkout.sessions.create(params, { idempotencyKey: key });
    expect(replay.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(server.control.state().sessionsCreated).toBe(before + 1);
  });
});
