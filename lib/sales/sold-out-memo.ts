import "server-only";
import { createRedisFallback, getRedis, type RedisClient, redisKeyPrefix } from "@/lib/redis";
import type { ReserveResult } from "./reserve";

/*
 * Losers answered cheaply. When a version sells out, the crowd keeps pressing Buy now; each press used to cost a
 * database call that could only say "sold out". Once this instance has been told a version is sold out, it answers
 * the next presses on it from memory for SOLD_OUT_MEMO_MS, without the database, except for a fan who holds a
 * unit of the sale: their press may be a double click or a retry that must get their hold back, so it goes to the
 * database as before. A fan who already holds the sale's limit is answered the same way (see answerFromLimitMemo).
 * Holders are recorded when they win, in this instance's memory and, with REDIS_URL, in a
 * Redis set shared by every instance (one SADD per unit sold, one SISMEMBER per refused press).
 *
 * Units that come back (a hold released in this process) clear the sale's memo at once; released by another
 * instance, they show here within SOLD_OUT_MEMO_MS. A memo only ever refuses, so it can delay a sale, never
 * oversell one. When Redis does not answer, or could not record a holder, the press goes to the database.
 * Without REDIS_URL the store is one instance, whose memory knows every holder.
 */

export const SOLD_OUT_MEMO_MS = 1000;
/** Holder sets kept in memory: the live sales of the last while. */
const MAX_SALES = 16;
/** Long after any hold of a sale has ended; the set is only needed while its sale is sold out. */
const HOLDERS_TTL_SECONDS = 2 * 24 * 3600;

/** Where holders are recorded beyond this instance: Redis, or nothing. `has` is null when it cannot tell. */
export interface HolderStore {
  add(saleId: string, userId: string): Promise<boolean>;
  has(saleId: string, userId: string): Promise<boolean | null>;
}

export function createRedisHolderStore(
  client: RedisClient,
  prefix = redisKeyPrefix("sale-holders"),
): HolderStore {
  const withFallback = createRedisFallback("sale holders");
  return {
    add: (saleId, userId) =>
      withFallback(
        client,
        async (c) => {
          await c
            .multi()
            .sAdd(prefix + saleId, userId)
            .expire(prefix + saleId, HOLDERS_TTL_SECONDS)
            .exec();
          return true;
        },
        async () => false,
      ),
    has: (saleId, userId) =>
      withFallback(
        client,
        async (c) => (await c.sIsMember(prefix + saleId, userId)) === 1,
        async () => null,
      ),
  };
}

interface LimitMemo {
  until: number;
  result: ReserveResult;
  /** The request keys of the fan's live holds: a press with one of them is a retry that gets its hold back. */
  holdKeys: Set<string>;
  /** Versions the fan holds: a press for one of them gets that hold back. */
  heldSkus: Set<number>;
}

/** What the database said of a sale's window: its status and times, or null for no such sale. */
export interface SaleWindow {
  status: string;
  startsAt: Date;
  endsAt: Date;
}

/** Sales remembered at most; a flood of made-up sale ids starts the memory afresh rather than growing it. */
const MAX_WINDOWS = 10_000;

/** A value per sale, kept for SOLD_OUT_MEMO_MS; past MAX_WINDOWS sales the memory starts afresh. */
class TimedPerSale<V> {
  private readonly entries = new Map<string, { until: number; value: V }>();

  set(saleId: string, value: V, nowMs: number) {
    if (this.entries.size >= MAX_WINDOWS) this.entries.clear();
    this.entries.set(saleId, { until: nowMs + SOLD_OUT_MEMO_MS, value });
  }

  /** The value remembered, or undefined when none is, or it is older than SOLD_OUT_MEMO_MS (then forgotten). */
  get(saleId: string, nowMs: number): V | undefined {
    const hit = this.entries.get(saleId);
    if (!hit) return undefined;
    if (hit.until <= nowMs) {
      this.entries.delete(saleId);
      return undefined;
    }
    return hit.value;
  }

  delete(saleId: string) {
    this.entries.delete(saleId);
  }

  clear() {
    this.entries.clear();
  }
}

interface Memo {
  soldOut: Map<string, { until: number; result: ReserveResult }>;
  /** Sales whose press the database refused for their window (unknown, draft, not started, ended). */
  windows: TimedPerSale<SaleWindow | null>;
  /** Sales' early-access lanes as last read (null: none), for presses before the start (./early-access.ts). */
  lanes: TimedPerSale<RememberedLane | null>;
  /** Fans told they hold the sale's limit, by sale then fan. */
  atLimit: Map<string, Map<string, LimitMemo>>;
  holders: Map<string, Set<string>>;
  /** Sales where a holder could not be recorded in the shared store: no memo answers for them here. */
  incomplete: Set<string>;
  shared: HolderStore | null | undefined;
  answered: number;
}

const memo: Memo = {
  soldOut: new Map(),
  windows: new TimedPerSale(),
  lanes: new TimedPerSale(),
  atLimit: new Map(),
  holders: new Map(),
  incomplete: new Set(),
  shared: undefined,
  answered: 0,
};

function sharedStore(): HolderStore | null {
  if (memo.shared === undefined) {
    const client = getRedis();
    memo.shared = client ? createRedisHolderStore(client) : null;
  }
  return memo.shared;
}

/** Tests: start afresh, optionally with another shared store (null: memory only). */
export function resetSoldOutMemo(shared?: HolderStore | null) {
  memo.soldOut.clear();
  memo.windows.clear();
  memo.lanes.clear();
  memo.atLimit.clear();
  memo.holders.clear();
  memo.incomplete.clear();
  memo.shared = shared;
  memo.answered = 0;
}

/** Presses answered from memory so far (tests and benchmarks report it). */
export function soldOutMemoAnswers(): number {
  return memo.answered;
}

const key = (saleId: string, skuId: number) => `${saleId}:${skuId}`;

/** The "sold out" answer for this press, when memory may give it; null means ask the database. */
export async function answerFromSoldOutMemo(
  { saleId, skuId, userId }: { saleId: string; skuId: number; userId: string },
  nowMs: number = Date.now(),
): Promise<ReserveResult | null> {
  const hit = memo.soldOut.get(key(saleId, skuId));
  if (!hit) return null;
  if (hit.until <= nowMs) {
    memo.soldOut.delete(key(saleId, skuId));
    return null;
  }
  if (memo.incomplete.has(saleId) || memo.holders.get(saleId)?.has(userId)) return null;
  const shared = sharedStore();
  if (shared && (await shared.has(saleId, userId)) !== false) return null;
  memo.answered += 1;
  return hit.result;
}

/** The database said this version is sold out: answer the next presses on it from memory for a while. */
export function rememberSoldOut(
  { saleId, skuId, result }: { saleId: string; skuId: number; result: ReserveResult },
  nowMs: number = Date.now(),
) {
  memo.soldOut.set(key(saleId, skuId), { until: nowMs + SOLD_OUT_MEMO_MS, result });
}

/**
 * A fan won a unit of the sale: their later presses must reach the database. Recorded in memory at once; the
 * shared store's answer is awaited by nobody on the hot path (a failure turns this instance's memo off for the sale).
 */
export async function rememberHolder({ saleId, userId }: { saleId: string; userId: string }) {
  let holders = memo.holders.get(saleId);
  if (!holders) {
    if (memo.holders.size >= MAX_SALES) {
      const oldest = memo.holders.keys().next().value as string;
      memo.holders.delete(oldest);
      // Memory was the only record of its holders: from now on its presses go to the database.
      if (!sharedStore()) memo.incomplete.add(oldest);
    }
    holders = new Set();
    memo.holders.set(saleId, holders);
  }
  holders.add(userId);
  const shared = sharedStore();
  if (shared && !(await shared.add(saleId, userId))) memo.incomplete.add(saleId);
}

/**
 * A fan already holding the sale's limit presses again: the answer the database gave them a moment ago, without
 * it, unless the press is a retry of one of their holds (its request key) or for a version they hold, which the
 * database answers with that hold. Null means ask the database.
 */
export function answerFromLimitMemo(
  {
    saleId,
    skuId,
    userId,
    requestKey,
  }: { saleId: string; skuId: number; userId: string; requestKey: string | null },
  nowMs: number = Date.now(),
): ReserveResult | null {
  const fans = memo.atLimit.get(saleId);
  const hit = fans?.get(userId);
  if (!fans || !hit) return null;
  if (hit.until <= nowMs) {
    fans.delete(userId);
    return null;
  }
  if ((requestKey !== null && hit.holdKeys.has(requestKey)) || hit.heldSkus.has(skuId)) return null;
  memo.answered += 1;
  return hit.result;
}

/** The database said this fan holds the sale's limit (with these holds): answer their next presses from memory. */
export function rememberLimitReached(
  {
    saleId,
    userId,
    result,
    holds,
  }: {
    saleId: string;
    userId: string;
    result: ReserveResult;
    holds: { requestKey: string | null; skuId: number; status: string }[];
  },
  nowMs: number = Date.now(),
) {
  let fans = memo.atLimit.get(saleId);
  if (!fans) {
    if (memo.atLimit.size >= MAX_SALES) memo.atLimit.delete(memo.atLimit.keys().next().value as string);
    fans = new Map();
    memo.atLimit.set(saleId, fans);
  }
  const holdKeys = new Set(holds.flatMap((h) => (h.requestKey ? [h.requestKey] : [])));
  const heldSkus = new Set(holds.filter((h) => h.status === "active").map((h) => h.skuId));
  fans.set(userId, { until: nowMs + SOLD_OUT_MEMO_MS, result, holdKeys, heldSkus });
}

/**
 * Units of the sale came back, or a fan's hold ended (a release here): nothing of it is sold out any more, and
 * fans at their limit may have room again. Released on another instance: within SOLD_OUT_MEMO_MS.
 */
export function forgetSoldOut(saleId: string) {
  for (const k of memo.soldOut.keys()) if (k.startsWith(`${saleId}:`)) memo.soldOut.delete(k);
  memo.windows.delete(saleId);
  memo.lanes.delete(saleId);
  memo.atLimit.delete(saleId);
}

/** A sale's early-access lane as the database last said: its settings and the public start. */
export interface RememberedLane {
  minPoints: number;
  minutes: number;
  quota: number;
  startsAt: Date;
}

/** Remembers a sale's lane (null: none) for SOLD_OUT_MEMO_MS, so presses before the start cost no statement. */
export function rememberLane(saleId: string, lane: RememberedLane | null, nowMs: number = Date.now()) {
  memo.lanes.set(saleId, lane, nowMs);
}

/** The remembered lane (null: none), or undefined when this instance does not know it now. */
export function recallLane(saleId: string, nowMs: number = Date.now()): RememberedLane | null | undefined {
  return memo.lanes.get(saleId, nowMs);
}

/**
 * The database refused a press for the sale's window (no such sale, a draft, not started, ended): remember the
 * window for SOLD_OUT_MEMO_MS, so a flood of presses on it costs no statement. The window, not the answer, is kept:
 * each press is judged against its own clock (the QA clock moves per request), so a press at the start goes on.
 */
export function rememberSaleWindow(saleId: string, window: SaleWindow | null, nowMs: number = Date.now()) {
  memo.windows.set(saleId, window, nowMs);
}

/** The remembered window (null: no such sale), or undefined when this instance does not know it now. */
export function recallSaleWindow(saleId: string, nowMs: number = Date.now()): SaleWindow | null | undefined {
  return memo.windows.get(saleId, nowMs);
}

/** Counts a press answered from a remembered window. */
export function countMemoAnswer() {
  memo.answered += 1;
}
