import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { type Db, STORE_APPLICATION_NAME } from "@/db/client";
import { adminUrl } from "./db";

/** The store pool behind a drizzle handle (PostgreSQL only). */
export function storePool(db: Db): pg.Pool {
  const pool = (db as unknown as { $client: unknown }).$client;
  if (!(pool instanceof pg.Pool)) throw new Error("fault tests need the PostgreSQL engine");
  return pool;
}

/** The database a store pool connects to. */
export function databaseOf(db: Db): string {
  const url = (storePool(db) as unknown as { options: { connectionString: string } }).options
    .connectionString;
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export interface FaultAdmin {
  /**
   * `pg_terminate_backend` on every connection the store pool has open to `database` (found by database and
   * application_name, never this admin connection), and waits until they are gone. Returns how many were ended.
   */
  terminateStoreConnections(database: string): Promise<number>;
  /** The store's connections open right now. */
  countStoreConnections(database: string): Promise<number>;
  /** `ALLOW_CONNECTIONS false` (or back to true): new connections are refused while the store is "down". */
  allowConnections(database: string, allow: boolean): Promise<void>;
  close(): Promise<void>;
}

/** A separate superuser connection to the admin database, for killing and refusing the store's connections. */
export async function openFaultAdmin(): Promise<FaultAdmin> {
  const admin = new pg.Client({ connectionString: adminUrl(), application_name: "kite-fault-admin" });
  await admin.connect();
  const storePids = async (database: string) =>
    (
      await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity
         where datname = $1 and application_name = $2 and pid <> pg_backend_pid()`,
        [database, STORE_APPLICATION_NAME],
      )
    ).rows.map((r) => r.pid);
  return {
    async terminateStoreConnections(database) {
      const pids = await storePids(database);
      await admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) pid", [pids]);
      for (let i = 0; i < 200; i++) {
        const left = await admin.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where pid = any($1::int[])",
          [pids],
        );
        if (left.rows[0]?.n === 0) return pids.length;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`backends ${pids.join(", ")} still running 2 s after pg_terminate_backend`);
    },
    async countStoreConnections(database) {
      return (await storePids(database)).length;
    },
    async allowConnections(database, allow) {
      await admin.query(`alter database ${pg.escapeIdentifier(database)} with allow_connections ${allow}`);
    },
    close: () => admin.end(),
  };
}

export interface StoreFaults {
  admin: FaultAdmin;
  /** The store's database, as its pool connects to it. */
  database: string;
}

/**
 * A fault admin for a test file's store database (`db()`, once the file's setup opened it), opened before the file's
 * tests; after them the database takes connections again and the admin connection is closed. Register it after
 * the setup that opens the database, so it closes first.
 */
export function withFaultAdmin(db: () => Db): StoreFaults {
  const faults = {} as StoreFaults;
  beforeAll(async () => {
    faults.database = databaseOf(db());
    faults.admin = await openFaultAdmin();
  });
  afterAll(async () => {
    await faults.admin?.allowConnections(faults.database, true);
    await faults.admin?.close();
  });
  return faults;
}
