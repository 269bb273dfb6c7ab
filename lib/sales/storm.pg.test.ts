import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { callersFor, payForSaleHold, stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { readSaleCounts } from "./figures";
import { releaseSaleHold, sweepExpiredSaleHolds } from "./holds";
import { getReserveBatchStats, type ReserveResult } from "./reserve";
import {
  accountsOverLimit,
  bucketMismatches,
  crowd,
  reserveEitherSku,
  rng,
  runDoubleClickStorm,
  shuffle,
  tallyReserveResults,
  unexpectedReserveOutcomes,
  unqueuedHolds,
} from "./test-support";

/*
 * Crowds on real PostgreSQL: 64 connections, 5,000 units, at least 10,000 attempts from at least 5,000 accounts.
 * Every storm ends with the same exact checks: each bucket's held and sold equal its active and converted hold
 * rows, quantity = available + held + sold, and no account holds more than the sale allows.
 */

const CONNECTIONS = 64;
/** Clicks queue in the reserve batcher and go in shared calls. */
const CALLERS = callersFor(CONNECTIONS);
const UNITS = 5000;
const ACCOUNTS = 5200;
const T0 = new Date("2030-05-01T04:00:00Z");

// One batch per connection at once: 64 concurrent transactions, each with several clicks.
const storm = withStormDatabase({ connections: CONNECTIONS, accounts: ACCOUNTS, usersPrefix: "storm" });
const nextSale = stormSales({ slug: "storm", name: "Storm", t0: T0 });

function newSale({ perAccountLimit }: { perAccountLimit: number }): Promise<string> {
  return nextSale(storm.db, {
    product: storm,
    perAccountLimit,
    quantities: [3000, 2000],
    userIds: storm.users,
  });
}

/** reserveEitherSku on this file's sale versions, preferring `firstSku`. */
function reserveEither(
  input: Parameters<typeof reserveEitherSku>[1],
  firstSku: number,
): Promise<ReserveResult> {
  return reserveEitherSku(
    storm.db,
    input,
    firstSku === storm.skuA ? [storm.skuA, storm.skuB] : [storm.skuB, storm.skuA],
  );
}

async function expectExact(saleId: string) {
  expect(await bucketMismatches(storm.db, { saleId })).toEqual([]);
  expect(await accountsOverLimit(storm.db, { saleId })).toEqual([]);
  const counts = await readSaleCounts(storm.db, { saleId });
  expect(counts && counts.remaining + counts.held + counts.sold).toBe(UNITS);
  expect(await unqueuedHolds(storm.db, { saleId })).toBe(0);
  return counts;
}

/** Every account twice, shuffled, on a storm clock that runs `spanMs` from T0 over all the attempts. */
function everyAccountTwice(random: () => number, spanMs: number) {
  const attempts = shuffle([...storm.users, ...storm.users], random);
  const clockAt = (i: number) => new Date(T0.getTime() + Math.floor((i / attempts.length) * spanMs));
  return { attempts, clockAt };
}

describe("reserve storms (PostgreSQL, 256 callers over 64 connections, clicks batched)", () => {
  it("11,050 attempts from 5,200 accounts take exactly 5,000 units; double clicks get the same hold", async () => {
    const saleId = await newSale({ perAccountLimit: 2 });
    const { results, sameHold, seconds } = await runDoubleClickStorm(storm.db, {
      saleId,
      users: storm.users,
      skus: [storm.skuA, storm.skuB],
      t0: T0,
      callers: CALLERS,
      random: rng(1),
    });
    const pool = (storm.db as unknown as { $client: pg.Pool }).$client;
    expect(pool.totalCount).toBe(CONNECTIONS);
    // Clicks really shared calls: batches of several clicks ran, each click still deciding alone.
    const batching = getReserveBatchStats();
    expect(batching.largest).toBeGreaterThan(1);
    expect(batching.clicks).toBeGreaterThan(batching.batches);

    const by = tallyReserveResults(results);
    expect(results.length).toBeGreaterThanOrEqual(10_000);
    expect(by.new).toBe(UNITS);
    expect(unexpectedReserveOutcomes(by)).toEqual([]);
    expect(sameHold.length).toBeGreaterThan(0);
    expect(sameHold.every(Boolean)).toBe(true);
    const counts = await expectExact(saleId);
    expect(counts).toMatchObject({ remaining: 0, held: UNITS, sold: 0 });
    const [holds] = await queryRows<{ n: number; accounts: number }>(
      storm.db,
      sql`select count(*)::int as n, count(distinct user_id)::int as accounts from sale_holds
          where sale_id = ${saleId}::uuid and status = 'active'`,
    );
    expect(holds?.n).toBe(UNITS);
    expect(counts?.soldOutAt).not.toBeNull();
    console.log(
      `storm 1: ${results.length} attempts in ${seconds.toFixed(1)} s`,
      by,
      `${holds?.accounts} accounts`,
      batching,
    );
  });

  it("10,400 attempts while holds expire and are swept and re-taken during the storm, and the accounting stays exact", async () => {
    const saleId = await newSale({ perAccountLimit: 1 });
    const random = rng(2);
    // The storm's clock runs three minutes over 10,400 attempts; holds last one minute.
    const { attempts, clockAt } = everyAccountTwice(random, 180_000);
    let latest = 0;
    let stormDone = false;
    let swept = 0;
    const results: ReserveResult[] = [];
    const started = Date.now();
    const sweeper = async () => {
      while (!stormDone) {
        swept += (await sweepExpiredSaleHolds(storm.db, { now: clockAt(latest), limit: 300 })).released;
        await sleep(5);
      }
    };
    const sweepers = [sweeper(), sweeper()];
    await crowd(attempts, CALLERS, async (userId, i) => {
      latest = Math.max(latest, i);
      results.push(
        await reserveEither(
          { saleId, userId, now: clockAt(i), holdMinutes: 1 },
          random() < 0.6 ? storm.skuA : storm.skuB,
        ),
      );
    });
    stormDone = true;
    await Promise.all(sweepers);

    const by = tallyReserveResults(results);
    expect(unexpectedReserveOutcomes(by)).toEqual([]);
    expect(swept).toBeGreaterThan(0);
    // More holds were created than there are units: released units were taken again.
    expect(by.new).toBeGreaterThan(UNITS);
    await expectExact(saleId);

    // After the storm the crowd keeps coming until nothing is left: exactly 5,000 held.
    const end = new Date(clockAt(attempts.length).getTime() + 60_000);
    await sweepExpiredSaleHolds(storm.db, { now: end, limit: 5000 });
    await crowd(storm.users, CONNECTIONS, async (userId) => {
      await reserveEither(
        { saleId, userId, now: end, holdMinutes: 10 },
        random() < 0.5 ? storm.skuA : storm.skuB,
      );
    });
    expect(await expectExact(saleId)).toMatchObject({ remaining: 0, held: UNITS, sold: 0 });
    console.log(
      `storm 2: ${results.length} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      by,
      {
        swept,
      },
    );
  });

  it("10,400 attempts while payments, cancellations and late payments convert exactly what was held", async () => {
    const saleId = await newSale({ perAccountLimit: 1 });
    const random = rng(3);
    const { attempts, clockAt } = everyAccountTwice(random, 120_000);
    const outcomes: Record<string, number> = {};
    const results: ReserveResult[] = [];
    const count = (key: string) => {
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    };
    const pay = async (holdId: string, userId: string, now: Date, { late }: { late: boolean }) =>
      count(await payForSaleHold(storm.db, { holdId, userId, now, late }));
    const started = Date.now();
    await crowd(attempts, CALLERS, async (userId, i) => {
      const now = clockAt(i);
      const r = await reserveEither(
        { saleId, userId, now, holdMinutes: 10 },
        random() < 0.6 ? storm.skuA : storm.skuB,
      );
      results.push(r);
      if (!r.ok || r.existing) return;
      const fate = random();
      if (fate < 0.45) await pay(r.hold.holdId, userId, now, { late: false });
      else if (fate < 0.55) {
        await releaseSaleHold(storm.db, { holdId: r.hold.holdId, now, reason: "cancelled", userId });
        count("cancelled");
      } else if (fate < 0.6) await pay(r.hold.holdId, userId, now, { late: true });
    });

    const by = tallyReserveResults(results);
    expect(unexpectedReserveOutcomes(by)).toEqual([]);
    expect(outcomes.converted).toBeGreaterThan(1000);
    expect(outcomes.cancelled).toBeGreaterThan(100);
    expect((outcomes.retaken ?? 0) + (outcomes.refund_needed ?? 0)).toBeGreaterThan(100);
    expect(
      Object.keys(outcomes).filter(
        (k) => !["converted", "cancelled", "retaken", "refund_needed"].includes(k),
      ),
    ).toEqual([]);
    const counts = await expectExact(saleId);
    const [converted] = await queryRows<{ n: number }>(
      storm.db,
      sql`select count(*)::int as n from sale_holds where sale_id = ${saleId}::uuid and status = 'converted'`,
    );
    expect(counts?.sold).toBe(converted?.n);
    expect(counts?.sold).toBe((outcomes.converted ?? 0) + (outcomes.retaken ?? 0));

    const end = new Date(clockAt(attempts.length).getTime() + 1000);
    await crowd(storm.users, CONNECTIONS, async (userId) => {
      await reserveEither({ saleId, userId, now: end, holdMinutes: 10 }, storm.skuA);
    });
    const final = await expectExact(saleId);
    expect(final && final.held + final.sold).toBe(UNITS);
    expect(final?.remaining).toBe(0);
    console.log(
      `storm 3: ${results.length} attempts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      by,
      outcomes,
    );
  });
});
