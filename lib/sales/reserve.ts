import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { namedStatementPool, queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { type Batcher, createBatcher } from "./batcher";
import { MAX_TRIES, pause } from "./contention";
import { isConnectionLost, isSqlInt, isUuid, RETRYABLE, sqlState } from "./db-errors";
import { reserveEarlyAccessUnit } from "./early-access";
import { releaseSaleHold } from "./holds";
import { judgeLiveHolds, type LiveHold } from "./live-holds";
import { formatSaleTime } from "./rules";
import { recordSoldOutIfEmpty } from "./sold-out";
import {
  answerFromLimitMemo,
  answerFromSoldOutMemo,
  countMemoAnswer,
  recallSaleWindow,
  rememberHolder,
  rememberLimitReached,
  rememberSaleWindow,
  rememberSoldOut,
  type SaleWindow,
} from "./sold-out-memo";

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
  | "early_access_only"
  | "busy"
  | "unavailable";

export type ReserveResult =
  | { ok: true; hold: SaleHoldView; existing: boolean }
  | { ok: false; code: ReserveError; message: string; startsAt?: Date };

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
  const pool = namedStatementPool(db);
  if (pool) return (await pool.query({ name, text, values })).rows as T[];
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, i) =>
    i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`,
  );
  return queryRows<T>(db, sql.join(chunks));
}

/**
 * Reserves one unit of a flash sale for a registered fan, in one database call and no read-then-write.
 *
 * `kite_reserve_batch` (db/migrations/0005) runs one statement per click: it checks the sale's clock and the fan's
 * registration, picks the fan's first free hold number (1..perAccountLimit), takes a unit from a bucket that has
 * one and is not locked right now, inserts the hold and, when asked, the fan's place in the checkout line. The
 * unique index on live (sale, user, seq) is what enforces the per-account limit: two concurrent reservations by
 * one fan cannot both take number 1; the loser's insert does nothing and so its bucket is not decremented.
 * Clicks that arrive together share that call and its commit (./batcher); each still succeeds or fails alone.
 *
 * When a click takes nothing, the function returns what explains why (read in the same snapshot), so a refusal
 * costs no extra round trip: a typed error, or the hold that a retry or a double click is asking about. When every
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
      code: "invalid",
      message: "That request was not valid. Reload the page and try again.",
    };
  }
  if (requestKey !== null && (requestKey.length < 1 || requestKey.length > 100)) {
    return {
      ok: false,
      code: "invalid",
      message: "That request was not valid. Reload the page and try again.",
    };
  }
  const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const judgeWith = { skuId, now, requestKey, timeZone: input.timeZone ?? env.STORE_TIMEZONE };
  // A sale this instance was just told is unknown, not started or over: answered without the database.
  const window = recallSaleWindow(saleId);
  const outside = window === undefined ? null : judgeWindow(window, judgeWith);
  if (outside) {
    countMemoAnswer();
    return outside.ok || outside.code !== "not_started" ? outside : earlyAccess(db, input, outside);
  }
  // A version this instance knows is sold out: "sold out" without the database, unless this fan holds a unit.
  const fromMemo =
    answerFromLimitMemo({ saleId, skuId, userId, requestKey }) ??
    (await answerFromSoldOutMemo({ saleId, skuId, userId }));
  if (fromMemo) return fromMemo;
  try {
    const result = await reserveWithRetries(db, input, { expiresAt, requestKey, judgeWith });
    return result.ok || result.code !== "not_started" ? result : await earlyAccess(db, input, result);
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    // The database ended or refused the connection (a restart, a failover): the pool reconnects by itself, and
    // whether this click's batch committed is unknown, so the fan is told to try again. The same request key
    // then finds the hold if it was taken, and the unique index keeps a retry without one within the limit.
    console.warn("[sales] reserve: database connection lost:", (error as Error).message);
    return {
      ok: false,
      code: "unavailable",
      message:
        "We lost touch with the stock for a moment. Please press Buy now again: if your unit was reserved, you'll get that same reservation.",
    };
  }
}

/** A press before the public start: the sale's early-access lane decides (./early-access.ts). */
function earlyAccess(db: Db, input: ReserveInput, notStarted: Extract<ReserveResult, { ok: false }>) {
  return reserveEarlyAccessUnit(db, { ...input, timeZone: input.timeZone ?? env.STORE_TIMEZONE }, notStarted);
}

async function reserveWithRetries(
  db: Db,
  input: ReserveInput,
  {
    expiresAt,
    requestKey,
    judgeWith,
  }: { expiresAt: Date; requestKey: string | null; judgeWith: Parameters<typeof judge>[1] },
): Promise<ReserveResult> {
  const { saleId, skuId, userId, now } = input;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    let context: ReserveContext | null;
    const row = await reserveBatcher(db).submit({
      saleId,
      skuId,
      userId,
      now: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      requestKey,
      queue: input.queueForCheckout ?? false,
      // The line runs on wall-clock time like its throttle: the QA test clock moves rules, not the line.
      wallNow: new Date().toISOString(),
    });
    if ("memo" in row) return row.memo;
    if ("holdId" in row) {
      if (row.bucketAvailable === 0) {
        await db.transaction((tx) => recordSoldOutIfEmpty(tx, { saleId, now }));
      }
      // Not awaited: the winner's answer never waits on Redis (a holder it fails to record turns the memo off).
      void rememberHolder({ saleId, userId });
      return {
        ok: true,
        existing: false,
        hold: { holdId: row.holdId, saleId, skuId, seq: row.seq, status: "active", expiresAt, orderId: null },
      };
    }
    if ("undone" in row) {
      // The batch was undone as a deadlock (see reserveBatcher): nothing was written; read why and go round again.
      context = await readReserveContext(db, { saleId, skuId, userId });
    } else {
      context = parseContext(row.context);
    }

    const verdict = judge(context, judgeWith);
    if (verdict.kind === "result") {
      const result = verdict.result;
      if (!result.ok && result.code === "sold_out") rememberSoldOut({ saleId, skuId, result });
      if (!result.ok && WINDOW_CODES.has(result.code)) {
        rememberSaleWindow(
          saleId,
          context && { status: context.status, startsAt: context.startsAt, endsAt: context.endsAt },
        );
      }
      if (!result.ok && result.code === "limit_reached" && context) {
        rememberLimitReached({ saleId, userId, result, holds: context.holds });
      }
      return result;
    }
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
    code: "busy",
    message: "So many fans are buying right now that we couldn't reach your unit. Please try again.",
  };
}

interface BatchItem {
  saleId: string;
  skuId: number;
  userId: string;
  now: string;
  expiresAt: string;
  requestKey: string | null;
  queue: boolean;
  wallNow: string;
}

/**
 * One click's answer from kite_reserve_batch: a hold, what explains a refusal, or that its batch was undone; or,
 * for a click that waited in the batcher while its version sold out, memory's answer (it never reached the database).
 */
type BatchRow =
  | { holdId: string; seq: number; bucketAvailable: number }
  | { context: RawContext | null }
  | { undone: true }
  | { memo: ReserveResult };

/**
 * Clicks that waited in the batcher while the database was busy are looked at again when their turn comes: in a
 * crowd most of them arrive in the seconds before the sell-out, and once the version is known to be sold out they
 * get memory's answer instead of a place in a batch (bench:capacity: without this, every press queued before the
 * sell-out was still read by PostgreSQL afterwards, and the last ones waited for all of them).
 */
async function answeredWhileWaiting(item: BatchItem): Promise<ReserveResult | null> {
  return (
    answerFromLimitMemo({
      saleId: item.saleId,
      skuId: item.skuId,
      userId: item.userId,
      requestKey: item.requestKey,
    }) ?? (await answerFromSoldOutMemo({ saleId: item.saleId, skuId: item.skuId, userId: item.userId }))
  );
}

export interface ReserveBatching {
  /**
   * Clicks per call at most. Every click in a batch keeps its bucket locked until the batch commits, so a payment
   * converting a hold in that bucket waits that long: a few clicks per batch save most round trips and keep the
   * lock short.
   */
  maxBatch: number;
  /** Batches running at once per process: keeps a few connections busy and leaves the rest of the pool. */
  maxInFlight: number;
}

let batching: ReserveBatching = { maxBatch: 8, maxInFlight: 4 };
let batchers = new WeakMap<Db, Batcher<BatchItem, BatchRow>>();

const stats = { batches: 0, clicks: 0, largest: 0 };

/** How clicks have been grouped in this process so far (tests and benchmarks report it). */
export function getReserveBatchStats(): Readonly<typeof stats> {
  return { ...stats };
}

/**
 * Tunes group commit (tests and benchmarks run more batches at once than one store instance should); returns the
 * settings it replaced.
 */
export function configureReserveBatching(options: Partial<ReserveBatching>): ReserveBatching {
  const previous = batching;
  batching = { ...batching, ...options };
  batchers = new WeakMap();
  return previous;
}

async function runBatch(db: Db, items: BatchItem[]): Promise<BatchRow[]> {
  stats.batches += 1;
  stats.clicks += items.length;
  stats.largest = Math.max(stats.largest, items.length);
  try {
    const [row] = await runNamed<{ results: BatchRow[] | string }>(
      db,
      "kite_reserve_batch",
      "select kite_reserve_batch(:items::jsonb) as results",
      { items: JSON.stringify(items) },
    );
    const results = row?.results ?? [];
    return typeof results === "string" ? (JSON.parse(results) as BatchRow[]) : results;
  } catch (error) {
    // Two batches each waiting on the other's second click of one fan: PostgreSQL ends one as a deadlock
    // and nothing of it was written, so every click in it goes round again.
    const code = sqlState(error);
    if (code && RETRYABLE.has(code)) return items.map(() => ({ undone: true as const }));
    throw error;
  }
}

function reserveBatcher(db: Db): Batcher<BatchItem, BatchRow> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = createBatcher<BatchItem, BatchRow>({
      ...batching,
      run: async (waited) => {
        const known = await Promise.all(waited.map(answeredWhileWaiting));
        const items = waited.filter((_, i) => !known[i]);
        const rows = items.length > 0 ? await runBatch(db, items) : [];
        let next = 0;
        return known.map((memo) => (memo ? { memo } : (rows[next++] as BatchRow)));
      },
    });
    batchers.set(db, batcher);
  }
  return batcher;
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
    "select kite_reserve_context(:saleId::uuid, :userId::uuid, :skuId::int) as context",
    params,
  );
  return parseContext(row?.context ?? null);
}

type Verdict =
  | { kind: "result"; result: ReserveResult }
  | { kind: "release"; holdIds: string[] }
  | { kind: "retry" };

/** The refusals that depend only on the sale's window: they are what rememberSaleWindow keeps. */
const WINDOW_CODES = new Set<string>(["not_found", "not_started", "ended"]);

/** No such sale, a draft, ended or not started yet: the refusal; null when the sale is open at `now`. */
function judgeWindow(
  window: SaleWindow | null,
  { now, timeZone }: { now: Date; timeZone: string },
): ReserveResult | null {
  if (!window || window.status === "draft") return notFound();
  const t = now.getTime();
  if (window.status === "ended" || t >= window.endsAt.getTime()) {
    return { ok: false, code: "ended", message: "This sale has ended." };
  }
  if (t < window.startsAt.getTime()) {
    return {
      ok: false,
      code: "not_started",
      message: `The sale starts at ${formatSaleTime(window.startsAt, { timeZone })}.`,
      startsAt: window.startsAt,
    };
  }
  return null;
}

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
    result: { ok: false, code: error, message, ...extra },
  });
  const outside = judgeWindow(context, { now, timeZone });
  if (outside || !context) return { kind: "result", result: outside ?? notFound() };
  if (!context.skuInSale) return { kind: "result", result: skuNotInSale() };
  if (!context.registered) {
    return fail("not_registered", "Only fans who registered for this sale before it started can buy in it.");
  }

  const held = judgeLiveHolds(context.holds, {
    saleId: context.saleId,
    skuId,
    requestKey,
    limit: context.perAccountLimit,
    now,
  });
  if (held) return held;
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
  return { ok: false, code: "not_found", message: "We couldn't find that sale. It may have been removed." };
}

function skuNotInSale(): ReserveResult {
  return {
    ok: false,
    code: "sku_not_in_sale",
    message: "That version isn't part of this sale. Choose one of the versions on the sale page.",
  };
}
