import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { parseJsonBody } from "@/lib/http/body";
import { refuseCrossSiteJson } from "@/lib/http/same-origin";
import { SQL_INT_MAX } from "@/lib/ids";
import { getRequestNow } from "@/lib/qa/now";
import { checkRequestRateLimit } from "@/lib/sales/request-rate-limit";
import { reserveSaleUnit } from "@/lib/sales/reserve";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  skuId: z.number().int().positive().max(SQL_INT_MAX),
  requestKey: z.string().min(8).max(64).optional(),
});

const STATUS: Record<string, number> = {
  invalid: 400,
  not_found: 404,
  sku_not_in_sale: 400,
  not_started: 409,
  ended: 409,
  not_registered: 403,
  limit_reached: 409,
  sold_out: 409,
  busy: 503,
  unavailable: 503,
};

/**
 * The same reserve as the Buy now button, for API clients and the HTTP benchmark: JSON in, JSON out, 429 with
 * Retry-After when a fan or an address is going too fast.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // The session cookie rides along with any site's request: only our own pages' JSON is accepted.
  const crossSite = refuseCrossSiteJson(request, { storeOrigin: await getOrigin() });
  if (crossSite) return crossSite;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in to buy in this sale." }, { status: 401 });
  const parsed = await parseJsonBody(request, bodySchema, "Send { skuId: number, requestKey?: string }.");
  if (!parsed.ok) return parsed.response;
  const { id: saleId } = await params;
  const now = await getRequestNow();
  const limited = await checkRequestRateLimit({ action: "reserve", userId: user.id, now });
  if (!limited.ok) {
    return Response.json(
      { error: limited.message },
      { status: 429, headers: { "retry-after": String(limited.retryAfterSeconds) } },
    );
  }
  const db = await getDb();
  const result = await reserveSaleUnit(db, {
    saleId,
    ...parsed.data,
    userId: user.id,
    now,
    holdMinutes: env.HOLD_MINUTES,
    timeZone: env.STORE_TIMEZONE,
    queueForCheckout: true,
  });
  if (!result.ok) {
    return Response.json(
      { error: result.message, code: result.code },
      {
        status: STATUS[result.code] ?? 400,
        ...(result.code === "busy" || result.code === "unavailable"
          ? { headers: { "retry-after": "1" } }
          : {}),
      },
    );
  }
  return Response.json(
    {
      holdId: result.hold.holdId,
      existing: result.existing,
      expiresAt: result.hold.expiresAt.toISOString(),
      next: `/sales/holds/${result.hold.holdId}`,
    },
    { status: result.existing ? 200 : 201 },
  );
}
