import "server-only";
import { getDb } from "@/lib/db";
import { returnExpiredFcodeUnits } from "@/lib/fcodes/commands";
import { getStripe } from "@/lib/payments/stripe";
import { promoteDrawReserves } from "@/lib/sales/draw";
import { sweepExpiredSaleHolds } from "@/lib/sales/holds";
import { mailWaitlistOffers } from "@/lib/sales/waitlist";
import { sweepExpiredHolds } from "./checkout";
import { type ReconcileResult, reconcilePayments } from "./reconcile";
import { retryOwedRefunds } from "./refunds";

/**
 * One sweep: release holds that ran out by `now` (expiring their sessions), retry refunds still owed, oldest
 * first, return expired F-code batches' unused units to their sales, and hold draw units that came back for the
 * next entries in drawn order. Safe to run on every instance at once.
 */
export async function runHoldSweep({
  now,
}: {
  now: Date;
}): Promise<{ released: number; refundsRetried: number }> {
  const db = await getDb();
  const stripe = getStripe();
  // Sale holds first: their orders then expire in the same sweep (both carry the same expiry).
  const sale = await sweepExpiredSaleHolds(db, { now });
  const { released } = await sweepExpiredHolds({ db, stripe }, { now });
  const refunds = await retryOwedRefunds({ db, stripe }, { now, limit: 50 });
  // Expired F-code batches give their unused units back to their sale (after the holds above came back).
  await returnExpiredFcodeUnits(db, { now });
  // Units of draw winners who did not pay go to the next entries in drawn order.
  await promoteDrawReserves(db, { now });
  // Units that came back above were offered to waitlisted fans in the same statements; their mails go out here.
  await mailWaitlistOffers(db, { now });
  return { released: released + sale.released, refundsRetried: refunds.retried };
}

/** One reconciliation run against Stripe's event list (see reconcile.ts); one instance at a time does the work. */
export async function runPaymentReconciliation({ now }: { now: Date }): Promise<ReconcileResult> {
  return reconcilePayments({ db: await getDb(), stripe: getStripe() }, { now });
}

const globalForSweep = globalThis as unknown as {
  __kiteSweep?: NodeJS.Timeout;
  __kiteReconcile?: NodeJS.Timeout;
};

/**
 * The in-process intervals that keep holds and payments honest while the store runs, beside the scheduled
 * routes: the hold sweep (default every 15 s) and reconciliation with Stripe's event list (every
 * RECONCILE_INTERVAL_MS, default 5 minutes; 0 turns it off).
 */
export function startHoldSweeper(intervalMs = 15_000) {
  if (globalForSweep.__kiteSweep) return;
  globalForSweep.__kiteSweep = setInterval(() => {
    runHoldSweep({ now: new Date() }).catch((error: unknown) => console.error("[sweep] failed", error));
  }, intervalMs);
  globalForSweep.__kiteSweep.unref();
  const reconcileMs = Number(process.env.RECONCILE_INTERVAL_MS ?? 5 * 60_000);
  if (reconcileMs > 0 && !globalForSweep.__kiteReconcile) {
    globalForSweep.__kiteReconcile = setInterval(() => {
      runPaymentReconciliation({ now: new Date() }).catch((error: unknown) =>
        console.error("[reconcile] failed", error),
      );
    }, reconcileMs);
    globalForSweep.__kiteReconcile.unref();
  }
}
