import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { createDatabase, type ScratchDatabase } from "./pg-admin";

/** The server's admin database (TEST_DATABASE_URL), where test databases are created and dropped. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** An in-memory PGlite, migrated and seeded with the demo catalogue. One per test file: it takes a few seconds. */
export async function openSeededPglite(): Promise<DbHandle> {
  const handle = await openDb();
  await seedDemo(handle.db);
  return handle;
}

/** A name for a test database of this run, unlike any other's. */
const testDatabaseName = () => `kite_t_${randomBytes(5).toString("hex")}`;

/**
 * A fresh PostgreSQL database cloned from the seeded template, with a pool of `poolMax` connections.
 * `close()` drops it.
 */
export async function openSeededPostgres({ poolMax = 10 }: { poolMax?: number } = {}): Promise<DbHandle> {
  const database = await createDatabase(adminUrl(), testDatabaseName(), { template: inject("pgTemplate") });
  const handle = await openDb({ url: database.url, poolMax, migrate: false });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

/**
 * A new, empty PostgreSQL database (not cloned from the template: for tests that migrate it themselves, e.g. from
 * an earlier release's migrations). Without a server this fails, it never skips. `drop()` removes it.
 */
export function createEmptyPostgres(): Promise<ScratchDatabase> {
  return createDatabase(adminUrl(), testDatabaseName());
}
