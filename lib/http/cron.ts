import "server-only";
import { env } from "@/lib/env";
import { hasBearerSecret } from "@/lib/http-auth";
import { getRequestNow } from "@/lib/qa/now";

/** A scheduler's call: `Authorization: Bearer <CRON_SECRET>`; without CRON_SECRET, anyone outside production. */
export function isCronAuthorised(request: Request): boolean {
  // Without CRON_SECRET the route is open only outside production (development, tests).
  if (!env.CRON_SECRET) return env.STORE_ENV !== "production";
  return hasBearerSecret(request, env.CRON_SECRET);
}

/**
 * The route handler of a scheduled job: 401 unless the scheduler calls, else the job runs at the request's clock
 * and its result is answered as `{ ok: true, ...result }`.
 */
export function cronJobHandler(job: (input: { now: Date }) => Promise<object>) {
  return async (request: Request): Promise<Response> => {
    if (!isCronAuthorised(request)) return Response.json({ error: "unauthorised" }, { status: 401 });
    const result = await job({ now: await getRequestNow() });
    return Response.json({ ok: true, ...result });
  };
}
