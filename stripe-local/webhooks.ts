import { createHmac } from "node:crypto";
import type { StripeEvent } from "./objects";

/** Stripe's `Stripe-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the secret>`. */
export function signWebhookPayload(payload: string, secret: string, timestampSeconds: number): string {
  const signature = createHmac("sha256", secret)
    .update(`${timestampSeconds}.${payload}`, "utf8")
    .digest("hex");
  return `t=${timestampSeconds},v1=${signature}`;
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface WebhookStats {
  delivered: number;
  failedAttempts: number;
  abandoned: number;
  pending: number;
}

export interface WebhookDispatcherOptions {
  target: () => WebhookTarget | null;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs?: number;
  onAttemptFailed?: (event: StripeEvent, attempt: number, reason: string) => void;
}

/**
 * Delivers events like Stripe: asynchronously, re-signed at every attempt, and retried on any non-2xx answer or
 * network error with exponential back-off (Stripe waits up to three days; here the base is half a second).
 */
export class WebhookDispatcher {
  private readonly stats: WebhookStats = { delivered: 0, failedAttempts: 0, abandoned: 0, pending: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closing = new AbortController();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: WebhookDispatcherOptions) {}

  snapshot(): WebhookStats {
    return { ...this.stats };
  }

  resetCounters(): void {
    this.stats.delivered = 0;
    this.stats.failedAttempts = 0;
    this.stats.abandoned = 0;
  }

  enqueue(event: StripeEvent): void {
    if (this.closing.signal.aborted || !this.options.target()) return;
    this.stats.pending += 1;
    void this.attempt(event, JSON.stringify(event, null, 2), 1);
  }

  /** Resolves once no delivery is pending or waiting for a retry. */
  idle(): Promise<void> {
    if (this.stats.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.stats.pending = 0;
    this.notifyIdle();
  }

  private async attempt(event: StripeEvent, payload: string, attempt: number): Promise<void> {
    const target = this.options.target();
    let failure: string | null = "no webhook endpoint configured";
    if (target) {
      try {
        // The signature time is wall-clock even under a fake `now`: receivers check it against their own clock.
        const signature = signWebhookPayload(payload, target.secret, Math.floor(Date.now() / 1000));
        const response = await fetch(target.url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "stripe-signature": signature,
          },
          body: payload,
          signal: AbortSignal.any([
            this.closing.signal,
            AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
          ]),
        });
        await response.arrayBuffer().catch(() => undefined);
        failure = response.ok ? null : `HTTP ${response.status}`;
      } catch (error) {
        // fetch hides the socket error (ECONNREFUSED...) in `cause`.
        const cause =
          error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
        failure = error instanceof Error ? `${error.message}${cause}` : String(error);
      }
    }
    if (this.closing.signal.aborted) return;
    if (failure === null) {
      this.stats.delivered += 1;
      this.finish();
      return;
    }
    this.stats.failedAttempts += 1;
    this.options.onAttemptFailed?.(event, attempt, failure);
    if (attempt >= this.options.maxAttempts) {
      this.stats.abandoned += 1;
      this.finish();
      return;
    }
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.attempt(event, payload, attempt + 1);
      },
      this.options.retryBaseMs * 2 ** (attempt - 1),
    );
    this.timers.add(timer);
  }

  private finish(): void {
    this.stats.pending -= 1;
    if (this.stats.pending === 0) this.notifyIdle();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
