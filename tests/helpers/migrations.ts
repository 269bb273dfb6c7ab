import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, MIGRATIONS, queryRows } from "@/db/client";

/**
 * The migrations folder as the previous release left it: db/migrations at 40af953, when 0005_reserve_batch first
 * landed (kite_reserve_batch with a BEGIN … EXCEPTION subtransaction per click). Only what drizzle's migrator
 * reads: the .sql files and meta/_journal.json. Never edit it; a later upgrade test adds a folder of its own.
 */
export const PREVIOUS_RELEASE_MIGRATIONS = path.join(
  process.cwd(),
  "tests",
  "fixtures",
  "migrations-40af953",
);

/** The migration that defines the reserve functions, as it is now on main. */
export const RESERVE_MIGRATION = path.join(MIGRATIONS, "0005_reserve_batch.sql");

/** The statements of a migration file, split as drizzle splits them. */
export function statementsOf(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The names of the functions a migration file creates (CREATE [OR REPLACE] FUNCTION name(…)). */
export function functionsDefinedIn(file: string): string[] {
  const names = [
    ...readFileSync(file, "utf8").matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(\w+)/gi),
  ].map((m) => (m[1] as string).toLowerCase());
  return [...new Set(names)].sort();
}

/** `pg_get_functiondef` of every function named (all overloads), keyed `name(args)`; absent ones are missing. */
export async function functionDefinitions(db: Db, names: string[]): Promise<Record<string, string>> {
  const rows = await queryRows<{ signature: string; definition: string }>(
    db,
    sql`
      select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature,
        pg_get_functiondef(p.oid) as definition
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = any(${`{${names.join(",")}}`}::text[])
      order by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.signature, r.definition]));
}

/** drizzle's record of the migrations applied, oldest first. */
export async function appliedMigrations(db: Db): Promise<{ hash: string; createdAt: number }[]> {
  const rows = await queryRows<{ hash: string; created_at: string }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}
