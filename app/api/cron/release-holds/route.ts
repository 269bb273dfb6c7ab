import { timingSafeEqual } from "node:crypto";
import { runHoldSweep } from "@/lib/checkout/sweeper";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  // Without CRON_SECRET the route is open only outside production (development, tests).
  if (!env.CRON_SECRET) return env.STORE_ENV !== "production";
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(env.CRON_SECRET);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Production calls this on a schedule (every minute); every instance may also run it at once. */
async function sweep(request: Request) {
  if (!authorised(request)) return Response.json({ error: "unauthorised" }, { status: 401 });
  const result = await runHoldSweep({ now: await getRequestNow() });
  return Response.json({ ok: true, ...result });
}

export { sweep as GET, sweep as POST };
