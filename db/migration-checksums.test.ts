import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * A migration, once on main, is never edited; write the next one. drizzle applies only migrations newer than the
 * last one a database recorded, so an edit to a shipped migration never reaches a database that already ran it
 * (0005_reserve_batch was rewritten in place once; 0006 had to re-create its functions). checksums.json holds
 * the sha256 of every migration; scripts/migration-checksums.mjs (npm run db:checksums) appends new ones.
 */

const DIR = path.join(process.cwd(), "db", "migrations");
const recorded = JSON.parse(readFileSync(path.join(DIR, "checksums.json"), "utf8")) as {
  migrations: Record<string, string>;
};
const journal = JSON.parse(readFileSync(path.join(DIR, "meta", "_journal.json"), "utf8")) as {
  entries: { idx: number; when: number; tag: string }[];
};
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".sql"))
  .sort();

/** As scripts/migration-checksums.mjs hashes: line endings normalised to LF. */
function checksum(file: string): string {
  return createHash("sha256")
    .update(readFileSync(path.join(DIR, file), "utf8").replace(/\r\n/g, "\n"))
    .digest("hex");
}

describe("migrations are append-only (db/migrations/checksums.json)", () => {
  it("no recorded migration was edited or removed", () => {
    const problems = Object.entries(recorded.migrations).flatMap(([file, sum]) => {
      if (!files.includes(file)) return [`${file} was removed: restore it.`];
      if (checksum(file) !== sum) {
        return [
          `${file} changed after it landed. A migration, once on main, is never edited: databases that ran ` +
            `it never run it again. Restore it (git checkout origin/main -- db/migrations/${file}) and put the ` +
            "change in a new migration: npx drizzle-kit generate --custom --name <what-it-does>, then " +
            "npm run db:checksums. Do not edit checksums.json to match.",
        ];
      }
      return [];
    });
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every migration is recorded", () => {
    const missing = files.filter((f) => !(f in recorded.migrations));
    expect(
      missing,
      `New migration(s) ${missing.join(", ")} not in db/migrations/checksums.json: run npm run db:checksums ` +
        "(it appends their sha256) and commit the file with the migration.",
    ).toEqual([]);
  });

  it("the journal lists exactly the migration files, each newer than the one before", () => {
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
    // drizzle skips a migration whose `when` is not after the newest one a database recorded.
    for (const [i, entry] of journal.entries.entries()) {
      expect(entry.idx).toBe(i);
      const previous = journal.entries[i - 1];
      if (previous) {
        expect(entry.when, `${entry.tag} must be newer than ${previous.tag}`).toBeGreaterThan(previous.when);
      }
    }
  });
});
