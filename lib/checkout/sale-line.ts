import "server-only";
import { getDb } from "@/lib/db";
import { checkoutSessionsPerSecond, env } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { getStripe } from "@/lib/payments/stripe";
import { getQueueStatus, processCheckoutQueue, type QueueStatus } from "./sale-queue";

/** How often one instance runs a round of the line, however many fans poll it. */
const ROUND_INTERVAL_MS = 200;

/** The round in flight and when the last one started, per clock (the QA clock may differ per request). */
const rounds = new Map<number, { running: Promise<unknown> | null; startedAt: number }>();

/**
 * One round of the line per instance at a time and at most every ROUND_INTERVAL_MS: thousands of fans poll, and a
 * round per poll made them queue on the line's claim and the throttle row (4.4 ms of server CPU a poll, measured by
 * bench:http). The round runs beside the poll, which answers from what the line says now: the fan whose session the
 * round creates hears "ready" on their next poll (0.7 s later near the front).
 */
function driveLine(now: Date, run: () => Promise<unknown>): void {
  const clock = Math.round((now.getTime() - Date.now()) / 60_000);
  const state = rounds.get(clock) ?? { running: null, startedAt: 0 };
  rounds.set(clock, state);
  if (!state.running && Date.now() - state.startedAt >= ROUND_INTERVAL_MS) {
    state.startedAt = Date.now();
    state.running = run()
      .catch((error) => console.error("[checkout-line] round failed:", error))
      .finally(() => {
        state.running = null;
      });
  }
}

/**
 * A waiting fan's poll: help the line move (a bounded round at the store-wide rate, safe on every instance at
 * once, one at a time per instance, beside the poll), and say where they stand.
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
  // Enough per round for the store-wide rate from one instance (twice a round's share), never fewer than 5.
  const max = Math.max(5, Math.ceil((throttle.ratePerSecond * ROUND_INTERVAL_MS * 2) / 1000));
  const origin = await getOrigin();
  driveLine(now, () =>
    processCheckoutQueue(
      { db, stripe: getStripe() },
      { now, origin, holdMinutes: env.HOLD_MINUTES, throttle, max },
    ),
  );
  return getQueueStatus(db, { holdId, userId, ratePerSecond: throttle.ratePerSecond });
}
