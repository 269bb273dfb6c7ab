/*
 * Upgrade from the previous release on real PostgreSQL. 0005_reserve_batch.sql was rewritten after it had landed,
 * and drizzle applies only migrations newer than the last one recorded, so a database that ran the first 0005
 * kept the old kite_reserve_batch until 0006 re-created it. This builds such a database with the previous
 * release's migrations (db/migrations with what tests/fixtures/migrations-40af953 holds in place of what changed
 * since), upgrades it through openDb (the path every store instance takes at start), and checks that it ends with
 * exactly the functions of a freshly migrated database and that a reserve storm on it keeps the stock accounting
 * exact.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, type DbHandle, openDb, queryRows } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { readSaleCounts } from "@/lib/sales/figures";
import { configureReserveBatching, getReserveBatchStats } from "@/lib/sales/reserve";
import {
  accountsOverLimit,
  bucketMismatches,
  insertUsers,
  rng,
  runDoubleClickStorm,
  tallyReserveResults,
  unexpectedReserveOutcomes,
} from "@/lib/sales/test-support";
import { createEmptyPostgres, openSeededPostgres } from "@/tests/helpers/db";
import {
  appliedMigrations,
  RESERVE_FUNCTIONS as FUNCTIONS,
  openWithPreviousRelease,
  rerunReserveMigration,
  reserveFunctionDefinitions,
} from "@/tests/helpers/migrations";
import { getKite9Pro } from "@/tests/helpers/seeded";
import { callersFor, type StormProduct, stormSales } from "@/tests/helpers/storm";

/** The reserve storm on the upgraded database: the storm tests' double-click storm, smaller. */
const STORM = { connections: 16, units: 1000, accounts: 1300, t0: new Date("2030-05-01T04:00:00Z") };
const CALLERS = callersFor(STORM.connections);

let empty: Awaited<ReturnType<typeof createEmptyPostgres>>;
let upgraded: DbHandle | undefined;
let fresh: DbHandle;
let product: StormProduct;
const nextSale = stormSales({ slug: "upgrade", name: "Upgrade", t0: STORM.t0 });

/**
 * One fan's double click in one batch: the same click (same request key) twice. Both versions of the function
 * hold one unit for the first; they differ on the second, which collides with the first on the live
 * request-key index. The first 0005 answers it with the error its subtransaction caught ({ sqlstate }), which
 * today's lib/sales/reserve.ts no longer reads; the current one takes nothing and answers { context }.
 */
async function doubleClick(db: Db, label: string) {
  const [userId] = await insertUsers(db, { prefix: `probe-${label}`, count: 1 });
  if (!userId) throw new Error("no probe user");
  const saleId = await insertReleaseOneSale(db, { label, userId });
  const click = {
    saleId,
    skuId: product.skuA,
    userId,
    now: new Date(STORM.t0.getTime() + 1000).toISOString(),
    expiresAt: new Date(STORM.t0.getTime() + 601_000).toISOString(),
    requestKey: `probe-${label}`,
    queue: false,
    wallNow: new Date().toISOString(),
  };
  const [row] = await queryRows<{ results: Record<string, unknown>[] }>(
    db,
    sql`select kite_reserve_batch(${JSON.stringify([click, click])}::jsonb) as results`,
  );
  expect(await bucketMismatches(db, { saleId })).toEqual([]);
  const [totals] = await queryRows<{ remaining: number; held: number; sold: number }>(
    db,
    sql`select sum(available)::int as remaining, sum(held)::int as held, sum(sold)::int as sold
        from sale_buckets where sale_id = ${saleId}::uuid`,
  );
  expect(totals).toEqual({ remaining: 9, held: 1, sold: 0 });
  return row?.results ?? [];
}

/**
 * The probe's sale (versions A and B, 5 units each, 2 per account, the fan registered), written with the columns
 * the first release's schema has: today's createSale and readSaleCounts name columns and tables added since.
 */
async function insertReleaseOneSale(db: Db, { label, userId }: { label: string; userId: string }) {
  const t0 = STORM.t0.toISOString();
  const [sale] = await queryRows<{ id: string }>(
    db,
    sql`
      with s as (
        insert into sales (slug, name, product_id, registration_opens_at, registration_closes_at, starts_at, ends_at,
          per_account_limit, total_quantity)
        values (${`probe-${label}`}, ${`Probe ${label}`}, ${product.productId}::int,
          ${t0}::timestamptz - interval '1 day', ${t0}::timestamptz, ${t0}::timestamptz,
          ${t0}::timestamptz + interval '2 hours', 2, 10)
        returning id
      ), k as (
        insert into sale_skus (sale_id, sku_id, quantity, sale_price_minor, currency, bucket_count)
        select s.id, x.sku, 5, 399900, 'CNY', 1 from s, (values (${product.skuA}::int), (${product.skuB}::int)) x(sku)
        returning sale_id, sku_id
      ), b as (
        insert into sale_buckets (sale_id, sku_id, bucket, quantity, available)
        select sale_id, sku_id, 0, 5, 5 from k
      ), r as (
        insert into sale_registrations (sale_id, user_id) select s.id, ${userId}::uuid from s
      )
      select id from s`,
  );
  if (!sale) throw new Error("no probe sale");
  return sale.id;
}

beforeAll(async () => {
  // Fresh: cloned from the run's template, which global-setup migrated from the current db/migrations.
  fresh = await openSeededPostgres({ poolMax: 1 });
  empty = await createEmptyPostgres();
});
afterAll(async () => {
  await upgraded?.close();
  await fresh?.close();
  await empty?.drop();
});

describe("upgrading a database from the previous release's migrations (PostgreSQL)", () => {
  it("the newest migration that defines the reserve functions is what every fresh database runs", async () => {
    expect(FUNCTIONS).toEqual(["kite_reserve_batch", "kite_reserve_context"]);
    const before = await reserveFunctionDefinitions(fresh.db);
    expect(Object.keys(before)).toHaveLength(FUNCTIONS.length);
    // Running the newest migration that defines these functions (0016) again on a fresh database changes nothing:
    // a fresh database and an upgraded one end on the same definitions.
    await rerunReserveMigration(fresh.db);
    expect(await reserveFunctionDefinitions(fresh.db)).toEqual(before);
  });

  it("a database left by the previous release has the old kite_reserve_batch; openDb upgrades it to the current one", async () => {
    const old = await openWithPreviousRelease({ url: empty.url, poolMax: 2 });
    try {
      await seedDemo(old.db, { firstRelease: true });
      product = await getKite9Pro(old.db);
      expect(await appliedMigrations(old.db)).toHaveLength(6);
      const oldDefs = await reserveFunctionDefinitions(old.db);
      const freshDefs = await reserveFunctionDefinitions(fresh.db);
      expect(Object.keys(oldDefs)).toEqual(Object.keys(freshDefs));
      expect(oldDefs["kite_reserve_batch(p_items jsonb)"]).not.toEqual(
        freshDefs["kite_reserve_batch(p_items jsonb)"],
      );
      expect(oldDefs["kite_reserve_batch(p_items jsonb)"]).toContain("EXCEPTION WHEN others");
      const [first, second] = await doubleClick(old.db, "old");
      expect(first).toHaveProperty("holdId");
      expect(second).toMatchObject({ sqlstate: "23505" });
    } finally {
      await old.close();
    }

    // The store's own start-up path: openDb migrates with db/migrations under the advisory lock.
    upgraded = await openDb({ url: empty.url, poolMax: STORM.connections });
    const applied = await appliedMigrations(upgraded.db);
    const current = await appliedMigrations(fresh.db);
    expect(applied.map((m) => m.createdAt)).toEqual(current.map((m) => m.createdAt));
    expect(await reserveFunctionDefinitions(upgraded.db)).toEqual(await reserveFunctionDefinitions(fresh.db));
    const [first, second] = await doubleClick(upgraded.db, "new");
    expect(first).toHaveProperty("holdId");
    expect(second).toHaveProperty("context");
    expect(second).not.toHaveProperty("sqlstate");
  });

  it(`a reserve storm on the upgraded database (${STORM.accounts} accounts, ${CALLERS} callers over ${STORM.connections} connections) sells exactly ${STORM.units} units`, async () => {
    const db = upgraded?.db;
    if (!db) throw new Error("the upgrade test did not run");
    configureReserveBatching({ maxInFlight: STORM.connections });
    const users = await insertUsers(db, { prefix: "upgrade-storm", count: STORM.accounts });
    const saleId = await nextSale(db, {
      product,
      perAccountLimit: 2,
      quantities: [600, 400],
      userIds: users,
    });
    const { attempts, results, sameHold, seconds } = await runDoubleClickStorm(db, {
      saleId,
      users,
      skus: [product.skuA, product.skuB],
      t0: STORM.t0,
      callers: CALLERS,
      random: rng(6),
    });

    const by = tallyReserveResults(results);
    expect(results.length).toBe(attempts.length);
    expect(unexpectedReserveOutcomes(by)).toEqual([]);
    expect(by.new).toBe(STORM.units);
    expect(sameHold.length).toBeGreaterThan(0);
    expect(sameHold.every(Boolean)).toBe(true);
    expect(getReserveBatchStats().largest).toBeGreaterThan(1);

    // Exact accounting: every bucket's quantity = available + held + sold with held = its active hold rows,
    // nobody over the limit of 2, and the units held are exactly the quantity that sold out.
    expect(await bucketMismatches(db, { saleId })).toEqual([]);
    expect(await accountsOverLimit(db, { saleId })).toEqual([]);
    const counts = await readSaleCounts(db, { saleId });
    expect(counts).toMatchObject({ remaining: 0, held: STORM.units, sold: 0 });
    expect(counts?.soldOutAt).not.toBeNull();
    const [holds] = await queryRows<{ n: number; unqueued: number }>(
      db,
      sql`select count(*)::int as n,
            count(*) filter (where not exists (select 1 from checkout_queue q where q.hold_id = h.id))::int
              as unqueued
          from sale_holds h where h.sale_id = ${saleId}::uuid and h.status = 'active'`,
    );
    expect(holds).toEqual({ n: STORM.units, unqueued: 0 });
    console.log(
      `upgrade storm: ${results.length} attempts in ${seconds.toFixed(1)} s`,
      by,
      getReserveBatchStats(),
    );
  });
});
