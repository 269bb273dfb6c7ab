import { runPaymentReconciliation } from "@/lib/checkout/sweeper";
import { env } from "@/lib/env";
import { hasBearerSecret } from "@/lib/http-auth";
import { getRequestNow } from "@/lib/qa/now";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  // Without CRON_SECRET the route is open only outside production (development, tests).
  if (!env.CRON_SECRET) return env.STORE_ENV !== "production";
  return hasBearerSecret(request, env.CRON_SECRET);
}

/**
 * Production calls this on a schedule (every 5 minutes, like the hold sweep's cron): it applies any Checkout or
 * refund event the webhook missed. Safe from every instance at once: one holds the lease, the others skip.
 */
async function reconcile(request: Request) {
  if (!authorised(request)) return Response.json({ error: "unauthorised" }, { status: 401 });
  const result = await runPaymentReconciliation({ now: await getRequestNow() });
  return Response.json({ ok: true, ...result });
}

export { reconcile as GET, reconcile as POST };
