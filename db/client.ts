import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both engines: every query the store writes runs on PGlite and PostgreSQL alike. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Engine = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  engine: Engine;
  close: () => Promise<void>;
}

export interface OpenDbOptions {
  /** A postgres:// URL; when absent the embedded PGlite engine is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` (the default when no folder is given) keeps everything in memory. */
  dataDir?: string | undefined;
  /** Connection pool size for PostgreSQL. */
  poolMax?: number | undefined;
  /** `application_name` of the pool's connections, so pg_stat_activity (and an operator) can tell them apart. */
  applicationName?: string | undefined;
  /** Apply migrations before returning (default true). */
  migrate?: boolean | undefined;
  /**
   * The drizzle migrations folder to apply (default `db/migrations`). Tests pass an earlier release's copy to
   * build a database as that release left it, then upgrade it through this same path.
   */
  migrationsFolder?: string | undefined;
  /**
   * How `url` reaches PostgreSQL. `session` (default): straight, or through a pooler in session mode.
   * `transaction`: through PgBouncer in transaction pooling, where two statements outside one transaction may
   * run on different server connections. Then the pool sends no named prepared statements (PgBouncer before
   * 1.21, Debian 12's 1.18 among them, cannot route them; see {@link usesNamedStatements}) and keeps no session
   * state, and migrations, which hold a session advisory lock, go to `directUrl` instead.
   */
  poolMode?: PoolMode | undefined;
  /** A postgres:// URL straight to the server, for migrations when `poolMode` is `transaction`. */
  directUrl?: string | undefined;
}

export type PoolMode = "session" | "transaction";

/**
 * Statements this process sent to the database, both engines (issue 16: a page view served from cache costs none).
 * Counted where the driver sends them, so transaction control (BEGIN, COMMIT) and migrations count too; kept on
 * globalThis because Next bundles this module once per route bundle, and the store opens one handle per process.
 */
interface QueryCounter {
  sent: number;
}
const COUNTER = Symbol.for("kite.queryCounter");
const counterHome = globalThis as { [COUNTER]?: QueryCounter };
counterHome[COUNTER] ??= { sent: 0 };
const counter: QueryCounter = counterHome[COUNTER];

/**
 * Per-request attribution, outside production only: scripts/query-probes.mjs puts an AsyncLocalStorage here and
 * runs each request that carries `x-kite-query-probe: <id>` inside that probe, so a statement sent while handling
 * it (rendering a page, a proxy lookup, a single-flight read it started) counts against that id as well.
 */
export interface QueryProbe {
  count: number;
}
interface QueryProbes {
  storage: { getStore(): QueryProbe | undefined };
  byId: Map<string, QueryProbe>;
}
const PROBES = Symbol.for("kite.queryProbes");
const installedProbes = (): QueryProbes | undefined => (globalThis as { [PROBES]?: QueryProbes })[PROBES];

function countQuery(): void {
  counter.sent += 1;
  const probe = installedProbes()?.storage.getStore();
  if (probe) probe.count += 1;
}

/** Statements sent to the database by this process since it started. */
export function queryCount(): number {
  return counter.sent;
}

/** Statements sent while handling requests that carried probe `id`; null when probes are not installed. */
export function probedQueryCount(id: string): number | null {
  const probes = installedProbes();
  if (!probes) return null;
  return probes.byId.get(id)?.count ?? 0;
}

/**
 * Counts every statement a node-postgres pool sends, in the caller's async context (so a probe charges the request
 * that asked): `pool.query` when it is called, not when its client sends (a call that waits for a free connection
 * is sent from the context of whichever query released one), and clients checked out with `await pool.connect()`
 * (drizzle's transactions, migrations) on each `client.query`. `pool.query`'s own checkout passes a callback and is
 * not counted twice.
 */
function countPgQueries(pool: pg.Pool): void {
  const lent = new WeakSet<pg.PoolClient>();
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    countQuery();
    return query(...args);
  }) as typeof pool.query;
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      lent.add(client);
      return client;
    });
  }) as typeof pool.connect;
  pool.on("release", (_error, client) => lent.delete(client));
  pool.on("connect", (client) => {
    const clientQuery = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      if (lent.has(client)) countQuery();
      return clientQuery(...args);
    }) as typeof client.query;
  });
}

/**
 * Counts every statement PGlite runs for us: `query` and `exec` (its `sql` calls `query`), and inside a transaction
 * the transaction object's own methods, which bypass those, plus its BEGIN and its COMMIT or ROLLBACK.
 */
function countPgliteQueries(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<PGlite["query"]>) => {
    countQuery();
    return query(...args);
  }) as PGlite["query"];
  client.exec = (...args) => {
    countQuery();
    return exec(...args);
  };
  client.transaction = (callback) => {
    countQuery();
    return transaction((tx) => {
      const txQuery = tx.query.bind(tx);
      const txSql = tx.sql.bind(tx);
      const txExec = tx.exec.bind(tx);
      tx.query = ((...args: Parameters<typeof tx.query>) => {
        countQuery();
        return txQuery(...args);
      }) as typeof tx.query;
      tx.sql = ((...args: Parameters<typeof tx.sql>) => {
        countQuery();
        return txSql(...args);
      }) as typeof tx.sql;
      tx.exec = (...args) => {
        countQuery();
        return txExec(...args);
      };
      return callback(tx);
    }).finally(countQuery);
  };
}

export const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
/** The store's connections in pg_stat_activity. */
export const STORE_APPLICATION_NAME = "kite-store";
/** Serialises migrations across several instances starting at once against one PostgreSQL. */
const MIGRATION_LOCK = 7_304_112;

export async function openDb(options: OpenDbOptions = {}): Promise<DbHandle> {
  const shouldMigrate = options.migrate ?? true;
  const migrationsFolder = options.migrationsFolder ?? MIGRATIONS;
  if (options.url) {
    const poolMode = options.poolMode ?? "session";
    if (poolMode === "transaction" && shouldMigrate && !options.directUrl) {
      throw new Error("poolMode 'transaction' needs directUrl (DATABASE_DIRECT_URL) to run migrations");
    }
    const pool = new StorePool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
      application_name: options.applicationName ?? STORE_APPLICATION_NAME,
    });
    pool.namedStatements = poolMode === "session";
    // An idle client whose server connection is terminated (restart, failover, a dropped test database) emits
    // `error` on the pool; without a listener that crashes the process. The pool replaces the client.
    pool.on("error", (error) => console.warn("[db] idle PostgreSQL client lost:", error.message));
    // A checked-out client has no pool listener: killed between two statements of a transaction (no query
    // running to reject), it emits `error` on itself, which would crash the process. Its next query fails and
    // the pool drops it on release, so the listener only has to exist and say so.
    pool.on("connect", (client) => {
      client.on("error", (error) => console.warn("[db] PostgreSQL connection lost:", error.message));
    });
    countPgQueries(pool);
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db;
    if (shouldMigrate) {
      if (poolMode === "transaction") {
        const direct = new pg.Client({
          connectionString: options.directUrl,
          application_name: "kite-migrate",
        });
        await direct.connect();
        await migrateLocked(direct, migrationsFolder).finally(() => direct.end());
      } else {
        const client = await pool.connect();
        await migrateLocked(client, migrationsFolder).finally(() => client.release());
      }
    }
    return { db, engine: "postgres", close: () => pool.end() };
  }

  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  countPgliteQueries(client);
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  if (shouldMigrate) await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { db, engine: "pglite", close: () => client.close() };
}

/** Applies migrations on one session, holding an advisory lock so instances starting together take turns. */
async function migrateLocked(client: pg.Client | pg.PoolClient, migrationsFolder: string): Promise<void> {
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
  }
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pg.Pool that gets back a client whose connection dies while it is checked out. drizzle-orm 0.45's
 * `transaction()` sends BEGIN outside its try/finally, so when BEGIN fails (a connection the server ended while
 * idle in the pool, handed out before the pool read the news) it never releases the client: without this, each
 * such failure after a restart or failover would take a slot from the pool for good, until the store hangs.
 * The callback form (pool.query) releases on error by itself and is left as is.
 */
class StorePool extends pg.Pool {
  /** False behind a transaction pooler: see OpenDbOptions.poolMode. */
  namedStatements = true;
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (callback) {
      super.connect(callback);
      return undefined;
    }
    return super.connect().then(releaseWhenLost);
  }
}

function releaseWhenLost(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  const onEnd = () => {
    if (released) return;
    released = true;
    release(new Error("connection ended while checked out"));
  };
  client.once("end", onEnd);
  client.release = (error?: Error | boolean) => {
    client.removeListener("end", onEnd);
    // Already given back when its connection ended; the holder's own release afterwards is a no-op.
    if (released) return;
    released = true;
    release(error);
  };
  return client;
}

/**
 * The node-postgres pool behind `db` when it may run named prepared statements (parsed and planned once per
 * server connection); null on PGlite and behind a transaction pooler, where callers send unnamed statements.
 */
export function namedStatementPool(db: Db): pg.Pool | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof StorePool && client.namedStatements ? client : null;
}

/** Rows of a raw query, whichever engine ran it. */
export async function queryRows<T>(db: Db | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
