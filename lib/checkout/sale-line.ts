import "server-only";
import { getDb } from "@/lib/db";
import { checkoutSessionsPerSecond, env } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { getStripe } from "@/lib/payments/stripe";
import { getQueueStatus, processCheckoutQueue, type QueueStatus } from "./sale-queue";

/**
 * A waiting fan's poll: first help the line move (one bounded round at the store-wide rate, safe on every
 * instance at once), then say where they stand.
 */
export async function pollCheckoutLine({
  holdId,
  userId,
  now,
}: {
  holdId: string;
  userId: string;
  now: Date;
}): Promise<QueueStatus> {
  const db = await getDb();
  const throttle = { ratePerSecond: checkoutSessionsPerSecond };
  await processCheckoutQueue(
    { db, stripe: getStripe() },
    { now, origin: await getOrigin(), holdMinutes: env.HOLD_MINUTES, throttle, max: 5 },
  );
  return getQueueStatus(db, { holdId, userId, ratePerSecond: throttle.ratePerSecond });
}
