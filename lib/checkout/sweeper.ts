import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { orders } from "@/db/schema";
import { getDb } from "@/lib/db";
import { getStripe } from "@/lib/payments/stripe";
import { sweepExpiredSaleHolds } from "@/lib/sales/holds";
import { refundOrder, sweepExpiredHolds } from "./checkout";

/**
 * One sweep: release holds that ran out by `now` (expiring their sessions) and retry refunds that failed.
 * Safe to run on every instance at once.
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
  const owed = await db
    .select({ id: orders.id, paymentIntentId: orders.stripePaymentIntentId })
    .from(orders)
    .where(
      and(
        eq(orders.status, "refunded"),
        isNull(orders.stripeRefundId),
        isNotNull(orders.stripePaymentIntentId),
      ),
    )
    .limit(50);
  for (const order of owed) {
    if (order.paymentIntentId)
      await refundOrder({ db, stripe }, { orderId: order.id, paymentIntentId: order.paymentIntentId });
  }
  return { released: released + sale.released, refundsRetried: owed.length };
}

const globalForSweep = globalThis as unknown as { __kiteSweep?: NodeJS.Timeout };

/** The in-process interval that keeps holds honest while the store runs, beside the scheduled route. */
export function startHoldSweeper(intervalMs = 15_000) {
  if (globalForSweep.__kiteSweep) return;
  globalForSweep.__kiteSweep = setInterval(() => {
    runHoldSweep({ now: new Date() }).catch((error: unknown) => console.error("[sweep] failed", error));
  }, intervalMs);
  globalForSweep.__kiteSweep.unref();
}
