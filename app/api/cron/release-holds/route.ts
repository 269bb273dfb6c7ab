import { runHoldSweep } from "@/lib/checkout/sweeper";
import { env } from "@/lib/env";
import { hasBearerSecret } from "@/lib/http-auth";
import { getRequestNow } from "@/lib/qa/now";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  // Without CRON_SECRET the route is open only outside production (development, tests).
  if (!env.CRON_SECRET) return env.STORE_ENV !== "production";
  return hasBearerSecret(request, env.CRON_SECRET);
}

/** Production calls this on a schedule (every minute); every instance may also run it at once. */
async function sweep(request: Request) {
  if (!authorised(request)) return Response.json({ error: "unauthorised" }, { status: 401 });
  const result = await runHoldSweep({ now: await getRequestNow() });
  return Response.json({ ok: true, ...result });
}

export { sweep as GET, sweep as POST };
