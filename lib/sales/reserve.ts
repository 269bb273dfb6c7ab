import "server-only";
import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { MAX_TRIES, pause } from "./contention";
import { isSqlInt, isUuid, RETRYABLE, sqlState, UNIQUE_VIOLATION } from "./db-errors";
import { releaseSaleHold } from "./holds";
import { formatSaleTime } from "./rules";
import { recordSoldOutIfEmpty } from "./sold-out";

export interface SaleHoldView {
  holdId: string;
  saleId: string;
  skuId: number;
  seq: number;
  status: "active" | "converted" | "released";
  expiresAt: Date;
  orderId: string | null;
}

export type ReserveError =
  | "invalid"
  | "not_found"
  | "not_started"
  | "ended"
  | "sku_not_in_sale"
  | "not_registered"
  | "limit_reached"
  | "sold_out"
  | "busy";

export type ReserveResult =
  | { ok: true; hold: SaleHoldView; existing: boolean }
  | { ok: false; error: ReserveError; message: string; startsAt?: Date };

export interface ReserveInput {
  saleId: string;
  skuId: number;
  userId: string;
  now: Date;
  holdMinutes: number;
  /** Optional client key (one per click): a retry with the same key returns the same hold. */
  requestKey?: string | undefined;
  /** For the times in messages; the store's zone by default. */
  timeZone?: string | undefined;
  /**
   * Put the new hold in the checkout line (lib/checkout/sale-queue) in the same statement, so no hold can exist
   * without its place in line and a click costs one round trip. Off for rules tests that only count units.
   */
  queueForCheckout?: boolean | undefined;
}

type Params = Record<string, string | number | null>;

const compiled = new Map<string, { text: string; names: string[] }>();

/** `:name` placeholders to `$1…$n`, each name bound once however often it appears. Cached per statement. */
function compile(source: string) {
  let hit = compiled.get(source);
  if (!hit) {
    const names: string[] = [];
    const text = source.replace(/(?<!:):([a-zA-Z]+)/g, (_, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `$${names.indexOf(name) + 1}`;
    });
    hit = { text, names };
    compiled.set(source, hit);
  }
  return hit;
}

/**
 * Runs a statement with named parameters: on PostgreSQL as a named prepared statement (parsed and planned once
 * per connection, each value sent once), on PGlite through drizzle.
 */
async function runNamed<T>(db: Db, name: string, source: string, params: Params): Promise<T[]> {
  const { text, names } = compile(source);
  const values = names.map((n) => {
    if (!(n in params)) throw new Error(`missing parameter :${n}`);
    return params[n] ?? null;
  });
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return (await client.query({ name, text, values })).rows as T[];
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, i) =>
    i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`,
  );
  return queryRows<T>(db, sql.join(chunks));
}

/**
 * Reserves one unit of a flash sale for a registered fan: one SQL statement, so one implicit transaction.
 *
 * The statement checks the sale's clock and the fan's registration, picks the fan's first free hold number
 * (1..perAccountLimit), takes a unit from a random bucket that has one and is not locked right now, and inserts the
 * hold. The unique index on live (sale, user, seq) is what enforces the per-account limit: two concurrent
 * reservations by one fan cannot both take number 1, and the loser's statement fails as a whole, its decrement
 * included. No row is read in JavaScript before the write.
 *
 * When it takes nothing, the same statement returns what explains why (read in the same snapshot), so a refusal
 * costs one round trip too: a typed error, or the hold that a retry or a double click is asking about. When every
 * bucket with units was locked at that instant, it tries again after a short random pause (./contention), so the
 * sale sells to exactly zero.
 */
export async function reserveSaleUnit(db: Db, input: ReserveInput): Promise<ReserveResult> {
  const { saleId, skuId, userId, now, holdMinutes } = input;
  const requestKey = input.requestKey ?? null;
  if (!isUuid(saleId)) return notFound();
  if (!isSqlInt(skuId)) return skuNotInSale();
  if (!isUuid(userId) || !Number.isInteger(holdMinutes) || holdMinutes < 1 || holdMinutes > 24 * 60) {
    return {
      ok: false,
      error: "invalid",
      message: "That request was not valid. Reload the page and try again.",
    };
  }
  if (requestKey !== null && (requestKey.length < 1 || requestKey.length > 100)) {
    return {
      ok: false,
      error: "invalid",
      message: "That request was not valid. Reload the page and try again.",
    };
  }
  const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const judgeWith = { skuId, now, requestKey, timeZone: input.timeZone ?? env.STORE_TIMEZONE };

  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    let context: ReserveContext | null;
    try {
      const [row] = await runNamed<AttemptRow>(db, "kite_reserve_sale_unit", RESERVE_SQL, {
        saleId,
        skuId,
        userId,
        now: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        requestKey,
        queue: input.queueForCheckout ? "true" : "false",
        // The line runs on wall-clock time like its throttle: the QA test clock moves rules, not the line.
        wallNow: new Date().toISOString(),
      });
      if (row?.holdId && row.seq !== null) {
        if (row.bucketAvailable === 0) {
          await db.transaction((tx) => recordSoldOutIfEmpty(tx, { saleId, now }));
        }
        return {
          ok: true,
          existing: false,
          hold: {
            holdId: row.holdId,
            saleId,
            skuId,
            seq: row.seq,
            status: "active",
            expiresAt,
            orderId: null,
          },
        };
      }
      context = parseContext(row?.context ?? null);
    } catch (error) {
      // Another request of this fan took the same hold number or request key first: nothing was written.
      const code = sqlState(error);
      if (code !== UNIQUE_VIOLATION && !RETRYABLE.has(code ?? "")) throw error;
      context = await readReserveContext(db, { saleId, skuId, userId });
    }

    const verdict = judge(context, judgeWith);
    if (verdict.kind === "result") return verdict.result;
    if (verdict.kind === "release") {
      // Release on read: the fan's own expired holds go back before they try again.
      for (const holdId of verdict.holdIds) {
        await releaseSaleHold(db, { holdId, now, reason: "expired" });
      }
    } else {
      await pause(attempt);
    }
  }
  return {
    ok: false,
    error: "busy",
    message: "So many fans are buying right now that we couldn't reach your unit. Please try again.",
  };
}

interface AttemptRow {
  holdId: string | null;
  seq: number | null;
  bucketAvailable: number | null;
  /** Only when nothing was taken: the sale, the fan and the SKU as the statement saw them. */
  context: RawContext | string | null;
}

/** Everything that explains a refusal, as one JSON value (null for an unknown sale). */
const CONTEXT_SQL = `(
  select json_build_object(
    'saleId', s.id, 'status', s.status, 'startsAt', s.starts_at, 'endsAt', s.ends_at,
    'perAccountLimit', s.per_account_limit,
    'registered', exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = :userId::uuid),
    'skuInSale', exists (select 1 from sale_skus k where k.sale_id = s.id and k.sku_id = :skuId::int),
    'available', (select coalesce(sum(b.available), 0)::int from sale_buckets b
      where b.sale_id = s.id and b.sku_id = :skuId::int),
    'saleAvailable', (select coalesce(sum(b.available), 0)::int from sale_buckets b where b.sale_id = s.id),
    'holds', (select json_agg(json_build_object(
        'holdId', h.id, 'skuId', h.sku_id, 'seq', h.seq, 'status', h.status, 'requestKey', h.request_key,
        'expiresAt', h.expires_at, 'orderId', h.order_id) order by h.seq)
      from sale_holds h
      where h.sale_id = s.id and h.user_id = :userId::uuid and h.status in ('active', 'converted')))
  from sales s where s.id = :saleId::uuid)`;

const RESERVE_SQL = `
  with sale as (
    select s.per_account_limit as lim
    from sales s
    where s.id = :saleId::uuid and s.status = 'scheduled'
      and s.starts_at <= :now::timestamptz and s.ends_at > :now::timestamptz
      and exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = :userId::uuid)
  ), slot as (
    select g.n::smallint as seq
    from sale cross join generate_series(1, sale.lim) as g(n)
    where not exists (
      select 1 from sale_holds h
      where h.sale_id = :saleId::uuid and h.user_id = :userId::uuid and h.seq = g.n
        and h.status in ('active', 'converted'))
    order by g.n
    limit 1
  ), taken as (
    update sale_buckets b
    set available = b.available - 1, held = b.held + 1
    where b.id = (
      select c.id from sale_buckets c
      where c.sale_id = :saleId::uuid and c.sku_id = :skuId::int and c.available > 0
        and exists (select 1 from slot)
      order by random()
      limit 1
      -- The lock the update takes anyway; unlike FOR UPDATE it does not conflict with foreign-key checks.
      for no key update skip locked)
    returning b.id, b.available
  ), hold as (
    insert into sale_holds (sale_id, sku_id, bucket_id, user_id, seq, status, request_key, expires_at, created_at)
    select :saleId::uuid, :skuId::int, taken.id, :userId::uuid, slot.seq, 'active', :requestKey::text,
      :expiresAt::timestamptz, :now::timestamptz
    from taken cross join slot
    returning id, seq
  ), queued as (
    insert into checkout_queue (hold_id, user_id, enqueued_at, not_before)
    select hold.id, :userId::uuid, :now::timestamptz, :wallNow::timestamptz from hold where :queue::boolean
    returning hold_id
  )
  select hold.id as "holdId", hold.seq::int as "seq", taken.available as "bucketAvailable",
    case when hold.id is null then ${CONTEXT_SQL} end as "context"
  from (select 1) as one left join hold on true left join taken on true`;

interface LiveHold {
  holdId: string;
  skuId: number;
  seq: number;
  status: "active" | "converted";
  requestKey: string | null;
  expiresAt: string;
  orderId: string | null;
}

interface RawContext {
  saleId: string;
  status: "draft" | "scheduled" | "ended";
  startsAt: string;
  endsAt: string;
  perAccountLimit: number;
  registered: boolean;
  skuInSale: boolean;
  available: number;
  saleAvailable: number;
  holds: LiveHold[] | null;
}

interface ReserveContext extends Omit<RawContext, "startsAt" | "endsAt" | "holds"> {
  startsAt: Date;
  endsAt: Date;
  holds: LiveHold[];
}

function parseContext(raw: RawContext | string | null): ReserveContext | null {
  const value: RawContext | null = typeof raw === "string" ? JSON.parse(raw) : raw;
  if (!value) return null;
  return {
    ...value,
    startsAt: new Date(value.startsAt),
    endsAt: new Date(value.endsAt),
    holds: value.holds ?? [],
  };
}

async function readReserveContext(
  db: Db,
  params: { saleId: string; skuId: number; userId: string },
): Promise<ReserveContext | null> {
  const [row] = await runNamed<{ context: RawContext | string | null }>(
    db,
    "kite_reserve_context",
    `select ${CONTEXT_SQL} as "context"`,
    params,
  );
  return parseContext(row?.context ?? null);
}

type Verdict =
  | { kind: "result"; result: ReserveResult }
  | { kind: "release"; holdIds: string[] }
  | { kind: "retry" };

function judge(
  context: ReserveContext | null,
  {
    skuId,
    now,
    requestKey,
    timeZone,
  }: { skuId: number; now: Date; requestKey: string | null; timeZone: string },
): Verdict {
  const fail = (error: ReserveError, message: string, extra: { startsAt?: Date } = {}): Verdict => ({
    kind: "result",
    result: { ok: false, error, message, ...extra },
  });
  if (!context || context.status === "draft") return { kind: "result", result: notFound() };
  const t = now.getTime();
  if (context.status === "ended" || t >= context.endsAt.getTime())
    return fail("ended", "This sale has ended.");
  if (t < context.startsAt.getTime()) {
    return fail("not_started", `The sale starts at ${formatSaleTime(context.startsAt, { timeZone })}.`, {
      startsAt: context.startsAt,
    });
  }
  if (!context.skuInSale) return { kind: "result", result: skuNotInSale() };
  if (!context.registered) {
    return fail("not_registered", "Only fans who registered for this sale before it started can buy in it.");
  }

  const view = (h: LiveHold): SaleHoldView => ({
    holdId: h.holdId,
    saleId: context.saleId,
    skuId: h.skuId,
    seq: h.seq,
    status: h.status,
    expiresAt: new Date(h.expiresAt),
    orderId: h.orderId,
  });
  const sameRequest =
    requestKey === null ? undefined : context.holds.find((h) => h.requestKey === requestKey);
  if (sameRequest) return { kind: "result", result: { ok: true, existing: true, hold: view(sameRequest) } };

  if (context.holds.length >= context.perAccountLimit) {
    const active = context.holds.filter((h) => h.status === "active");
    const expired = active.filter((h) => new Date(h.expiresAt).getTime() <= t);
    if (expired.length > 0) return { kind: "release", holdIds: expired.map((h) => h.holdId) };
    const sameSku = active.find((h) => h.skuId === skuId);
    // A double click or a retry without a key: the fan already holds this SKU, so that hold is the answer.
    if (sameSku) return { kind: "result", result: { ok: true, existing: true, hold: view(sameSku) } };
    const limit = context.perAccountLimit === 1 ? "1 unit" : `${context.perAccountLimit} units`;
    if (active.length > 0) {
      return fail(
        "limit_reached",
        `You already have ${limit} from this sale, the limit per account. Pay for your reservation, or cancel it to choose another version.`,
      );
    }
    return fail("limit_reached", `You've already bought ${limit} in this sale, the limit per account.`);
  }
  if (context.available <= 0) {
    return fail(
      "sold_out",
      context.saleAvailable > 0
        ? "This version is sold out for now. Choose another version, or check back: unpaid reservations return to stock when they expire."
        : "Sold out for now. Unpaid reservations return to stock when they expire, so check back in a few minutes.",
    );
  }
  // Units are left but were locked or taken under us: go round again.
  return { kind: "retry" };
}

function notFound(): ReserveResult {
  return { ok: false, error: "not_found", message: "We couldn't find that sale. It may have been removed." };
}

function skuNotInSale(): ReserveResult {
  return {
    ok: false,
    error: "sku_not_in_sale",
    message: "That version isn't part of this sale. Choose one of the versions on the sale page.",
  };
}
