import pg from "pg";
/**
 * Builds the PostgreSQL template once per run (migrated and seeded); each test file clones it with
 * `create database … template …`, which takes milliseconds instead of a migrate + seed per file.
 */
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";

export default async function setup(project: TestProject) {
  // Unique per run, so two runs on one server (a developer's and a helper's) never drop each other's template.
  const TEMPLATE_DB = `kite_tpl_${process.pid}`;
  const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the concurrency tests and is not reachable at ${base}: ${(error as Error).message}`,
    );
  }
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${TEMPLATE_DB}`;
  const handle = await openDb({ url: url.toString(), poolMax: 2 });
  await seedDemo(handle.db);
  await handle.close();
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    const cleanup = new pg.Client({ connectionString: base });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await cleanup.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
