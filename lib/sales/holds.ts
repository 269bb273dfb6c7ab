import "server-only";
import { sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { queryRows } from "@/db/client";
import type { Db, Tx } from "@/lib/db";
import { pause, SETTLE_MAX_TRIES } from "./contention";
import { isUuid, pgArray, sqlState, UNIQUE_VIOLATION } from "./db-errors";
import { recordSoldOutIfEmpty } from "./sold-out";
import { forgetSoldOut } from "./sold-out-memo";

/*
 * Every writer of sale stock locks bucket rows with SKIP LOCKED and never waits for one (see ./contention), then
 * touches hold rows. A reservation waits on another transaction's hold only through the unique index, and that
 * transaction waits for nothing, so the waits cannot form a cycle.
 */

export type ReleaseReason = "expired" | "cancelled" | "payment_failed";

export type ReleaseSaleHoldResult =
  | { released: true; saleId: string; orderId: string | null }
  | { released: false; reason: "not_found" | "not_active" | "busy" };

/**
 * Returns a held unit to its bucket, in one statement. Conditional on the hold being active, so a second call, a
 * concurrent sweep or a payment that converted it first changes nothing. Pass `userId` when a fan cancels their
 * own hold.
 */
export async function releaseSaleHold(
  db: Db,
  { holdId, now, reason, userId }: { holdId: string; now: Date; reason: ReleaseReason; userId?: string },
): Promise<ReleaseSaleHoldResult> {
  if (!isUuid(holdId) || (userId !== undefined && !isUuid(userId))) {
    return { released: false, reason: "not_found" };
  }
  const owner = userId === undefined ? sql`` : sql`and h.user_id = ${userId}::uuid`;
  for (let attempt = 0; attempt < SETTLE_MAX_TRIES; attempt++) {
    const [row] = await queryRows<{ status: string | null; saleId: string | null; orderId: string | null }>(
      db,
      sql`
        with b as (
          select b.id from sale_buckets b join sale_holds h on h.bucket_id = b.id
          where h.id = ${holdId}::uuid and h.status = 'active' ${owner}
          for no key update of b skip locked
        ), h as (
          update sale_holds h
          set status = 'released', settled_at = ${now.toISOString()}::timestamptz, release_reason = ${reason}
          where h.id = ${holdId}::uuid and h.status = 'active' and h.bucket_id in (select id from b) ${owner}
          returning h.bucket_id, h.sale_id, h.order_id
        ), u as (
          update sale_buckets b set available = b.available + 1, held = b.held - 1
          from h where b.id = h.bucket_id
          returning b.id
        )
        select (select status from sale_holds h where h.id = ${holdId}::uuid ${owner}) as status,
          h.sale_id as "saleId", h.order_id as "orderId"
        from (select 1) as one left join h on true`,
    );
    if (row?.saleId) {
      forgetSoldOut(row.saleId);
      return { released: true, saleId: row.saleId, orderId: row.orderId };
    }
    if (!row?.status) return { released: false, reason: "not_found" };
    if (row.status !== "active") return { released: false, reason: "not_active" };
    await pause(attempt);
  }
  return { released: false, reason: "busy" };
}

export interface SweepResult {
  released: number;
  /** The released holds, so the caller can expire their Checkout Sessions. */
  holds: { holdId: string; saleId: string; orderId: string | null }[];
}

/**
 * Releases up to `limit` active holds that expired by `now`, in one statement. Safe to run on every instance at
 * once: it takes only the buckets and holds nobody else has locked at that moment and leaves the rest for the next
 * round, so it never makes a reservation (or another sweep) wait.
 */
export async function sweepExpiredSaleHolds(
  db: Db,
  { now, limit = 500 }: { now: Date; limit?: number },
): Promise<SweepResult> {
  const nowIso = now.toISOString();
  const candidates = await queryRows<{ id: string; bucketId: number }>(
    db,
    sql`
      select id, bucket_id as "bucketId" from sale_holds
      where status = 'active' and expires_at <= ${nowIso}::timestamptz
      order by expires_at
      limit ${Math.max(1, Math.min(limit, 5000))}::int`,
  );
  if (candidates.length === 0) return { released: 0, holds: [] };
  const bucketIds = [...new Set(candidates.map((c) => c.bucketId))];
  const rows = await queryRows<{ holdId: string; saleId: string; orderId: string | null }>(
    db,
    sql`
      with b as (
        select id from sale_buckets where id = any(${pgArray(bucketIds)}::int[])
        for no key update skip locked
      ), h as (
        update sale_holds h
        set status = 'released', settled_at = ${nowIso}::timestamptz, release_reason = 'expired'
        where h.id in (
          select id from sale_holds
          where id = any(${pgArray(candidates.map((c) => c.id))}::uuid[])
            and bucket_id in (select id from b)
            and status = 'active' and expires_at <= ${nowIso}::timestamptz
          for no key update skip locked)
        returning h.id, h.bucket_id, h.sale_id, h.order_id
      ), n as (
        select bucket_id, count(*)::int as n from h group by bucket_id
      ), u as (
        update sale_buckets b set available = b.available + n.n, held = b.held - n.n
        from n where b.id = n.bucket_id
        returning b.id
      )
      select h.id as "holdId", h.sale_id as "saleId", h.order_id as "orderId" from h`,
  );
  for (const saleId of new Set(rows.map((r) => r.saleId))) forgetSoldOut(saleId);
  return { released: rows.length, holds: rows };
}

export type AttachOrderResult =
  | { ok: true }
  | { ok: false; code: "not_found" | "not_active" | "already_attached"; message: string };

/**
 * Links a fan's active hold to the pending order created for it on the way to payment. Idempotent for the same
 * order; refuses a hold that belongs to someone else, is no longer active (or, given `now`, has run out), or
 * already has another order.
 */
export async function attachOrderToSaleHold(
  db: Db | Tx,
  { holdId, userId, orderId, now }: { holdId: string; userId: string; orderId: string; now?: Date },
): Promise<AttachOrderResult> {
  if (!isUuid(holdId) || !isUuid(userId) || !isUuid(orderId)) return attachNotFound();
  const unexpired = now ? sql`and expires_at > ${now.toISOString()}::timestamptz` : sql``;
  const [row] = await queryRows<{
    status: string;
    orderId: string | null;
    expiresAt: Date | string;
    attached: boolean;
  }>(
    db,
    sql`
      with a as (
        update sale_holds set order_id = ${orderId}::uuid
        where id = ${holdId}::uuid and user_id = ${userId}::uuid and status = 'active' ${unexpired}
          and (order_id is null or order_id = ${orderId}::uuid)
        returning id
      )
      select h.status, h.order_id as "orderId", h.expires_at as "expiresAt", exists (select 1 from a) as "attached"
      from sale_holds h where h.id = ${holdId}::uuid and h.user_id = ${userId}::uuid`,
  );
  if (!row) return attachNotFound();
  if (row.attached) return { ok: true };
  if (row.status !== "active" || (now && new Date(row.expiresAt).getTime() <= now.getTime())) {
    return {
      ok: false,
      code: "not_active",
      message: "This reservation has expired or was cancelled. Go back to the sale to try again.",
    };
  }
  return { ok: false, code: "already_attached", message: "This reservation is already being paid for." };
}

function attachNotFound(): AttachOrderResult {
  return { ok: false, code: "not_found", message: "We couldn't find that reservation." };
}

export type ConvertSaleHoldResult =
  | { saleHold: false }
  | {
      saleHold: true;
      /**
       * `converted`: held units became sold. `retaken`: the hold had been released, and a unit was taken again.
       * `already_converted`: nothing to do (a duplicate). `refund_needed`: released and no unit (or no room under
       * the per-account limit) is left; nothing was changed and the caller refunds.
       */
      outcome: "converted" | "retaken" | "already_converted" | "refund_needed";
      holds: number;
    };

/**
 * Applies a successful payment to the sale holds of an order, inside the payments transaction: active → converted
 * and the bucket's held → sold. A hold released before the money arrived is honoured if a unit and the fan's
 * per-account limit allow (all of the order's released holds or none), else the caller must refund. Throws only
 * if a bucket stays locked for about half a second, so the payment is retried rather than lost.
 */
export async function convertSaleHoldForOrder(
  tx: Tx,
  { orderId, now }: { orderId: string; now: Date },
): Promise<ConvertSaleHoldResult> {
  if (!isUuid(orderId)) return { saleHold: false };
  const nowIso = now.toISOString();
  const holds = await queryRows<{ id: string; status: string }>(
    tx,
    sql`select id, status from sale_holds where order_id = ${orderId}::uuid order by id`,
  );
  if (holds.length === 0) return { saleHold: false };

  const converted = await convertActiveHolds(
    tx,
    holds.filter((h) => h.status === "active"),
    nowIso,
  );

  const released = await queryRows<{ id: string; saleId: string; skuId: number; userId: string }>(
    tx,
    sql`
      select id, sale_id as "saleId", sku_id as "skuId", user_id as "userId" from sale_holds
      where order_id = ${orderId}::uuid and status = 'released' order by id`,
  );
  if (released.length === 0) {
    return {
      saleHold: true,
      outcome: converted > 0 ? "converted" : "already_converted",
      holds: holds.length,
    };
  }

  const retaken = await retakeReleasedHolds(tx, released, nowIso);
  if (!retaken) return { saleHold: true, outcome: "refund_needed", holds: holds.length };
  for (const saleId of retaken) await recordSoldOutIfEmpty(tx, { saleId, now });
  return { saleHold: true, outcome: "retaken", holds: holds.length };
}

/** active → converted for each hold, its bucket's held → sold; waits out a locked bucket. Returns how many. */
async function convertActiveHolds(tx: Tx, active: { id: string }[], nowIso: string): Promise<number> {
  let converted = 0;
  for (const hold of active) {
    for (let attempt = 0; ; attempt++) {
      const [row] = await queryRows<{ status: string; converted: number }>(
        tx,
        sql`
          with b as (
            select b.id from sale_buckets b join sale_holds h on h.bucket_id = b.id
            where h.id = ${hold.id}::uuid and h.status = 'active'
            for no key update of b skip locked
          ), h as (
            update sale_holds h set status = 'converted', settled_at = ${nowIso}::timestamptz
            where h.id = ${hold.id}::uuid and h.status = 'active' and h.bucket_id in (select id from b)
            returning h.bucket_id
          ), u as (
            update sale_buckets b set held = b.held - 1, sold = b.sold + 1
            from h where b.id = h.bucket_id
            returning b.id
          )
          select (select status from sale_holds where id = ${hold.id}::uuid) as status,
            (select count(*) from h)::int as converted`,
      );
      if (row?.converted) converted += 1;
      // Converted here, or released (or converted) by someone else meanwhile: either way, done with this hold.
      if (row?.converted || row?.status !== "active") break;
      if (attempt + 1 >= SETTLE_MAX_TRIES) throw new Error(`sale hold ${hold.id}: its bucket stayed locked`);
      await pause(attempt);
    }
  }

  return converted;
}

/**
 * Re-takes a unit for every released hold of the order in one savepoint: all or none. Returns the sales whose
 * last unit this took, or null when the payment must be refunded.
 */
async function retakeReleasedHolds(
  tx: Tx,
  released: { id: string; saleId: string; skuId: number; userId: string }[],
  nowIso: string,
): Promise<Set<string> | null> {
  return tx
    .transaction(async (savepoint) => {
      const emptied = new Set<string>();
      for (const hold of released) {
        for (let attempt = 0; ; attempt++) {
          const [row] = await retakeUnit(savepoint, { ...hold, nowIso });
          if (row?.bucketAvailable !== null && row?.bucketAvailable !== undefined) {
            if (row.bucketAvailable === 0) emptied.add(hold.saleId);
            break;
          }
          // Settled by a concurrent delivery of the same payment: nothing left to do for this hold.
          if (row?.status === "converted") break;
          // No unit, or no room under the limit: refund. Units left behind locked buckets: try again.
          if (!row?.hasSlot || !row.units || attempt + 1 >= SETTLE_MAX_TRIES) savepoint.rollback();
          await pause(attempt);
        }
      }
      return emptied;
    })
    .catch((error: unknown) => {
      if (error instanceof TransactionRollbackError || sqlState(error) === UNIQUE_VIOLATION) return null;
      throw error;
    });
}

/**
 * Takes one unit straight to sold for a released hold, under the same per-account limit as a reservation (a
 * new hold number, chosen in the statement). When it takes nothing, says whether units and a hold number exist.
 */
function retakeUnit(
  tx: Tx,
  {
    id,
    saleId,
    skuId,
    userId,
    nowIso,
  }: { id: string; saleId: string; skuId: number; userId: string; nowIso: string },
) {
  return queryRows<{
    bucketAvailable: number | null;
    hasSlot: boolean | null;
    status: string | null;
    units: number | null;
  }>(
    tx,
    sql`
      with released as (
        -- Locked first: a unit is taken only while this hold is still released, never twice for one payment.
        -- An F-code unit (seq 0) is taken again only from its own batch's bucket, as seq 0; a public one only
        -- from the public buckets (bucket >= 0), under the per-account limit.
        select id, seq, bucket_id from sale_holds where id = ${id}::uuid and status = 'released' for no key update
      ), slot as (
        select g.n::smallint as seq
        from sales s cross join released r
          cross join generate_series(case when r.seq = 0 then 0 else 1 end,
            case when r.seq = 0 then 0 else s.per_account_limit end) as g(n)
        where s.id = ${saleId}::uuid and not exists (
          select 1 from sale_holds h
          where h.sale_id = ${saleId}::uuid and h.user_id = ${userId}::uuid and h.seq = g.n
            and h.status in ('active', 'converted'))
        order by g.n
        limit 1
      ), pool as (
        select c.id, c.available from sale_buckets c cross join released r
        where c.sale_id = ${saleId}::uuid and c.sku_id = ${skuId}::int
          and (case when r.seq = 0 then c.id = r.bucket_id else c.bucket >= 0 end)
      ), taken as (
        update sale_buckets b set available = b.available - 1, sold = b.sold + 1
        where b.id = (
          select c.id from sale_buckets c
          where c.id in (select id from pool) and c.available > 0
            and exists (select 1 from slot)
          order by random()
          limit 1
          for no key update skip locked)
        returning b.id, b.available
      ), h as (
        update sale_holds h
        set status = 'converted', bucket_id = taken.id, seq = slot.seq, settled_at = ${nowIso}::timestamptz,
          release_reason = null
        from taken cross join slot
        where h.id = (select id from released)
        returning h.id
      )
      select taken.available as "bucketAvailable", exists (select 1 from slot) as "hasSlot",
        (select status from sale_holds where id = ${id}::uuid) as "status",
        (select coalesce(sum(available), 0)::int from pool) as "units"
      from (select 1) as one left join (h cross join taken) on true`,
  );
}

export interface SaleHoldDetail {
  holdId: string;
  saleId: string;
  saleSlug: string;
  saleName: string;
  skuId: number;
  productName: string;
  variantLabel: string;
  salePriceMinor: number;
  currency: string;
  status: "active" | "released" | "converted";
  expiresAt: Date;
  orderId: string | null;
}

/** One of the fan's sale holds with its price from the database, for building the order on the way to payment. */
export async function getSaleHoldForUser(
  db: Db | Tx,
  { holdId, userId }: { holdId: string; userId: string },
): Promise<SaleHoldDetail | null> {
  if (!isUuid(holdId) || !isUuid(userId)) return null;
  const [row] = await queryRows<Omit<SaleHoldDetail, "expiresAt"> & { expiresAt: Date | string }>(
    db,
    sql`
      select h.id as "holdId", h.sale_id as "saleId", s.slug as "saleSlug", s.name as "saleName",
        h.sku_id as "skuId", p.name as "productName",
        concat_ws(' · ', k.colour, k.storage) as "variantLabel",
        ss.sale_price_minor as "salePriceMinor", ss.currency, h.status, h.expires_at as "expiresAt",
        h.order_id as "orderId"
      from sale_holds h
      join sales s on s.id = h.sale_id
      join sale_skus ss on ss.sale_id = h.sale_id and ss.sku_id = h.sku_id
      join skus k on k.id = h.sku_id
      join products p on p.id = k.product_id
      where h.id = ${holdId}::uuid and h.user_id = ${userId}::uuid`,
  );
  return row ? { ...row, expiresAt: new Date(row.expiresAt) } : null;
}

/** The fan's active and paid public units in a sale (what counts against the per-account limit; F-code units aside). */
export async function listLiveSaleHoldsForUser(
  db: Db,
  { saleId, userId }: { saleId: string; userId: string },
): Promise<
  { holdId: string; skuId: number; status: "active" | "converted"; expiresAt: Date; orderId: string | null }[]
> {
  if (!isUuid(saleId) || !isUuid(userId)) return [];
  const rows = await queryRows<{
    holdId: string;
    skuId: number;
    status: "active" | "converted";
    expiresAt: Date | string;
    orderId: string | null;
  }>(
    db,
    sql`
      select id as "holdId", sku_id as "skuId", status, expires_at as "expiresAt", order_id as "orderId"
      from sale_holds
      where sale_id = ${saleId}::uuid and user_id = ${userId}::uuid and status in ('active', 'converted')
        and seq > 0
      order by seq`,
  );
  return rows.map((r) => ({ ...r, expiresAt: new Date(r.expiresAt) }));
}
