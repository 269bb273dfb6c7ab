import { randomBytes } from "node:crypto";

export type Metadata = Record<string, string>;

export interface CustomerDetails {
  email: string | null;
  name: null;
  phone: null;
  address: null;
  tax_exempt: "none";
  tax_ids: [];
}

export interface CheckoutSession {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: null;
  customer_details: CustomerDetails | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  metadata: Metadata;
  mode: "payment";
  payment_intent: string | null;
  payment_method_types: string[];
  payment_status: "unpaid" | "paid";
  status: "open" | "complete" | "expired";
  success_url: string | null;
  ui_mode: "hosted_page";
  url: string | null;
}

export interface Price {
  id: string;
  object: "price";
  active: true;
  created: number;
  currency: string;
  livemode: false;
  product: string;
  type: "one_time";
  unit_amount: number;
}

export interface LineItem {
  id: string;
  object: "item";
  amount_discount: number;
  amount_subtotal: number;
  amount_tax: number;
  amount_total: number;
  currency: string;
  description: string;
  price: Price;
  quantity: number;
}

export interface PaymentError {
  type: "card_error";
  code: "card_declined";
  decline_code: string;
  message: string;
}

/** Stripe's `shipping` hash on a PaymentIntent (set from Checkout's `payment_intent_data.shipping`). */
export interface Shipping {
  address: {
    city: string | null;
    country: string | null;
    line1: string | null;
    line2: string | null;
    postal_code: string | null;
    state: string | null;
  };
  carrier: string | null;
  name: string;
  phone: string | null;
  tracking_number: string | null;
}

export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  canceled_at: number | null;
  cancellation_reason: "abandoned" | null;
  created: number;
  currency: string;
  description: string | null;
  last_payment_error: PaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Metadata;
  payment_method_types: string[];
  shipping: Shipping | null;
  status: "requires_payment_method" | "succeeded" | "canceled";
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  failure_code: string | null;
  failure_message: string | null;
  livemode: false;
  metadata: Metadata;
  paid: boolean;
  payment_intent: string;
  payment_method_details: { type: "card"; card: { brand: "visa"; last4: string; funding: "credit" } };
  refunded: boolean;
  status: "succeeded" | "failed";
}

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  created: number;
  currency: string;
  metadata: Metadata;
  payment_intent: string;
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | null;
  status: "succeeded";
}

export interface StripeList<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export type EventType = "checkout.session.completed" | "checkout.session.expired" | "charge.refunded";

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: CheckoutSession | Charge };
  livemode: false;
  pending_webhooks: number;
  request: EventRequest;
  type: EventType;
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Stripe-looking ids: a prefix and 24 random base-62 characters. */
export function newId(prefix: string, length = 24): string {
  let out = "";
  while (out.length < length) {
    // 248 is the largest multiple of 62 below 256: dropping bytes above it keeps every character equally likely.
    for (const byte of randomBytes(length)) if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
  }
  return `${prefix}_${out}`;
}
