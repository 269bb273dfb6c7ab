import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { createRedisFallback, getRedis, type RedisClient, redisKeyPrefix } from "@/lib/redis";
import { isUuid } from "./db-errors";
import {
  getBoast,
  getHonestNumbers,
  getSaleState,
  parseSaleTimes,
  type SaleClock,
  type SaleState,
} from "./rules";

/** What the database knows about a sale right now; independent of the clock, so it can be cached as is. */
export interface SaleCounts extends SaleClock {
  saleId: string;
  quantity: number;
  /** Units the public can still reserve. */
  remaining: number;
  /** Units set aside for F-codes and not taken yet: quantity = remaining + setAside + held + sold. */
  setAside: number;
  held: number;
  sold: number;
  registrations: number;
  soldOutAt: Date | null;
  /** Units bought with F-codes (sold from F-code buckets). */
  fcodeSold: number;
  /** Presses of Buy now, and requests the rate limits refused (lib/sales/press-counts.ts; about a second late). */
  presses: number;
  refused: number;
  skus: {
    skuId: number;
    quantity: number;
    remaining: number;
    setAside: number;
    held: number;
    sold: number;
  }[];
}

export interface SaleFigures extends SaleCounts {
  state: SaleState;
  /** Units back on sale after the sale had sold out once ("12 units are back"); 0 otherwise. */
  unitsBack: number;
  boast: string | null;
  /** After a sell-out: registered, presses, F-code units and refused requests, in one line (null before). */
  honesty: string | null;
}

/**
 * The live figures of a sale in one query: a sum over its bucket rows (at most 64 per SKU, plus one per F-code batch)
 * and its registration counter shards. Null for an unknown sale.
 */
export async function readSaleCounts(db: Db, { saleId }: { saleId: string }): Promise<SaleCounts | null> {
  if (!isUuid(saleId)) return null;
  type Row = Omit<SaleCounts, "quantity" | "remaining" | "setAside" | "held" | "sold" | "fcodeSold"> & {
    totalQuantity: number;
    fcodeSold: number;
  };
  const [row] = await queryRows<Row>(
    db,
    sql`
      select s.id as "saleId", s.status, s.total_quantity as "totalQuantity",
        s.registration_opens_at as "registrationOpensAt", s.registration_closes_at as "registrationClosesAt",
        s.starts_at as "startsAt", s.ends_at as "endsAt", s.sold_out_at as "soldOutAt",
        (select coalesce(sum(c.registrations), 0)::int from sale_counters c where c.sale_id = s.id)
          as "registrations",
        (select coalesce(sum(b.sold), 0)::int from sale_buckets b where b.sale_id = s.id and b.bucket < 0)
          as "fcodeSold",
        coalesce((select p.presses from sale_press_counts p where p.sale_id = s.id), 0)::float8 as "presses",
        coalesce((select p.refused from sale_press_counts p where p.sale_id = s.id), 0)::float8 as "refused",
        coalesce((
          select json_agg(json_build_object(
              'skuId', x.sku_id, 'quantity', x.q, 'remaining', x.a, 'setAside', x.f, 'held', x.h, 'sold', x.s)
              order by x.sku_id)
          from (
            select b.sku_id, sum(b.quantity)::int as q,
              coalesce(sum(b.available) filter (where b.bucket >= 0), 0)::int as a,
              coalesce(sum(b.available) filter (where b.bucket < 0), 0)::int as f,
              sum(b.held)::int as h, sum(b.sold)::int as s
            from sale_buckets b where b.sale_id = s.id group by b.sku_id
          ) x), '[]'::json) as "skus"
      from sales s where s.id = ${saleId}::uuid`,
  );
  if (!row) return null;
  const total = (key: "quantity" | "remaining" | "setAside" | "held" | "sold") =>
    row.skus.reduce((n, s) => n + s[key], 0);
  return {
    saleId: row.saleId,
    status: row.status,
    ...parseSaleTimes(row),
    registrations: row.registrations,
    fcodeSold: row.fcodeSold,
    presses: Number(row.presses),
    refused: Number(row.refused),
    quantity: total("quantity"),
    remaining: total("remaining"),
    setAside: total("setAside"),
    held: total("held"),
    sold: total("sold"),
    skus: row.skus,
  };
}

/** The stock and registration numbers of a sale as the live endpoints send them. */
export function liveCounts({ quantity, remaining, held, sold, registrations }: SaleCounts) {
  return { quantity, remaining, held, sold, registrations };
}

/** A sale's start, end and sell-out as ISO strings, for JSON answers. */
export function liveTimes({ startsAt, endsAt, soldOutAt }: SaleCounts) {
  return {
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    soldOutAt: soldOutAt?.toISOString() ?? null,
  };
}

/** SaleCounts read back from JSON (the shared cache), where its dates travel as ISO strings. */
export function reviveSaleCounts(json: unknown): SaleCounts {
  const raw = json as SaleCounts;
  return { ...raw, ...parseSaleTimes(raw) };
}

/** Counts plus what the clock says: state, units back after a sell-out, and the boast. */
export function withState(counts: SaleCounts, { now, locale }: { now: Date; locale?: string }): SaleFigures {
  // Never "sold out" before the start, whatever the stock says (an F-code quota may take every unit early).
  const started = now.getTime() >= counts.startsAt.getTime();
  const boast = started
    ? getBoast(
        { totalQuantity: counts.quantity, startsAt: counts.startsAt, soldOutAt: counts.soldOutAt },
        locale,
      )
    : null;
  return {
    ...counts,
    state: getSaleState({ sale: counts, now, figures: counts }),
    unitsBack: started && counts.soldOutAt && counts.remaining > 0 ? counts.remaining : 0,
    boast,
    honesty: boast ? getHonestNumbers(counts, locale) : null,
  };
}

export async function getSaleFigures(
  db: Db,
  { saleId, now }: { saleId: string; now: Date },
): Promise<SaleFigures | null> {
  const counts = await readSaleCounts(db, { saleId });
  return counts ? withState(counts, { now }) : null;
}

/**
 * Where cached values live: in process memory for one instance, or in Redis (with REDIS_URL) so that every
 * instance shares one query per TTL.
 */
export interface FiguresStore<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * An in-process cache with a short TTL and single flight: callers that miss at the same moment share one query.
 * `clock` is the cache's own wall clock (not the store's `now`): it only ages entries.
 */
export function createMemoryFiguresStore<T>({
  ttlMs = 1000,
  clock = Date.now,
  maxEntries = 1000,
}: {
  ttlMs?: number;
  clock?: () => number;
  maxEntries?: number;
} = {}): FiguresStore<T> {
  const values = new Map<string, { value: T; expiresAt: number }>();
  const inflight = new Map<string, Promise<T>>();
  return {
    get(key, load) {
      const hit = values.get(key);
      if (hit && hit.expiresAt > clock()) return Promise.resolve(hit.value);
      const pending = inflight.get(key);
      if (pending) return pending;
      const promise = load()
        .then((value) => {
          if (values.size >= maxEntries) values.clear();
          values.set(key, { value, expiresAt: clock() + ttlMs });
          return value;
        })
        .finally(() => inflight.delete(key));
      inflight.set(key, promise);
      return promise;
    },
  };
}

/**
 * The same cache shared through Redis: GET, and on a miss load and SET PX with the TTL, values as JSON (`revive`
 * rebuilds what JSON flattens, such as dates). Callers of one instance that miss together still share one load.
 * If Redis does not answer, the call fails open to this instance's memory store instead of failing the request.
 */
export function createRedisFiguresStore<T>({
  client,
  prefix,
  revive,
  ttlMs = 1000,
  fallback = createMemoryFiguresStore<T>({ ttlMs }),
}: {
  client: RedisClient;
  prefix: string;
  revive: (json: unknown) => T;
  ttlMs?: number;
  fallback?: FiguresStore<T>;
}): FiguresStore<T> {
  const withFallback = createRedisFallback(`cache ${prefix}`);
  const inflight = new Map<string, Promise<T>>();
  const read = async (key: string, load: () => Promise<T>): Promise<T> => {
    const hit = await withFallback(
      client,
      async (c) => ({ json: await c.get(prefix + key) }),
      async () => null,
    );
    if (!hit) return fallback.get(key, load);
    if (hit.json !== null) return revive(JSON.parse(hit.json));
    const value = await load();
    // Awaited so that the next instance to ask finds it; a failed write only costs that instance a load.
    await withFallback(
      client,
      (c) => c.set(prefix + key, JSON.stringify(value), { PX: ttlMs }),
      async () => null,
    );
    return value;
  };
  return {
    get(key, load) {
      const pending = inflight.get(key);
      if (pending) return pending;
      const promise = read(key, load).finally(() => inflight.delete(key));
      inflight.set(key, promise);
      return promise;
    },
  };
}

/**
 * A sale's read for the crowd: the database is read at most about once a second per sale (per instance without
 * Redis; callers that miss together share one read), and `view` shapes the cached value per caller from their
 * `now`. The store is Redis under `name` when REDIS_URL is set (falling back to this instance's memory if Redis
 * does not answer), else memory; it is made on first use. An id that is not a uuid is null without a read.
 */
export function cacheSaleRead<T, V>({
  name,
  revive,
  maxEntries,
  ttlMs,
  read,
  view,
}: {
  name: string;
  revive: (json: unknown) => T | null;
  /** Of the in-process store. */
  maxEntries?: number;
  /** How long a read is reused (about a second unless said: the figures move every second). */
  ttlMs?: number;
  read: (db: Db, { saleId }: { saleId: string }) => Promise<T | null>;
  view: (value: T, { now }: { now: Date }) => V;
}) {
  let defaultStore: FiguresStore<T | null> | undefined;
  const getDefaultStore = (): FiguresStore<T | null> => {
    if (!defaultStore) {
      const client = getRedis();
      const memory = createMemoryFiguresStore<T | null>({ maxEntries, ttlMs });
      defaultStore = client
        ? createRedisFiguresStore({ client, prefix: redisKeyPrefix(name), revive, ttlMs, fallback: memory })
        : memory;
    }
    return defaultStore;
  };
  return async (
    db: Db,
    { saleId, now, store = getDefaultStore() }: { saleId: string; now: Date; store?: FiguresStore<T | null> },
  ): Promise<V | null> => {
    if (!isUuid(saleId)) return null;
    const value = await store.get(saleId, () => read(db, { saleId }));
    return value === null ? null : view(value, { now });
  };
}

/** Live figures for the crowd (see `cacheSaleRead`), with the state computed per caller. */
export const cachedFigures = cacheSaleRead({
  name: "figures",
  revive: (json) => (json === null ? null : reviveSaleCounts(json)),
  read: readSaleCounts,
  view: withState,
});
