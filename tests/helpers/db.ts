import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type DbHandle, openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";

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

/**
 * A fresh PostgreSQL database cloned from the seeded template, with a pool of `poolMax` connections.
 * `close()` drops it.
 */
export async function openSeededPostgres({ poolMax = 10 }: { poolMax?: number } = {}): Promise<DbHandle> {
  const name = `kite_t_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), poolMax, migrate: false });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * A new, empty PostgreSQL database (not cloned from the template: for tests that migrate it themselves, e.g. from
 * an earlier release's migrations). Without a server this fails, it never skips. `drop()` removes it.
 */
export async function createEmptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kite_t_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
