import "server-only";
import { type DbHandle, openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { seedDemoBeta } from "@/lib/beta/demo";
import { env, seedsDemoData } from "@/lib/env";
import { seedDemoSales } from "@/lib/sales/demo";

export type { Db, Tx } from "@/db/client";
export { probedQueryCount, queryCount } from "@/db/client";

const globalForDb = globalThis as unknown as { __kiteDb?: Promise<DbHandle> };

async function init(): Promise<DbHandle> {
  const handle = await openDb({
    url: env.DATABASE_URL,
    dataDir: env.PGLITE_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    poolMode: env.DATABASE_POOL_MODE,
    directUrl: env.DATABASE_DIRECT_URL,
  });
  if (seedsDemoData) {
    await seedDemo(handle.db, { onlyIfEmpty: true });
    await seedDemoSales(handle.db, { now: new Date() });
    await seedDemoBeta(handle.db, { now: new Date() });
  }
  return handle;
}

/**
 * The process's one database handle, migrated (and, in development and tests, seeded: lib/env.ts) on first use.
 * Kept on globalThis: pages and route handlers are separate bundles, and dev reloads must not open PGlite twice.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.__kiteDb) {
    globalForDb.__kiteDb = init().catch((error: unknown) => {
      globalForDb.__kiteDb = undefined;
      throw error;
    });
  }
  return globalForDb.__kiteDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}
