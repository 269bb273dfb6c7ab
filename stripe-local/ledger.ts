import { invalidRequest, missingParam, resourceMissing } from "./errors";
import { createdFilter, page } from "./lists";
import { formatMinimum, MINIMUM_CHARGE_MINOR } from "./minimums";
import {
  type Charge,
  type CheckoutSession,
  type EventRequest,
  type EventType,
  type LineItem,
  type Metadata,
  newId,
  type PaymentIntent,
  type Refund,
  type Shipping,
  type StripeList,
} from "./objects";
import type { Params } from "./params";

/** Every top-level parameter Stripe accepts on `POST /v1/checkout/sessions`; unmodelled ones are ignored. */
const SESSION_CREATE_PARAMS = [
  "adaptive_pricing",
  "after_expiration",
  "allow_promotion_codes",
  "allowed_payment_method_types",
  "automatic_tax",
  "billing_address_collection",
  "branding_settings",
  "cancel_url",
  "client_reference_id",
  "consent_collection",
  "currency",
  "custom_fields",
  "custom_text",
  "customer",
  "customer_account",
  "customer_creation",
  "customer_email",
  "customer_update",
  "discounts",
  "excluded_payment_method_types",
  "expand",
  "expires_at",
  "integration_identifier",
  "invoice_creation",
  "line_items",
  "locale",
  "managed_payments",
  "metadata",
  "mode",
  "name_collection",
  "optional_items",
  "origin_context",
  "payment_intent_data",
  "payment_method_collection",
  "payment_method_configuration",
  "payment_method_data",
  "payment_method_options",
  "permissions",
  "phone_number_collection",
  "redirect_on_completion",
  "return_url",
  "saved_payment_method_options",
  "setup_intent_data",
  "shipping_address_collection",
  "shipping_options",
  "submit_type",
  "subscription_data",
  "success_url",
  "tax_id_collection",
  "ui_mode",
  "wallet_options",
] as const;

/** What `payment_intent_data` takes on a payment-mode Checkout Session (API reference, pinned version). */
const PAYMENT_INTENT_DATA_PARAMS = [
  "application_fee_amount",
  "capture_method",
  "description",
  "metadata",
  "on_behalf_of",
  "receipt_email",
  "setup_future_usage",
  "shipping",
  "statement_descriptor",
  "statement_descriptor_suffix",
  "transfer_data",
  "transfer_group",
] as const;

/**
 * `payment_intent_data[shipping]`: `name` and `address[line1]` are required, the rest optional, as the API
 * reference has them; Stripe copies the hash to the PaymentIntent's `shipping`.
 */
function readShipping(data: Params | undefined): Shipping | null {
  const shipping = data?.object("shipping");
  if (!shipping) return null;
  shipping.allowOnly(["address", "carrier", "name", "phone", "tracking_number"]);
  const address = shipping.object("address");
  if (!address) throw missingParam(shipping.name("address"));
  address.allowOnly(["city", "country", "line1", "line2", "postal_code", "state"]);
  const text = (p: Params, key: string) => p.string(key) ?? null;
  return {
    address: {
      city: text(address, "city"),
      country: text(address, "country"),
      line1: address.requiredString("line1"),
      line2: text(address, "line2"),
      postal_code: text(address, "postal_code"),
      state: text(address, "state"),
    },
    carrier: text(shipping, "carrier"),
    name: shipping.requiredString("name"),
    phone: text(shipping, "phone"),
    tracking_number: text(shipping, "tracking_number"),
  };
}

const REFUND_CREATE_PARAMS = [
  "amount",
  "charge",
  "currency",
  "customer",
  "expand",
  "instructions_email",
  "metadata",
  "origin",
  "payment_intent",
  "reason",
  "refund_application_fee",
  "reverse_transfer",
] as const;

/** `ui_mode` values of the pinned API version, as the SDK's types list them. */
const UI_MODES = ["elements", "embedded_page", "form", "hosted_page"];

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
const MAX_AMOUNT = 99_999_999;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SUPPORTED_CURRENCIES = new Set(Intl.supportedValuesOf("currency").map((code) => code.toLowerCase()));

export interface TestCard {
  number: string;
  label: string;
  decline: { code: string; message: string } | null;
}

/** Stripe's test card numbers that the hosted page understands. */
export const TEST_CARDS: readonly TestCard[] = [
  { number: "4242424242424242", label: "Payment succeeds", decline: null },
  {
    number: "4000000000000002",
    label: "Card is declined",
    decline: { code: "generic_decline", message: "Your card was declined." },
  },
  {
    number: "4000000000009995",
    label: "Declined: insufficient funds",
    decline: { code: "insufficient_funds", message: "Your card has insufficient funds." },
  },
];

/** What the hosted page needs about a line item besides Stripe's `item` object. */
export interface ProductDetails {
  name: string;
  description: string | null;
  images: string[];
}

export interface SessionEntry {
  session: CheckoutSession;
  lineItems: LineItem[];
  products: ProductDetails[];
  paymentIntentMetadata: Metadata;
  paymentIntentDescription: string | null;
  paymentIntentShipping: Shipping | null;
}

/** When and on whose behalf a change happens: events carry the API request that caused them. */
export interface Context {
  now: number;
  request: EventRequest;
}

export type PayOutcome =
  | { kind: "paid"; entry: SessionEntry }
  | { kind: "declined"; entry: SessionEntry; message: string }
  | { kind: "unknown_card"; entry: SessionEntry }
  | { kind: "not_open"; entry: SessionEntry };

export interface LedgerOptions {
  checkoutUrl: (sessionId: string) => string;
  emit: (type: EventType, object: CheckoutSession | Charge, request: EventRequest) => void;
}

type Expandable = Record<string, unknown>;

/** The expandable fields this server models, per object type; Stripe has more, which we refuse explicitly. */
const EXPANDABLE: Readonly<Record<string, readonly string[]>> = {
  "checkout.session": ["line_items", "payment_intent"],
  payment_intent: ["latest_charge"],
  charge: ["payment_intent"],
  refund: ["charge", "payment_intent"],
};

/** The in-memory Stripe account: checkout sessions, payment intents, charges and refunds. */
export class Ledger {
  readonly sessions = new Map<string, SessionEntry>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  private readonly openSessions = new Set<string>();

  constructor(private readonly options: LedgerOptions) {}

  createSession(params: Params, ctx: Context): SessionEntry {
    params.allowOnly(SESSION_CREATE_PARAMS);
    const mode = params.requiredString("mode");
    if (mode !== "payment") {
      throw invalidRequest(`stripe-local supports only mode=payment, not ${mode}.`, { param: "mode" });
    }
    const uiMode = params.string("ui_mode");
    if (uiMode !== undefined && !UI_MODES.includes(uiMode)) {
      // The values of the pinned API version (2026-10-28.endive); the older `hosted` is refused like Stripe does.
      throw invalidRequest(`Invalid ui_mode: must be one of ${oneOf(UI_MODES)}`, { param: "ui_mode" });
    }
    if (uiMode !== undefined && uiMode !== "hosted_page") {
      throw invalidRequest(`stripe-local supports only ui_mode=hosted_page, not ${uiMode}.`, {
        param: "ui_mode",
      });
    }
    const customer = params.string("customer");
    if (customer !== undefined) throw resourceMissing("customer", customer, "customer");

    const successUrl = optionalUrl(params, "success_url");
    const cancelUrl = optionalUrl(params, "cancel_url");
    const clientReferenceId = params.string("client_reference_id", { maxLength: 200 }) ?? null;
    const customerEmail = params.string("customer_email", { maxLength: 800 }) ?? null;
    if (customerEmail !== null && !EMAIL.test(customerEmail)) {
      throw invalidRequest(`Invalid email address: ${customerEmail}`, { param: "customer_email" });
    }
    const metadata = params.metadata();
    const paymentIntentData = params.object("payment_intent_data")?.allowOnly(PAYMENT_INTENT_DATA_PARAMS);
    const shipping = readShipping(paymentIntentData);
    const expiresAt = params.integer("expires_at") ?? ctx.now + MAX_EXPIRY_SECONDS;
    if (expiresAt < ctx.now + MIN_EXPIRY_SECONDS) {
      throw invalidRequest(
        "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
        { param: "expires_at" },
      );
    }
    if (expiresAt > ctx.now + MAX_EXPIRY_SECONDS) {
      throw invalidRequest(
        "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
        {
          param: "expires_at",
        },
      );
    }

    const lines = params.objectList("line_items");
    if (lines.length === 0) {
      throw invalidRequest("You must provide at least one line item in `payment` mode.", {
        param: "line_items",
        code: "parameter_missing",
      });
    }
    if (lines.length > 100)
      throw invalidRequest("You can have at most 100 line items.", { param: "line_items" });
    const lineItems: LineItem[] = [];
    const products: ProductDetails[] = [];
    for (const line of lines) {
      const { item, product } = this.readLineItem(line, ctx.now);
      if (lineItems[0] && lineItems[0].currency !== item.currency) {
        throw invalidRequest("All line items must use the same currency.", {
          param: line.name("price_data"),
        });
      }
      lineItems.push(item);
      products.push(product);
    }
    const amountTotal = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
    const currency = lineItems[0]?.currency ?? "usd";
    const minimum = MINIMUM_CHARGE_MINOR[currency];
    if (minimum !== undefined && amountTotal < minimum) {
      throw invalidRequest(
        `The Checkout Session's total amount due must add up to at least ${formatMinimum(currency, minimum)}`,
        { code: "amount_too_small" },
      );
    }
    if (amountTotal > MAX_AMOUNT) {
      throw invalidRequest(`The total amount must be no more than ${MAX_AMOUNT} in minor units.`, {
        param: "line_items",
        code: "amount_too_large",
      });
    }

    const id = newId("cs_test", 58);
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      amount_subtotal: amountTotal,
      amount_total: amountTotal,
      cancel_url: cancelUrl,
      client_reference_id: clientReferenceId,
      created: ctx.now,
      currency,
      customer: null,
      customer_details: null,
      customer_email: customerEmail,
      expires_at: expiresAt,
      livemode: false,
      metadata,
      mode: "payment",
      payment_intent: null,
      payment_method_types: ["card"],
      payment_status: "unpaid",
      status: "open",
      success_url: successUrl,
      ui_mode: "hosted_page",
      url: this.options.checkoutUrl(id),
    };
    const entry: SessionEntry = {
      session,
      lineItems,
      products,
      // Real Stripe copies only payment_intent_data.metadata to the PaymentIntent; we also copy the session's so
      // charge.refunded carries the order ids either way.
      paymentIntentMetadata: { ...metadata, ...paymentIntentData?.metadata() },
      paymentIntentDescription: paymentIntentData?.string("description", { maxLength: 1000 }) ?? null,
      paymentIntentShipping: shipping,
    };
    this.sessions.set(id, entry);
    this.openSessions.add(id);
    return entry;
  }

  private readLineItem(line: Params, now: number): { item: LineItem; product: ProductDetails } {
    line.allowOnly(["adjustable_quantity", "metadata", "price", "price_data", "quantity", "tax_rates"]);
    const priceId = line.string("price");
    if (priceId !== undefined) throw resourceMissing("price", priceId, line.name("price"));
    const priceData = line.object("price_data");
    if (!priceData)
      throw invalidRequest("You must specify either `price` or `price_data`.", { param: line.name("price") });
    priceData.allowOnly([
      "currency",
      "product",
      "product_data",
      "recurring",
      "tax_behavior",
      "unit_amount",
      "unit_amount_decimal",
    ]);
    const currency = priceData.requiredString("currency").toLowerCase();
    if (!SUPPORTED_CURRENCIES.has(currency)) {
      throw invalidRequest(`Invalid currency: ${currency}.`, { param: priceData.name("currency") });
    }
    if (priceData.has("recurring")) {
      throw invalidRequest("You specified `payment` mode but passed a recurring price.", {
        param: priceData.name("recurring"),
      });
    }
    const productId = priceData.string("product");
    if (productId !== undefined) throw resourceMissing("product", productId, priceData.name("product"));
    const unitAmount = priceData.integer("unit_amount", { min: 0, max: MAX_AMOUNT });
    if (unitAmount === undefined) {
      throw invalidRequest("stripe-local needs `unit_amount` (integer minor units).", {
        param: priceData.name("unit_amount"),
        code: "parameter_missing",
      });
    }
    const productData = priceData.object("product_data");
    if (!productData)
      throw invalidRequest("You must specify either `product` or `product_data`.", {
        param: priceData.name("product"),
        code: "parameter_missing",
      });
    productData.allowOnly(["description", "images", "metadata", "name", "tax_code", "unit_label"]);
    const name = productData.requiredString("name", { maxLength: 250 });
    const description = productData.string("description", { maxLength: 40_000 }) ?? null;
    const images = productData.stringList("images");
    if (images.length > 8)
      throw invalidRequest("You can pass at most 8 images.", { param: productData.name("images") });
    images.forEach((image, index) => {
      if (!isHttpUrl(image))
        throw invalidRequest("Not a valid URL", { param: `${productData.name("images")}[${index}]` });
    });
    productData.metadata();

    const quantity = line.integer("quantity", { min: 1, max: 999_999 });
    if (quantity === undefined)
      throw invalidRequest("Quantity is required.", { param: line.name("quantity") });
    const amount = unitAmount * quantity;
    return {
      item: {
        id: newId("li"),
        object: "item",
        amount_discount: 0,
        amount_subtotal: amount,
        amount_tax: 0,
        amount_total: amount,
        currency,
        description: name,
        price: {
          id: newId("price"),
          object: "price",
          active: true,
          created: now,
          currency,
          livemode: false,
          product: newId("prod", 14),
          type: "one_time",
          unit_amount: unitAmount,
        },
        quantity,
      },
      product: { name, description, images },
    };
  }

  getSession(id: string, param = "session"): SessionEntry {
    const entry = this.sessions.get(id);
    if (!entry) throw resourceMissing("checkout.session", id, param);
    return entry;
  }

  getPaymentIntent(id: string): PaymentIntent {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw resourceMissing("payment_intent", id, "intent");
    return intent;
  }

  getCharge(id: string): Charge {
    const charge = this.charges.get(id);
    if (!charge) throw resourceMissing("charge", id, "charge");
    return charge;
  }

  getRefund(id: string): Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw resourceMissing("refund", id, "refund");
    return refund;
  }

  expireSession(id: string, ctx: Context): SessionEntry {
    const entry = this.getSession(id);
    if (entry.session.status !== "open") {
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${entry.session.status}".`,
        { param: "session" },
      );
    }
    this.markExpired(entry, ctx);
    return entry;
  }

  /** Expires every open session whose `expires_at` has passed; returns how many. */
  sweep(ctx: Context): number {
    let expired = 0;
    for (const id of this.openSessions) {
      const entry = this.sessions.get(id);
      if (entry && entry.session.expires_at <= ctx.now) {
        this.markExpired(entry, ctx);
        expired += 1;
      }
    }
    return expired;
  }

  private markExpired(entry: SessionEntry, ctx: Context): void {
    const { session } = entry;
    session.status = "expired";
    session.url = null;
    this.openSessions.delete(session.id);
    const intent = session.payment_intent ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (intent && intent.status === "requires_payment_method") {
      intent.status = "canceled";
      intent.canceled_at = ctx.now;
      intent.cancellation_reason = "abandoned";
    }
    this.options.emit("checkout.session.expired", session, ctx.request);
  }

  pay(id: string, input: { cardNumber: string; email: string | null }, ctx: Context): PayOutcome {
    const entry = this.getSession(id);
    if (entry.session.status !== "open") return { kind: "not_open", entry };
    const digits = input.cardNumber.replace(/[\s-]/g, "");
    const card = TEST_CARDS.find((candidate) => candidate.number === digits);
    if (!card) return { kind: "unknown_card", entry };

    const { session } = entry;
    // Stripe creates the PaymentIntent at the first attempt, so a declined attempt already has one.
    const intent = this.paymentIntentFor(entry, ctx.now);
    const charge: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: card.decline ? 0 : intent.amount,
      amount_refunded: 0,
      captured: !card.decline,
      created: ctx.now,
      currency: intent.currency,
      failure_code: card.decline ? "card_declined" : null,
      failure_message: card.decline?.message ?? null,
      livemode: false,
      metadata: { ...intent.metadata },
      paid: !card.decline,
      payment_intent: intent.id,
      payment_method_details: {
        type: "card",
        card: { brand: "visa", last4: digits.slice(-4), funding: "credit" },
      },
      refunded: false,
      status: card.decline ? "failed" : "succeeded",
    };
    this.charges.set(charge.id, charge);
    intent.latest_charge = charge.id;
    session.customer_details = {
      email: session.customer_email ?? input.email,
      name: null,
      phone: null,
      address: null,
      tax_exempt: "none",
      tax_ids: [],
    };

    if (card.decline) {
      intent.status = "requires_payment_method";
      intent.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: card.decline.code,
        message: card.decline.message,
      };
      return { kind: "declined", entry, message: card.decline.message };
    }
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    intent.last_payment_error = null;
    session.status = "complete";
    session.payment_status = "paid";
    session.url = null;
    this.openSessions.delete(session.id);
    this.options.emit("checkout.session.completed", session, ctx.request);
    return { kind: "paid", entry };
  }

  private paymentIntentFor(entry: SessionEntry, now: number): PaymentIntent {
    const existing = entry.session.payment_intent
      ? this.paymentIntents.get(entry.session.payment_intent)
      : undefined;
    if (existing) return existing;
    const intent: PaymentIntent = {
      id: newId("pi"),
      object: "payment_intent",
      amount: entry.session.amount_total,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      created: now,
      currency: entry.session.currency,
      description: entry.paymentIntentDescription,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: { ...entry.paymentIntentMetadata },
      payment_method_types: ["card"],
      shipping: entry.paymentIntentShipping,
      status: "requires_payment_method",
    };
    this.paymentIntents.set(intent.id, intent);
    entry.session.payment_intent = intent.id;
    return intent;
  }

  createRefund(params: Params, ctx: Context): Refund {
    params.allowOnly(REFUND_CREATE_PARAMS);
    const intentId = params.string("payment_intent");
    const chargeId = params.string("charge");
    if (intentId === undefined && chargeId === undefined) {
      throw invalidRequest(
        "One of the following params should be provided for this request: payment_intent or charge.",
        {
          code: "parameter_missing",
        },
      );
    }
    if (intentId !== undefined && chargeId !== undefined) {
      throw invalidRequest("You may only specify one of these parameters: payment_intent, charge.", {
        param: "charge",
      });
    }
    const charge = this.refundableCharge(intentId, chargeId);
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining === 0) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
      });
    }
    const amount = params.integer("amount", { min: 1 }) ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}), in minor units of ${charge.currency}.`,
        { param: "amount", code: "amount_too_large" },
      );
    }
    const reason = params.string("reason") ?? null;
    if (
      reason !== null &&
      reason !== "duplicate" &&
      reason !== "fraudulent" &&
      reason !== "requested_by_customer"
    ) {
      throw invalidRequest("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", {
        param: "reason",
      });
    }
    const refund: Refund = {
      id: newId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: ctx.now,
      currency: charge.currency,
      metadata: params.metadata(),
      payment_intent: charge.payment_intent,
      reason,
      status: "succeeded",
    };
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.options.emit("charge.refunded", charge, ctx.request);
    return refund;
  }

  private refundableCharge(intentId: string | undefined, chargeId: string | undefined): Charge {
    if (intentId !== undefined) {
      const intent = this.paymentIntents.get(intentId);
      if (!intent) throw resourceMissing("payment_intent", intentId, "payment_intent");
      const charge = intent.latest_charge ? this.charges.get(intent.latest_charge) : undefined;
      if (charge?.status === "succeeded") return charge;
      throw invalidRequest(`This PaymentIntent (${intentId}) does not have a successful charge to refund.`, {
        param: "payment_intent",
      });
    }
    const charge = chargeId === undefined ? undefined : this.charges.get(chargeId);
    if (!charge) throw resourceMissing("charge", chargeId ?? "", "charge");
    if (charge.status === "succeeded") return charge;
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
      param: "charge",
    });
  }

  /** `GET /v1/refunds`: newest first, optionally for one PaymentIntent or charge, filtered by `created`. */
  listRefunds(params: Params): StripeList<Refund> {
    params.allowOnly([
      "charge",
      "created",
      "ending_before",
      "expand",
      "limit",
      "payment_intent",
      "starting_after",
    ]);
    this.expandList(params.stringList("expand"));
    const intentId = params.string("payment_intent");
    const chargeId = params.string("charge");
    const created = createdFilter(params);
    const matching = [...this.refunds.values()]
      .filter(
        (refund) =>
          (intentId === undefined || refund.payment_intent === intentId) &&
          (chargeId === undefined || refund.charge === chargeId) &&
          created(refund.created),
      )
      .reverse();
    return page(matching, params, { url: "/v1/refunds", objectName: "refund" });
  }

  listLineItems(entry: SessionEntry, params: Params): StripeList<LineItem> {
    params.allowOnly(["ending_before", "expand", "limit", "starting_after"]);
    this.expandList(params.stringList("expand"));
    const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
    const after = params.string("starting_after");
    const before = params.string("ending_before");
    const ids = entry.lineItems.map((item) => item.id);
    let data: LineItem[];
    let hasMore: boolean;
    if (before !== undefined) {
      const earlier = entry.lineItems.slice(0, indexOrThrow(ids, before, "ending_before"));
      data = earlier.slice(-limit);
      hasMore = earlier.length > limit;
    } else {
      const later =
        after === undefined
          ? entry.lineItems
          : entry.lineItems.slice(indexOrThrow(ids, after, "starting_after") + 1);
      data = later.slice(0, limit);
      hasMore = later.length > limit;
    }
    return {
      object: "list",
      data: structuredClone(data),
      has_more: hasMore,
      url: `/v1/checkout/sessions/${entry.session.id}/line_items`,
    };
  }

  /**
   * A copy of `object` with the `expand[]` paths replaced by the objects they name, as Stripe does. Only the
   * fields listed in EXPANDABLE can be expanded (a null one stays null); any other path gets Stripe's error
   * instead of being ignored, and so does a path deeper than Stripe's four levels.
   */
  expand<T extends object>(object: T, paths: readonly string[]): T {
    const copy = structuredClone(object) as T & Expandable;
    for (const path of paths) {
      const parts = path.split(".");
      if (parts.length > 4) {
        throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, {
          param: "expand",
        });
      }
      this.expandPath(copy, parts, path);
    }
    return copy;
  }

  /** A list endpoint: nothing in our lists can be expanded (`data.…` paths included), so any path is refused. */
  expandList(paths: readonly string[]): void {
    const [path] = paths;
    if (path !== undefined) throw cannotExpand(path);
  }

  private expandPath(target: Expandable, [field, ...rest]: string[], full: string): void {
    if (field === undefined) return;
    const kind = typeof target.object === "string" ? target.object : "";
    if (!EXPANDABLE[kind]?.includes(field)) throw cannotExpand(full);
    const current = target[field];
    if (field === "line_items" && kind === "checkout.session" && typeof target.id === "string") {
      if (rest.length > 0) throw cannotExpand(full);
      const entry = this.getSession(target.id);
      target.line_items = {
        object: "list",
        data: structuredClone(entry.lineItems),
        has_more: false,
        url: `/v1/checkout/sessions/${target.id}/line_items`,
      };
      return;
    }
    if (current === null || current === undefined) {
      if (rest.length > 0) throw cannotExpand(full);
      return;
    }
    if (typeof current === "string") {
      const resolved = this.lookup(current);
      if (!resolved) throw cannotExpand(full);
      target[field] = structuredClone(resolved);
    } else if (typeof current !== "object") {
      throw cannotExpand(full);
    }
    const next = target[field];
    if (rest.length > 0 && next !== null && typeof next === "object")
      this.expandPath(next as Expandable, rest, full);
  }

  private lookup(id: string): object | undefined {
    if (id.startsWith("pi_")) return this.paymentIntents.get(id);
    if (id.startsWith("ch_")) return this.charges.get(id);
    if (id.startsWith("re_")) return this.refunds.get(id);
    if (id.startsWith("cs_")) return this.sessions.get(id)?.session;
    return undefined;
  }
}

function oneOf(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(", ")}, or ${values.at(-1)}` : (values[0] ?? "");
}

function cannotExpand(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
}

function indexOrThrow(ids: string[], id: string, param: string): number {
  const index = ids.indexOf(id);
  if (index === -1) throw resourceMissing("item", id, param);
  return index;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function optionalUrl(params: Params, key: string): string | null {
  const value = params.string(key);
  if (value === undefined) return null;
  if (!isHttpUrl(value.replaceAll("{CHECKOUT_SESSION_ID}", "x")))
    throw invalidRequest("Not a valid URL", { param: key });
  return value;
}
