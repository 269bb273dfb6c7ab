import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { isConnectionLost, isSqlInt, isUuid, RETRYABLE, sqlState } from "./db-errors";
import {
  type LaneSettings,
  laneFromColumns,
  laneRefusal,
  publicStartText,
  qualifiesForLane,
} from "./early-access-rules";
import { releaseSaleHold } from "./holds";
import { judgeLiveHolds, type LiveHold } from "./live-holds";
import type { ReserveInput, ReserveResult } from "./reserve";
import { recallLane, rememberLane } from "./sold-out-memo";

/*
 * The early-access lane (issue 14): fans of the sale's lane tier or above reserve before the public start, at most
 * the lane's quota of units in all. Lane units come from the sale's own public buckets (no stock is moved), so the
 * stock invariant is the usual one and whatever the lane did not sell is simply there at the public start; before
 * the start nobody else can take from those buckets. The quota is kept by counting the sale's live lane holds
 * while holding the sale row's lock (FOR NO KEY UPDATE: lane reservations of one sale queue on it, while
 * registrations' key-share locks and reads go on), in the transaction that inserts the hold, so a storm of lane
 * presses cannot take one unit more than the quota. A lane hold is an ordinary hold (numbered within the
 * per-account limit, queued for checkout, paid through Stripe Checkout, released when it expires) marked
 * `early_access`; a released lane hold gives its unit back to the bucket and its place back to the lane.
 *
 * The crowd's hot path is untouched: ./reserve.ts only comes here for a press it would refuse as "not started".
 */

interface LaneRow {
  status: "draft" | "scheduled" | "ended";
  kind: "first_come" | "draw";
  startsAt: Date | string;
  endsAt: Date | string;
  perAccountLimit: number;
  earlyAccessMinPoints: number | null;
  earlyAccessMinutes: number | null;
  earlyAccessQuota: number | null;
  lifetimeEarned: number;
  registered: boolean;
  skuInSale: boolean;
}

class Answer {
  constructor(readonly result: ReserveResult | { release: string[] }) {}
}

const refuse = (code: Extract<ReserveResult, { ok: false }>["code"], message: string, startsAt?: Date) =>
  new Answer({ ok: false, code, message, ...(startsAt ? { startsAt } : {}) });

/**
 * A press before the public start: a lane hold when the sale has a lane that is open now and the fan's tier is in
 * it, else `notStarted` (no lane, or not open yet for this fan) with the lane's sentence ("Gold and above from
 * 09:50; everyone from 10:00 CET") when the sale has one.
 */
export async function reserveEarlyAccessUnit(
  db: Db,
  input: ReserveInput & { timeZone: string },
  notStarted: Extract<ReserveResult, { ok: false }>,
): Promise<ReserveResult> {
  const { saleId, skuId, userId, now, holdMinutes } = input;
  if (!isUuid(saleId) || !isSqlInt(skuId) || !isUuid(userId)) return notStarted;
  const early = await precheck(db, input, notStarted);
  if (early) return early;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const outcome = await db.transaction(async (tx) => {
        try {
          return await reserveInLane(tx as unknown as Db, input, notStarted, holdMinutes);
        } catch (error) {
          if (error instanceof Answer) return error;
          throw error;
        }
      });
      const result = outcome instanceof Answer ? outcome.result : outcome;
      if ("release" in result) {
        for (const holdId of result.release) await releaseSaleHold(db, { holdId, now, reason: "expired" });
        continue;
      }
      return result;
    } catch (error) {
      const code = sqlState(error);
      if (code && RETRYABLE.has(code)) continue;
      if (isConnectionLost(error)) {
        return {
          ok: false,
          code: "unavailable",
          message: "We lost touch with the stock for a moment. Please press Buy now again.",
        };
      }
      throw error;
    }
  }
  return {
    ok: false,
    code: "busy",
    message: "So many fans are buying early right now that we couldn't reach your unit. Please try again.",
  };
}

/**
 * Answers without a lock what needs none: a sale without a lane (remembered, so a flood before the start costs no
 * statement), a lane not open yet, a fan below its tier. Null when the fan may try the lane now.
 */
async function precheck(
  db: Db,
  input: ReserveInput & { timeZone: string },
  notStarted: Extract<ReserveResult, { ok: false }>,
): Promise<ReserveResult | null> {
  const { saleId, userId, now, timeZone } = input;
  let lane = recallLane(saleId);
  if (lane === null) return notStarted;
  const refusal = (l: NonNullable<typeof lane>): ReserveResult => ({
    ok: false,
    code: "early_access_only",
    message: laneRefusal(l.startsAt, l, timeZone),
    startsAt: l.startsAt,
  });
  if (lane && now.getTime() < lane.startsAt.getTime() - lane.minutes * 60_000) return refusal(lane);
  const [row] = await queryRows<{
    startsAt: Date | string;
    earlyAccessMinPoints: number | null;
    earlyAccessMinutes: number | null;
    earlyAccessQuota: number | null;
    usable: boolean;
    lifetimeEarned: number;
  }>(
    db,
    sql`
      select s.starts_at as "startsAt", s.early_access_min_points as "earlyAccessMinPoints",
        s.early_access_minutes as "earlyAccessMinutes", s.early_access_quota as "earlyAccessQuota",
        (s.status = 'scheduled' and s.kind = 'first_come') as usable,
        coalesce((select p.lifetime_earned from points_accounts p where p.user_id = ${userId}::uuid), 0)::int
          as "lifetimeEarned"
      from sales s where s.id = ${saleId}::uuid`,
  );
  const settings = row?.usable ? laneFromColumns(row) : null;
  lane = settings && row ? { ...settings, startsAt: new Date(row.startsAt) } : null;
  rememberLane(saleId, lane);
  if (!lane || !row) return notStarted;
  if (now.getTime() >= lane.startsAt.getTime()) return notStarted;
  const opens = lane.startsAt.getTime() - lane.minutes * 60_000;
  if (now.getTime() < opens || !qualifiesForLane(lane, row.lifetimeEarned)) return refusal(lane);
  return null;
}

async function reserveInLane(
  tx: Db,
  input: ReserveInput & { timeZone: string },
  notStarted: Extract<ReserveResult, { ok: false }>,
  holdMinutes: number,
): Promise<ReserveResult | Answer> {
  const { saleId, skuId, userId, now, timeZone } = input;
  const requestKey = input.requestKey ?? null;
  // The sale row's lock first: every lane press of this sale queues here, so the count below is exact.
  const [row] = await queryRows<LaneRow>(
    tx,
    sql`
      select s.status, s.kind, s.starts_at as "startsAt", s.ends_at as "endsAt",
        s.per_account_limit as "perAccountLimit",
        s.early_access_min_points as "earlyAccessMinPoints", s.early_access_minutes as "earlyAccessMinutes",
        s.early_access_quota as "earlyAccessQuota",
        coalesce((select p.lifetime_earned from points_accounts p where p.user_id = ${userId}::uuid), 0)::int
          as "lifetimeEarned",
        exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = ${userId}::uuid)
          as registered,
        exists (select 1 from sale_skus k where k.sale_id = s.id and k.sku_id = ${skuId}::int) as "skuInSale"
      from sales s where s.id = ${saleId}::uuid
      for no key update of s`,
  );
  const lane = row ? laneFromColumns(row) : null;
  if (!row || !lane || row.status !== "scheduled" || row.kind !== "first_come") return notStarted;
  const startsAt = new Date(row.startsAt);
  const opens = startsAt.getTime() - lane.minutes * 60_000;
  const t = now.getTime();
  if (t >= startsAt.getTime()) return notStarted; // the public start came meanwhile: the caller's path applies
  const message = laneRefusal(startsAt, lane, timeZone);
  if (!qualifiesForLane(lane, row.lifetimeEarned) || t < opens) {
    throw refuse("early_access_only", message, startsAt);
  }
  if (!row.skuInSale) {
    throw refuse(
      "sku_not_in_sale",
      "That version isn't part of this sale. Choose one of the versions on the sale page.",
    );
  }
  if (!row.registered) {
    throw refuse(
      "not_registered",
      "Register for this sale first: early access is for registered fans of the tier.",
      startsAt,
    );
  }
  const holds = await liveHolds(tx, { saleId, userId });
  const verdict = judgeLiveHolds(holds, { saleId, skuId, requestKey, limit: row.perAccountLimit, now });
  if (verdict?.kind === "release") throw new Answer({ release: verdict.holdIds });
  if (verdict) return verdict.result;
  // Counted in a statement of its own: under READ COMMITTED it sees every lane hold committed before the lock
  // was ours (a subquery of the locking statement would keep the snapshot taken before waiting for it).
  const [taken] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from sale_holds h
        where h.sale_id = ${saleId}::uuid and h.early_access and h.status in ('active', 'converted')`,
  );
  if ((taken?.n ?? 0) >= lane.quota) throw laneFull(lane, startsAt, timeZone);
  return takeLaneUnit(tx, input, { holdMinutes, startsAt });
}

async function takeLaneUnit(
  tx: Db,
  input: ReserveInput & { timeZone: string },
  { holdMinutes, startsAt }: { holdMinutes: number; startsAt: Date },
): Promise<ReserveResult> {
  const { saleId, skuId, userId, now } = input;
  const requestKey = input.requestKey ?? null;
  const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const [taken] = await queryRows<{ holdId: string; seq: number }>(
    tx,
    sql`
      with sale as (
        select s.per_account_limit as lim from sales s where s.id = ${saleId}::uuid
      ), slot as (
        select g.n::smallint as seq
        from sale cross join generate_series(1, sale.lim) as g(n)
        where not exists (
          select 1 from sale_holds h
          where h.sale_id = ${saleId}::uuid and h.user_id = ${userId}::uuid and h.seq = g.n
            and h.status in ('active', 'converted'))
        order by g.n limit 1
      ), pick as (
        select c.id from sale_buckets c
        where c.sale_id = ${saleId}::uuid and c.sku_id = ${skuId}::int and c.bucket >= 0 and c.available > 0
          and exists (select 1 from slot)
        order by random() limit 1
        for no key update
      ), hold as (
        insert into sale_holds (sale_id, sku_id, bucket_id, user_id, seq, status, request_key, expires_at,
          created_at, early_access)
        select ${saleId}::uuid, ${skuId}::int, pick.id, ${userId}::uuid, slot.seq, 'active', ${requestKey},
          ${expiresAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, true
        from pick cross join slot
        on conflict do nothing
        returning id, seq, bucket_id
      ), took as (
        update sale_buckets b set available = b.available - 1, held = b.held + 1
        from hold where b.id = hold.bucket_id
        returning b.id
      ), queued as (
        insert into checkout_queue (hold_id, user_id, enqueued_at, not_before)
        select hold.id, ${userId}::uuid, ${now.toISOString()}::timestamptz, now() from hold
        where ${input.queueForCheckout ?? false}::boolean
        returning hold_id
      )
      select hold.id as "holdId", hold.seq::int as seq from hold, took`,
  );
  if (!taken) {
    throw refuse(
      "sold_out",
      `This version has no units left for early access. Choose another version, or buy from ${publicStartText(startsAt, input.timeZone)}.`,
    );
  }
  return {
    ok: true,
    existing: false,
    hold: {
      holdId: taken.holdId,
      saleId,
      skuId,
      seq: taken.seq,
      status: "active",
      expiresAt,
      orderId: null,
    },
  };
}

function laneFull(lane: LaneSettings, startsAt: Date, timeZone: string): Answer {
  return refuse(
    "sold_out",
    `The early-access units (${lane.quota}) are all taken. Everyone can buy from ${publicStartText(startsAt, timeZone)}, when the rest of the stock goes on sale.`,
    startsAt,
  );
}

async function liveHolds(tx: Db, { saleId, userId }: { saleId: string; userId: string }) {
  return queryRows<LiveHold>(
    tx,
    sql`
      select h.id as "holdId", h.sku_id as "skuId", h.seq, h.status, h.request_key as "requestKey",
        h.expires_at as "expiresAt", h.order_id as "orderId"
      from sale_holds h
      where h.sale_id = ${saleId}::uuid and h.user_id = ${userId}::uuid and h.seq > 0
        and h.status in ('active', 'converted')
      order by h.seq`,
  );
}
