import { z } from "zod";
import { sessionUserFromHeaders } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { DEFAULT_JSON_BODY_LIMIT } from "@/lib/http/body";
import type { PlainRequest, PlainResponse } from "@/lib/http/plain";
import { clientIpFrom, originFrom } from "@/lib/http/request-info";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import { SQL_INT_MAX } from "@/lib/ids";
import { requestNowFrom } from "@/lib/qa/request-now";
import { countSalePress } from "./press-counts";
import { checkSaleRateLimit, getSaleRateLimiter } from "./rate-limit";
import { reserveSaleUnit } from "./reserve";

/*
 * POST /api/sales/{id}/reserve: the same reserve as the Buy now button, for API clients and the crowd's scripts.
 * One function from a request to an answer, reading nothing but the request (no `next/headers`): Next's route
 * handler calls it, and so does the lean handler that scripts/server.mjs puts in front of Next for this one path
 * (lib/sales/hot-path.ts), so the flash-sale click skips Next's routing and rendering machinery without a second
 * copy of any rule: session, origin check, body limit, rate limits, reserve and errors are these.
 */

/** The path it answers; the sale id is checked by the rule (a malformed one is "not found"). */
export const RESERVE_PATH = /^\/api\/sales\/([^/?#]{1,100})\/reserve$/;

const bodySchema = z.object({
  skuId: z.number().int().positive().max(SQL_INT_MAX),
  requestKey: z.string().min(8).max(64).optional(),
});
const BODY_SHAPE = "Send { skuId: number, requestKey?: string }.";

const STATUS: Record<string, number> = {
  invalid: 400,
  not_found: 404,
  sku_not_in_sale: 400,
  not_started: 409,
  ended: 409,
  not_registered: 403,
  early_access_only: 403,
  limit_reached: 409,
  sold_out: 409,
  busy: 503,
  unavailable: 503,
};

async function readReserveBody(request: PlainRequest) {
  const body = await request.readBody(DEFAULT_JSON_BODY_LIMIT);
  if (!body.ok && body.code === "payload_too_large") {
    return { ok: false as const, answer: { status: 413, json: { error: body.message, code: body.code } } };
  }
  let json: unknown = null;
  if (body.ok) {
    try {
      json = JSON.parse(body.text);
    } catch {
      json = null;
    }
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return { ok: false as const, answer: { status: 400, json: { error: BODY_SHAPE } } };
  return { ok: true as const, data: parsed.data };
}

/** 401 signed out, 403/415 another site's or not JSON, 400/413 a bad body, 429 too fast, else the rule's answer. */
export async function answerReserve(request: PlainRequest, saleId: string): Promise<PlainResponse> {
  const h = request.headers;
  // The session cookie rides along with any site's request: only our own pages' JSON is accepted.
  const crossSite = crossSiteRefusal(h, { storeOrigin: originFrom(h) });
  if (crossSite) return { status: crossSite.status, json: { error: crossSite.error } };
  const user = await sessionUserFromHeaders(h);
  if (!user) return { status: 401, json: { error: "Sign in to buy in this sale." } };
  const body = await readReserveBody(request);
  if (!body.ok) return body.answer;
  const now = requestNowFrom(h);
  const limited = await checkSaleRateLimit(getSaleRateLimiter(), {
    action: "reserve",
    userId: user.id,
    ip: clientIpFrom(h),
    now,
  });
  countSalePress({ saleId, refused: !limited.ok });
  if (!limited.ok) {
    return {
      status: 429,
      json: { error: limited.message },
      headers: { "retry-after": String(limited.retryAfterSeconds) },
    };
  }
  const result = await reserveSaleUnit(await getDb(), {
    saleId,
    ...body.data,
    userId: user.id,
    now,
    holdMinutes: env.HOLD_MINUTES,
    timeZone: env.STORE_TIMEZONE,
    queueForCheckout: true,
  });
  if (!result.ok) {
    const retry = result.code === "busy" || result.code === "unavailable";
    return {
      status: STATUS[result.code] ?? 400,
      json: { error: result.message, code: result.code },
      ...(retry ? { headers: { "retry-after": "1" } } : {}),
    };
  }
  return {
    status: result.existing ? 200 : 201,
    json: {
      holdId: result.hold.holdId,
      existing: result.existing,
      expiresAt: result.hold.expiresAt.toISOString(),
      next: `/sales/holds/${result.hold.holdId}`,
    },
  };
}
