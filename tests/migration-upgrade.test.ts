import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import {
  appliedMigrations,
  openWithPreviousRelease,
  rerunReserveMigration,
  reserveFunctionDefinitions,
} from "@/tests/helpers/migrations";

/*
 * The embedded engine's side of tests/migration-upgrade.pg.test.ts: a developer's `.data/pglite` folder made by
 * the previous release (the first 0005_reserve_batch) is upgraded when the store opens it again, and ends with
 * the functions exactly as the current 0005 defines them. One PGlite at a time: each takes ~750 MB.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), "kite-pglite-upgrade-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("upgrading a PGlite folder from the previous release's migrations", () => {
  it("openDb re-creates the old kite_reserve_batch as the newest migration defines it", async () => {
    const old = await openWithPreviousRelease({ dataDir });
    let oldDefs: Record<string, string>;
    try {
      expect(await appliedMigrations(old.db)).toHaveLength(6);
      oldDefs = await reserveFunctionDefinitions(old.db);
      expect(oldDefs["kite_reserve_batch(p_items jsonb)"]).toContain("EXCEPTION WHEN others");
    } finally {
      await old.close();
    }

    // What the store does on its next start: open the same folder and migrate with db/migrations.
    const handle = await openDb({ dataDir });
    try {
      expect((await appliedMigrations(handle.db)).length).toBeGreaterThan(6);
      const defs = await reserveFunctionDefinitions(handle.db);
      expect(Object.keys(defs)).toEqual(Object.keys(oldDefs));
      expect(defs["kite_reserve_batch(p_items jsonb)"]).not.toEqual(
        oldDefs["kite_reserve_batch(p_items jsonb)"],
      );
      expect(defs["kite_reserve_batch(p_items jsonb)"]).toContain("ON CONFLICT DO NOTHING");
      expect(defs["kite_reserve_batch(p_items jsonb)"]).not.toContain("EXCEPTION");
      // Exactly the newest definition (0016): running it again changes nothing.
      await rerunReserveMigration(handle.db);
      expect(await reserveFunctionDefinitions(handle.db)).toEqual(defs);
    } finally {
      await handle.close();
    }
  });
});
