/**
 * How sale writers meet a busy bucket row. They lock with SKIP LOCKED and, finding it taken, pause a random moment
 * and try again, never queueing on the row lock: under a crowd a waiter there re-queues behind every newer version
 * of the row that SKIP LOCKED writers create, and was seen to starve for seconds. Never waiting also means the
 * writers cannot deadlock, whatever order they touch buckets in.
 */

/** About half a second of tries in all before a writer gives up (and says the store is busy). */
export const MAX_TRIES = 40;

export function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(16, attempt + 1);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
