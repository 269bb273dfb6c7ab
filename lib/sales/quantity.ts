import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Tx } from "@/lib/db";
import { MAX_TRIES, pause } from "@/lib/sales/contention";
import { splitIntoBuckets } from "@/lib/sales/rules";
import { forgetSoldOut } from "./sold-out-memo";

/*
 * A marketer changing how many units of a version a sale has, while fans may be buying it.
 *
 * The stock lives in bucket rows (quantity = available + held + sold, a CHECK constraint). Only the public buckets
 * (bucket >= 0) grow and shrink here; an F-code batch's bucket is moved by lib/fcodes alone. Growing adds the same
 * number to a bucket's quantity and available; shrinking takes only from available, in a statement that re-checks
 * `available >= take` on the row it locked, so a unit a fan holds or bought is never taken back. Like every other
 * writer of sale stock (see lib/sales/contention.ts) these statements lock buckets with SKIP LOCKED and never wait:
 * a bucket a reservation is using right now is skipped and tried again after a short pause.
 *
 * Both run inside the caller's transaction (the one that also updates sale_skus, the sale and the audit log), so a
 * failure changes nothing. The caller then recomputes sale_skus.quantity from the buckets.
 */

/** A number of units to add to or take from one version of a sale. */
export interface SkuUnits {
  saleId: string;
  skuId: number;
  units: number;
}

export interface SkuStock {
  quantity: number;
  available: number;
  held: number;
  sold: number;
  /** Available units in F-code buckets (bucket < 0): part of `available`, but not the public's. */
  setAside: number;
}

/** The version's stock as the transaction sees it now (committed rows plus its own changes). */
export async function readSkuStock(tx: Tx, { saleId, skuId }: { saleId: string; skuId: number }) {
  const [row] = await queryRows<SkuStock>(
    tx,
    sql`
      select coalesce(sum(quantity), 0)::int as quantity, coalesce(sum(available), 0)::int as available,
        coalesce(sum(held), 0)::int as held, coalesce(sum(sold), 0)::int as sold,
        coalesce(sum(available) filter (where bucket < 0), 0)::int as "setAside"
      from sale_buckets where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int`,
  );
  return row ?? { quantity: 0, available: 0, held: 0, sold: 0, setAside: 0 };
}

/**
 * Adds `units` to the version, spread over its buckets: one conditional statement per try that adds to whichever
 * buckets nobody has locked at that instant. Returns false only if every bucket stayed locked for about half a
 * second (the caller says the store is busy and nothing is written).
 */
export async function growSaleSku(tx: Tx, { saleId, skuId, units }: SkuUnits): Promise<boolean> {
  // Units arrive: this instance stops answering "sold out" from memory (others within SOLD_OUT_MEMO_MS).
  forgetSoldOut(saleId);
  let left = units;
  for (let attempt = 0; left > 0 && attempt < MAX_TRIES; attempt++) {
    const free = await queryRows<{ id: number }>(
      tx,
      sql`
        select id from sale_buckets
        where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int and bucket >= 0
        order by bucket
        for no key update skip locked`,
    );
    if (free.length === 0) {
      await pause(attempt);
      continue;
    }
    const shares = splitIntoBuckets(left, free.length);
    const ids = `{${free.slice(0, shares.length).map((b) => b.id)}}`;
    const adds = `{${shares.join(",")}}`;
    const [row] = await queryRows<{ added: number }>(
      tx,
      sql`
        with plan as (
          select unnest(${ids}::int[]) as id, unnest(${adds}::int[]) as add
        ), u as (
          update sale_buckets b set quantity = b.quantity + plan.add, available = b.available + plan.add
          from plan where b.id = plan.id and b.sale_id = ${saleId}::uuid and b.sku_id = ${skuId}::int
          returning plan.add
        )
        select coalesce(sum(add), 0)::int as added from u`,
    );
    left -= row?.added ?? 0;
  }
  return left === 0;
}

export type ShrinkResult =
  | { ok: true }
  /** Fewer units are free than asked for: `floor` is the smallest quantity possible right now (held + sold). */
  | { ok: false; reason: "below_floor"; floor: number }
  | { ok: false; reason: "busy" };

/**
 * Takes `units` out of the version's available stock. Each try is one statement that locks the buckets with free
 * units that nobody else has locked, plans how many to take from each in the same snapshot (largest first), and
 * takes them conditionally. Units that are held or sold are never touched; when not enough are free, the caller's
 * transaction rolls back whatever was taken.
 */
export async function shrinkSaleSku(tx: Tx, { saleId, skuId, units }: SkuUnits): Promise<ShrinkResult> {
  let left = units;
  for (let attempt = 0; left > 0 && attempt < MAX_TRIES; attempt++) {
    const [row] = await queryRows<{ taken: number; free: number; floor: number }>(
      tx,
      sql`
        with locked as (
          select id, available from sale_buckets
          where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int and bucket >= 0 and available > 0
          order by available desc, id
          for no key update skip locked
        ), plan as (
          select id, least(available, greatest(0, ${left}::int - coalesce(sum(available) over (
            order by available desc, id rows between unbounded preceding and 1 preceding), 0)))::int as take
          from locked
        ), u as (
          update sale_buckets b set quantity = b.quantity - plan.take, available = b.available - plan.take
          from plan where b.id = plan.id and plan.take > 0 and b.available >= plan.take
          returning plan.take
        )
        select (select coalesce(sum(take), 0) from u)::int as taken,
          (select coalesce(sum(available), 0) from sale_buckets
            where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int and bucket >= 0)::int as free,
          (select coalesce(sum(held + sold), 0) from sale_buckets
            where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int)::int as floor`,
    );
    const taken = row?.taken ?? 0;
    left -= taken;
    if (left === 0) break;
    // `free` is read in the statement's snapshot, before its own update: what is left to take from is free - taken.
    const stillFree = (row?.free ?? 0) - taken;
    if (stillFree < left) {
      const stock = await readSkuStock(tx, { saleId, skuId });
      // Units set aside for F-codes cannot be taken back here either: the floor counts them.
      return { ok: false, reason: "below_floor", floor: stock.held + stock.sold + stock.setAside };
    }
    await pause(attempt);
  }
  return left === 0 ? { ok: true } : { ok: false, reason: "busy" };
}
