import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Db, type DbHandle, MIGRATIONS, type OpenDbOptions, openDb, queryRows } from "@/db/client";

/**
 * What the previous release's migrations folder (db/migrations at 40af953, when 0005_reserve_batch first landed:
 * kite_reserve_batch with a BEGIN … EXCEPTION subtransaction per click) has that today's does not: the first
 * 0005_reserve_batch.sql and a journal that ends with it. Never edit it; a later upgrade test adds a folder of its
 * own.
 */
const PREVIOUS_RELEASE_CHANGES = path.join(process.cwd(), "tests", "fixtures", "migrations-40af953");

/**
 * The previous release's migrations folder, as drizzle's migrator reads it (the .sql files and
 * meta/_journal.json), assembled in a temp folder: the fixture's journal and its own files, and every other
 * migration the journal names from db/migrations, which must still be byte for byte what shipped (the sha256 in
 * db/migrations/checksums.json). `remove()` deletes the folder.
 */
export function assemblePreviousReleaseMigrations(): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(tmpdir(), "kite-migrations-40af953-"));
  mkdirSync(path.join(folder, "meta"));
  const journalFile = path.join("meta", "_journal.json");
  copyFileSync(path.join(PREVIOUS_RELEASE_CHANGES, journalFile), path.join(folder, journalFile));
  const journal = JSON.parse(readFileSync(path.join(folder, journalFile), "utf8")) as {
    entries: { tag: string }[];
  };
  const shipped = JSON.parse(readFileSync(path.join(MIGRATIONS, "checksums.json"), "utf8")) as {
    migrations: Record<string, string>;
  };
  for (const { tag } of journal.entries) {
    const file = `${tag}.sql`;
    const changed = path.join(PREVIOUS_RELEASE_CHANGES, file);
    if (existsSync(changed)) {
      copyFileSync(changed, path.join(folder, file));
      continue;
    }
    const text = readFileSync(path.join(MIGRATIONS, file), "utf8");
    // Hashed as scripts/migration-checksums.mjs does: line endings normalised to LF.
    const sum = createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex");
    if (sum !== shipped.migrations[file]) {
      throw new Error(`db/migrations/${file} is not the file the previous release shipped (checksums.json)`);
    }
    writeFileSync(path.join(folder, file), text);
  }
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

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

/** The functions today's 0005_reserve_batch.sql defines. */
export const RESERVE_FUNCTIONS = functionsDefinedIn(RESERVE_MIGRATION);

/** `pg_get_functiondef` of the reserve functions (functionDefinitions of RESERVE_FUNCTIONS). */
export function reserveFunctionDefinitions(db: Db): Promise<Record<string, string>> {
  return functionDefinitions(db, RESERVE_FUNCTIONS);
}

/**
 * The newest migration that defines the reserve functions (0005 first, 0006 re-made them as 0005 is now, 0016 added
 * the F-code predicates): every database, whichever 0005 it ran, ends on its definitions.
 */
export const LATEST_RESERVE_MIGRATION = path.join(
  MIGRATIONS,
  readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .filter((f) => functionsDefinedIn(path.join(MIGRATIONS, f)).includes("kite_reserve_batch"))
    .at(-1) as string,
);

/** Runs the function definitions of the newest migration that defines the reserve functions again on `db`. */
export async function rerunReserveMigration(db: Db): Promise<void> {
  for (const statement of statementsOf(LATEST_RESERVE_MIGRATION)) {
    if (/CREATE\s+(OR\s+REPLACE\s+)?FUNCTION/i.test(statement)) await db.execute(sql.raw(statement));
  }
}

/**
 * openDb as the previous release opened it: migrating with that release's migrations folder (assembled for the
 * call, removed once the database is migrated).
 */
export async function openWithPreviousRelease(
  options: Omit<OpenDbOptions, "migrationsFolder">,
): Promise<DbHandle> {
  const previous = assemblePreviousReleaseMigrations();
  try {
    return await openDb({ ...options, migrationsFolder: previous.folder });
  } finally {
    previous.remove();
  }
}
