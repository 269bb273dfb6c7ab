import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, namedStatementPool, openDb, queryRows } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { readSaleCounts } from "@/lib/sales/figures";
import { configureReserveBatching } from "@/lib/sales/reserve";
import {
  accountsOverLimit,
  bucketMismatches,
  createStormSale,
  insertUsers,
  rng,
  runDoubleClickStorm,
  tallyReserveResults,
  unexpectedReserveOutcomes,
} from "@/lib/sales/test-support";
import { createEmptyPostgres } from "./helpers/db";
import type { ScratchDatabase } from "./helpers/pg-admin";
import { type PgBouncer, startPgBouncer } from "./helpers/pgbouncer";
import { getKite9Pro } from "./helpers/seeded";

/*
 * The production topology's pooler: instances reach PostgreSQL through PgBouncer in transaction pooling (Debian's
 * 1.18, no named prepared statements). A fresh database is migrated over the direct URL, seeded and stormed through
 * PgBouncer by a pool of more client connections than PgBouncer keeps to the server, with the usual exact checks.
 */

const CLIENT_CONNECTIONS = 32;
const SERVER_CONNECTIONS = 6;
const UNITS = 800;
const ACCOUNTS = 1000;
const T0 = new Date("2030-06-01T04:00:00Z");

let bouncer: PgBouncer;
let database: ScratchDatabase;
let handle: DbHandle;

beforeAll(async () => {
  bouncer = await startPgBouncer({ poolSize: SERVER_CONNECTIONS });
  database = await createEmptyPostgres();
  handle = await openDb({
    url: bouncer.through(database.url),
    poolMax: CLIENT_CONNECTIONS,
    poolMode: "transaction",
    directUrl: database.url,
  });
  configureReserveBatching({ maxInFlight: CLIENT_CONNECTIONS });
});

afterAll(async () => {
  await handle?.close();
  await bouncer?.stop();
  await database?.drop();
});

describe("through PgBouncer in transaction pooling", () => {
  it("refuses to migrate without a direct URL, and sends no named statements", async () => {
    await expect(
      openDb({ url: bouncer.through(database.url), poolMode: "transaction", migrate: true }),
    ).rejects.toThrow(/directUrl/);
    expect(namedStatementPool(handle.db)).toBeNull();
    const direct = await openDb({ url: database.url, poolMax: 1, migrate: false });
    try {
      expect(namedStatementPool(direct.db)).not.toBeNull();
    } finally {
      await direct.close();
    }
  });

  it("migrates over the direct URL, seeds, and a reserve storm takes exactly the units, never more", async () => {
    await seedDemo(handle.db);
    const product = await getKite9Pro(handle.db);
    const users = await insertUsers(handle.db, { prefix: "bouncer", count: ACCOUNTS });
    const saleId = await createStormSale(handle.db, {
      slug: "bouncer-1",
      name: "Bouncer 1",
      productId: product.productId,
      startsAt: T0,
      perAccountLimit: 1,
      versions: [
        { skuId: product.skuA, quantity: UNITS / 2 },
        { skuId: product.skuB, quantity: UNITS / 2 },
      ],
      userIds: users,
    });
    const { results, sameHold } = await runDoubleClickStorm(handle.db, {
      saleId,
      users,
      skus: [product.skuA, product.skuB],
      t0: T0,
      callers: 4 * CLIENT_CONNECTIONS,
      random: rng(7),
    });

    const by = tallyReserveResults(results);
    expect(by.new).toBe(UNITS);
    expect(unexpectedReserveOutcomes(by)).toEqual([]);
    expect(sameHold.every(Boolean)).toBe(true);
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
    expect(await accountsOverLimit(handle.db, { saleId })).toEqual([]);
    const counts = await readSaleCounts(handle.db, { saleId });
    expect(counts).toMatchObject({ remaining: 0, held: UNITS, sold: 0 });

    // The crowd really went through PgBouncer: 32 client connections, never more than 6 on the server.
    const [server] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`,
    );
    expect(server?.n).toBeGreaterThan(0);
    expect(server?.n).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    const pool = (handle.db as unknown as { $client: { totalCount: number } }).$client;
    expect(pool.totalCount).toBe(CLIENT_CONNECTIONS);
  });
});
