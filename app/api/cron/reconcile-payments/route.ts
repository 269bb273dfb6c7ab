import { runPaymentReconciliation } from "@/lib/checkout/sweeper";
import { cronJobHandler } from "@/lib/http/cron";

export const dynamic = "force-dynamic";

/**
 * Production calls this on a schedule (every 5 minutes, like the hold sweep's cron): it applies any Checkout or
 * refund event the webhook missed. Safe from every instance at once: one holds the lease, the others skip.
 */
const reconcile = cronJobHandler(runPaymentReconciliation);

export { reconcile as GET, reconcile as POST };
