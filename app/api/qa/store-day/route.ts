import { env } from "@/lib/env";
import { refuseUnlessQa } from "@/lib/qa/guard";
import { getRequestNow } from "@/lib/qa/now";
import { storeDayOf } from "@/lib/sales/store-day";

export const dynamic = "force-dynamic";

/**
 * QA only: the store's time zone and the store day of this client's "now", so the e2e suite can give each test a
 * store day of its own and place its sales and clock on it (the hero rotates on the store's day, not UTC's).
 */
export async function GET(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const now = await getRequestNow();
  return Response.json(
    { timeZone: env.STORE_TIMEZONE, today: storeDayOf(now, env.STORE_TIMEZONE), now: now.toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
}
