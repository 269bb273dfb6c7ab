import "server-only";
import Stripe from "stripe";
import { env, usesLocalStripe } from "@/lib/env";

/** Pinned so a Stripe-side default change never alters our objects underneath us. */
export const STRIPE_API_VERSION = "2026-10-28.endive";
/** The key and webhook secret the local Stripe-compatible server accepts (stripe-local/README.md). */
export const LOCAL_STRIPE_KEY = "sk_test_kite_local";
export const LOCAL_WEBHOOK_SECRET = "whsec_local_kite_development_secret";

const globalForStripe = globalThis as unknown as { __kiteStripe?: Stripe };

/**
 * The one Stripe client. Without STRIPE_SECRET_KEY it points the official SDK at our local server, so
 * development, tests and CI run offline through the same code path as production. The SDK's own retries are
 * off: `withStripeRetry` owns back-off so every retry reuses one idempotency key and is counted.
 */
export function getStripe(): Stripe {
  if (!globalForStripe.__kiteStripe) {
    globalForStripe.__kiteStripe = usesLocalStripe
      ? new Stripe(LOCAL_STRIPE_KEY, {
          apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion,
          host: "127.0.0.1",
          port: env.STRIPE_LOCAL_PORT,
          protocol: "http",
          telemetry: false,
          maxNetworkRetries: 0,
          timeout: 10_000,
        })
      : new Stripe(env.STRIPE_SECRET_KEY ?? "", {
          apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion,
          telemetry: false,
          maxNetworkRetries: 0,
          timeout: 20_000,
        });
  }
  return globalForStripe.__kiteStripe;
}

/**
 * The secret webhooks are verified with. The local development secret is public (it is in this file), so it is
 * used only when no real Stripe key is set AND the store is not production; otherwise a missing
 * STRIPE_WEBHOOK_SECRET is `null` and the webhook route refuses every event (reconciliation still applies them).
 */
export function chooseWebhookSecret({
  webhookSecret,
  secretKey,
  storeEnv,
}: {
  webhookSecret: string | undefined;
  secretKey: string | undefined;
  storeEnv: string;
}): string | null {
  if (webhookSecret) return webhookSecret;
  if (!secretKey && storeEnv !== "production") return LOCAL_WEBHOOK_SECRET;
  return null;
}

export function getWebhookSecret(): string | null {
  return chooseWebhookSecret({
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    secretKey: env.STRIPE_SECRET_KEY,
    storeEnv: env.STORE_ENV,
  });
}

/** Stripe's answer for an object that does not exist (a forged or foreign id). */
export function isStripeNotFound(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeError && error.statusCode === 404;
}

/** The Stripe error code of a refusal (`amount_too_small`, `charge_already_refunded`…), if any. */
export function stripeErrorCode(error: unknown): string | undefined {
  return error instanceof Stripe.errors.StripeError ? error.code : undefined;
}

/** Errors worth retrying: rate limits, network failures and Stripe's own 5xx. Anything else is final. */
export function isRetryableStripeError(error: unknown): boolean {
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  if (error instanceof Stripe.errors.StripeAPIError) return true;
  // 409: another request with the same idempotency key is still running (a double click); retry to get its answer.
  if (error instanceof Stripe.errors.StripeError)
    return (error.statusCode ?? 0) >= 500 || error.statusCode === 429 || error.statusCode === 409;
  return false;
}

export interface RetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Calls Stripe with bounded exponential back-off and full jitter on retryable errors. The caller passes an
 * idempotency key inside `call`, so a retry after a lost response never creates a second object.
 */
export async function withStripeRetry<T>(
  call: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 200;
  const max = options.maxDelayMs ?? 4_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      lastError = error;
      if (!isRetryableStripeError(error) || attempt === attempts) throw error;
      await sleep(Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1))));
    }
  }
  throw lastError;
}
