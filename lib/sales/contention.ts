/**
 * How sale writers meet a busy bucket row. They lock with SKIP LOCKED and, finding it taken, pause a random moment
 * and try again, never queueing on the row lock: under a crowd a waiter there re-queues behind every newer version
 * of the row that SKIP LOCKED writers create, and was seen to starve for seconds. Never waiting also means the
 * writers cannot deadlock, whatever order they touch buckets in.
 */

/** About a second of tries in all before a click gives up (and says the store is busy): batches hold bucket locks. */
export const MAX_TRIES = 80;

export function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(16, attempt + 1);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Settling one known hold (a payment, a cancel, an expiry) must reach that hold's one bucket, which reservations
 * keep locked for the length of their batch: under a storm it can be taken for a while, so settling tries for
 * about 1.5 s before it gives up (and a webhook answers non-2xx, so Stripe delivers it again).
 */
export const SETTLE_MAX_TRIES = 200;
