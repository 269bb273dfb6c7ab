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
    const pool = new StorePool({
      connectionString: options.url,
      max: options.poolMax ?? 10,
      application_name: options.applicationName ?? STORE_APPLICATION_NAME,
    });
    // An idle client whose server connection is terminated (restart, failover, a dropped test database) emits
    // `error` on the pool; without a listener that crashes the process. The pool replaces the client.
    pool.on("error", (error) => console.warn("[db] idle PostgreSQL client lost:", error.message));
    // A checked-out client has no pool listener: killed between two statements of a transaction (no query
    // running to reject), it emits `error` on itself, which would crash the process. Its next query fails and
    // the pool drops it on release, so the listener only has to exist and say so.
    pool.on("connect", (client) => {
      client.on("error", (error) => console.warn("[db] PostgreSQL connection lost:", error.message));
    });
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db;
    if (shouldMigrate) {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    }
    return { db, engine: "postgres", close: () => pool.end() };
  }

  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  if (shouldMigrate) await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { db, engine: "pglite", close: () => client.close() };
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

/** Rows of a raw query, whichever engine ran it. */
export async function queryRows<T>(db: Db | Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
