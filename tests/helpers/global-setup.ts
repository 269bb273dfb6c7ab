/**
 * Builds the PostgreSQL template once per run (migrated and seeded); each test file clones it with
 * `create database … template …`, which takes milliseconds instead of a migrate + seed per file.
 */
import type { TestProject } from "vitest/node";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { createDatabase } from "./pg-admin";

export default async function setup(project: TestProject) {
  // Unique per run, so two runs on one server (a developer's and a helper's) never drop each other's template.
  const TEMPLATE_DB = `kite_tpl_${process.pid}`;
  const base = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const template = await createDatabase(base, TEMPLATE_DB, {
    replace: true,
    unreachable: (error) =>
      new Error(
        `PostgreSQL is required for the concurrency tests and is not reachable at ${base}: ${error.message}`,
      ),
  });
  const handle = await openDb({ url: template.url, poolMax: 2 });
  await seedDemo(handle.db);
  await handle.close();
  project.provide("pgTemplate", TEMPLATE_DB);
  return () => template.drop();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
