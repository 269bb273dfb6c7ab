#!/usr/bin/env node
// `npm run db:checksums`: records the sha256 of every new migration in db/migrations/checksums.json.
// It only ever appends: a migration already listed whose content changed is an error, never rewritten, because
// drizzle applies only migrations newer than the last one a database recorded, so an edit to a migration that
// has shipped never reaches the databases that ran it. Write the next migration instead.
// `--check` writes nothing and exits 1 when a listed file changed or a new one is not listed (the unit test
// db/migration-checksums.test.ts checks the same).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const DIR = path.join(process.cwd(), "db", "migrations");
const LIST = path.join(DIR, "checksums.json");
const check = process.argv.includes("--check");

/** sha256 of a migration, line endings normalised to LF so a Windows checkout hashes the same. */
export function checksum(file) {
  return createHash("sha256").update(readFileSync(file, "utf8").replace(/\r\n/g, "\n")).digest("hex");
}

const recorded = existsSync(LIST) ? JSON.parse(readFileSync(LIST, "utf8")) : { migrations: {} };
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".sql"))
  .sort();
const problems = [];
const added = [];
for (const [file, sum] of Object.entries(recorded.migrations)) {
  if (!files.includes(file)) problems.push(`${file} is listed but missing from db/migrations (restore it).`);
  else if (checksum(path.join(DIR, file)) !== sum) {
    problems.push(
      `${file} changed after it was recorded. A migration, once on main, is never edited: restore it ` +
        `(git checkout origin/main -- db/migrations/${file}) and write the next one ` +
        "(npx drizzle-kit generate --custom --name <what-it-does>).",
    );
  }
}
const migrations = { ...recorded.migrations };
for (const file of files) {
  if (!(file in migrations)) {
    migrations[file] = checksum(path.join(DIR, file));
    added.push(file);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
if (check) {
  if (added.length > 0) {
    console.error(
      `✗ not in db/migrations/checksums.json yet: ${added.join(", ")} (run npm run db:checksums)`,
    );
    process.exit(1);
  }
  console.log(`✓ ${files.length} migrations match db/migrations/checksums.json`);
  process.exit(0);
}
if (added.length === 0) {
  console.log(`Nothing to add: ${files.length} migrations already recorded.`);
} else {
  const out = {
    _rule:
      "A migration, once on main, is never edited; write the next one. Append new files with npm run db:checksums " +
      "(sha256 of the file, CRLF normalised to LF); db/migration-checksums.test.ts fails when a listed file changes.",
    migrations,
  };
  writeFileSync(LIST, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`Recorded ${added.join(", ")} in db/migrations/checksums.json. Commit it with the migration.`);
}
