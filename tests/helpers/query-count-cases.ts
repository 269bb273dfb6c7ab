import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, probedQueryCount, queryCount } from "@/db/client";
import { products } from "@/db/schema";
import { installQueryProbes, uninstallQueryProbes } from "@/scripts/query-probes.mjs";

/** The query counter's cases, run against one engine (db/query-count.test.ts and db/query-count.pg.test.ts). */
export function describeQueryCounting(engine: string, open: () => Promise<DbHandle>) {
  describe(`queryCount (${engine})`, () => {
    let handle: DbHandle;
    let withQueryProbe: ReturnType<typeof installQueryProbes>;
    beforeAll(async () => {
      handle = await open();
      withQueryProbe = installQueryProbes();
    });
    afterAll(async () => {
      uninstallQueryProbes();
      await handle.close();
    });

    /** Statements sent while `work` ran. */
    async function sentDuring(work: () => Promise<unknown>): Promise<number> {
      const before = queryCount();
      await work();
      return queryCount() - before;
    }

    it("counts each statement sent, however it is written", async () => {
      const { db } = handle;
      expect(await sentDuring(() => db.select({ id: products.id }).from(products).limit(1))).toBe(1);
      expect(await sentDuring(() => db.execute(sql`select 1`))).toBe(1);
      expect(await sentDuring(() => db.query.products.findFirst())).toBe(1);
      expect(await sentDuring(async () => {})).toBe(0);
    });

    it("counts a transaction's BEGIN and COMMIT (or ROLLBACK) besides its statements", async () => {
      const { db } = handle;
      expect(
        await sentDuring(() =>
          db.transaction(async (tx) => {
            await tx.execute(sql`select 1`);
            await tx.select({ id: products.id }).from(products).limit(1);
          }),
        ),
      ).toBe(4);
      expect(
        await sentDuring(() =>
          db
            .transaction(async (tx) => {
              await tx.execute(sql`select 1`);
              throw new Error("roll back");
            })
            .catch(() => {}),
        ),
      ).toBe(3);
    });

    it("counts statements sent at once over several connections", async () => {
      const { db } = handle;
      expect(
        await sentDuring(() => Promise.all(Array.from({ length: 20 }, () => db.execute(sql`select 1`)))),
      ).toBe(20);
    });

    it("charges a probe only with what was sent inside its scope, concurrent scopes apart", async () => {
      const { db } = handle;
      const a = `a-${Date.now()}`;
      const b = `b-${Date.now()}`;
      expect(probedQueryCount(a)).toBe(0);
      const slow = async (n: number) => {
        for (let i = 0; i < n; i++) {
          await db.execute(sql`select pg_sleep(0.001)`);
        }
      };
      // More statements in flight than the pool has connections (4): some wait for a connection that another
      // scope's statement releases, and must still be charged to the scope that sent them.
      const burst = (n: number) => Promise.all(Array.from({ length: n }, () => slow(1)));
      await Promise.all([
        withQueryProbe({ "x-kite-query-probe": a }, () => Promise.all([slow(3), burst(6)])),
        withQueryProbe({ "x-kite-query-probe": b }, () =>
          Promise.all([slow(2), burst(3), db.transaction(async (tx) => tx.execute(sql`select 1`))]),
        ),
        // Outside any probe, and with an id the table refuses: charged to nobody.
        burst(8),
        withQueryProbe({ "x-kite-query-probe": "not a valid id!" }, () => burst(2)),
      ]);
      expect(probedQueryCount(a)).toBe(9);
      expect(probedQueryCount(b)).toBe(8);
      // The same id again adds to the same probe.
      await withQueryProbe({ "x-kite-query-probe": a }, async () => {
        await db.execute(sql`select 1`);
      });
      expect(probedQueryCount(a)).toBe(10);
    });
  });
}
