import { probedQueryCount, queryCount } from "@/lib/db";
import { refuseUnlessQa } from "@/lib/qa/guard";

export const dynamic = "force-dynamic";

const PROBE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Database statements this server process has sent: `{ count }`, and with `?probe=<id>` also the statements sent
 * while handling requests that carried `x-kite-query-probe: <id>` (`probe`: null when this server does not
 * count per request, i.e. it was not started through scripts/server.mjs). Outside production only.
 */
export async function GET(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const id = new URL(request.url).searchParams.get("probe");
  if (id !== null && !PROBE_ID.test(id)) {
    return Response.json({ error: "probe ids are 1 to 64 letters, digits, - or _" }, { status: 400 });
  }
  const body = id === null ? { count: queryCount() } : { count: queryCount(), probe: probedQueryCount(id) };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
