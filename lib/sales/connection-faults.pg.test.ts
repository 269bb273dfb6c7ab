import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { storePool, withFaultAdmin } from "@/tests/helpers/faults";
import { callersFor, stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { readSaleCounts } from "./figures";
import { type ReserveResult, reserveSaleUnit } from "./reserve";
import { accountsOverLimit, bucketMismatches, crowd, doubleClickAttempts, rng } from "./test-support";

/*
 * The database drops the store's connections in the middle of a reserve storm (a failover, a restart, an operator's
 * pg_terminate_backend). Killed once, at a point fixed by a counter, and refused to new connections until a fixed
 * number of clicks have been turned away (a server coming back up), so some clicks always meet the outage: they get
 * a typed answer, the pool reconnects by itself, and the stock accounting stays exact.
 */

const CONNECTIONS = 16;
const CALLERS = callersFor(CONNECTIONS);
const UNITS = 1500;
const ACCOUNTS = 1600;
/** The kill comes when this many holds have been taken: mid-storm, with batches in flight on every connection. */
const KILL_AFTER_HOLDS = 400;
/** Connections are allowed again once this many clicks have been told "unavailable". */
const REOPEN_AFTER_REFUSALS = 20;
const T0 = new Date("2030-06-01T04:00:00Z");

const storm = withStormDatabase({ connections: CONNECTIONS, accounts: ACCOUNTS, usersPrefix: "faults" });
const nextSale = stormSales({ slug: "faults", name: "Faults", t0: T0 });
const faults = withFaultAdmin(() => storm.db);

afterEach(() => {
  vi.restoreAllMocks();
});

function newSale(): Promise<string> {
  return nextSale(storm.db, {
    product: storm,
    perAccountLimit: 2,
    quantities: [900, 600],
    userIds: storm.users,
  });
}

function reserve(saleId: string, userId: string, key: string, skuId: number, now: Date) {
  return reserveSaleUnit(storm.db, {
    saleId,
    skuId,
    userId,
    now,
    holdMinutes: 10,
    requestKey: key,
    queueForCheckout: true,
  });
}

async function activeHolds(saleId: string): Promise<{ n: number; keys: number }> {
  const [row] = await queryRows<{ n: number; keys: number }>(
    storm.db,
    sql`select count(*)::int as n, count(distinct (user_id, request_key))::int as keys
        from sale_holds where sale_id = ${saleId}::uuid and status = 'active'`,
  );
  return row ?? { n: -1, keys: -1 };
}

describe("PostgreSQL drops the store's connections", () => {
  it("mid reserve storm: clicks in flight get a typed answer, the pool reconnects, the accounting stays exact", async () => {
    const saleId = await newSale();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const random = rng(11);
    const attempts = doubleClickAttempts(storm.users, random);
    const results: { r: ReserveResult; userId: string; key: string; skuId: number; afterKill: boolean }[] =
      [];
    const thrown: unknown[] = [];
    let held = 0;
    let refused = 0;
    let kill: Promise<number> | undefined;
    let reopen: Promise<void> | undefined;
    let reopened = false;

    await crowd(attempts, CALLERS, async ({ userId, key }, i) => {
      const skuId = random() < 0.6 ? storm.skuA : storm.skuB;
      const afterKill = reopened;
      try {
        const r = await reserve(saleId, userId, key, skuId, new Date(T0.getTime() + i));
        results.push({ r, userId, key, skuId, afterKill });
        if (r.ok && !r.existing && ++held === KILL_AFTER_HOLDS) {
          kill = faults.admin
            .allowConnections(faults.database, false)
            .then(() => faults.admin.terminateStoreConnections(faults.database));
        }
        if (!r.ok && r.code === "unavailable" && ++refused === REOPEN_AFTER_REFUSALS) {
          reopen = faults.admin.allowConnections(faults.database, true).then(() => {
            reopened = true;
          });
        }
      } catch (error) {
        thrown.push(error);
      }
    });
    const terminated = await kill;
    await reopen;

    // Every connection the pool had was ended, and no click threw: the ones in flight were told to try again.
    expect(terminated).toBeGreaterThan(0);
    expect(thrown).toEqual([]);
    const unavailable = results.filter(({ r }) => !r.ok && r.code === "unavailable");
    expect(unavailable.length).toBeGreaterThanOrEqual(REOPEN_AFTER_REFUSALS);
    expect(reopened).toBe(true);
    for (const { r } of unavailable)
      expect(r).toMatchObject({ message: expect.stringMatching(/try again|again/i) });
    const codes = new Set(results.map(({ r }) => (r.ok ? "ok" : r.code)));
    expect([...codes].filter((c) => !["ok", "sold_out", "limit_reached", "unavailable"].includes(c))).toEqual(
      [],
    );
    expect(
      warn.mock.calls.some(([line]) => String(line).startsWith("[sales] reserve: database connection lost")),
    ).toBe(true);

    // The pool reconnected by itself: clicks sent after the database took connections again took units.
    const newAfterKill = results.filter(({ r, afterKill }) => afterKill && r.ok && !r.existing).length;
    expect(newAfterKill).toBeGreaterThan(0);
    expect(await faults.admin.countStoreConnections(faults.database)).toBeGreaterThan(0);

    // Exact: each hold counted once in its bucket, quantity = available + held + sold, nobody over the limit.
    expect(await bucketMismatches(storm.db, { saleId })).toEqual([]);
    expect(await accountsOverLimit(storm.db, { saleId })).toEqual([]);
    const counts = await readSaleCounts(storm.db, { saleId });
    expect(counts && counts.remaining + counts.held + counts.sold).toBe(UNITS);
    const holds = await activeHolds(saleId);
    expect(holds.keys).toBe(holds.n);
    expect(holds.n).toBe(counts?.held);
    // Holds whose answer was lost with the connection are at most the clicks that were told "unavailable"…
    const answeredNew = new Set(results.flatMap(({ r }) => (r.ok && !r.existing ? [r.hold.holdId] : [])));
    expect(holds.n - answeredNew.size).toBeGreaterThanOrEqual(0);
    expect(holds.n - answeredNew.size).toBeLessThanOrEqual(unavailable.length);
    // …and the fan's retry with the same request key finds such a hold rather than taking a second unit.
    for (const { userId, key, skuId } of unavailable) {
      const again = await reserve(saleId, userId, key, skuId, new Date(T0.getTime() + 60_000));
      expect(again.ok || ["sold_out", "limit_reached"].includes(again.code)).toBe(true);
      if (again.ok && !again.existing) answeredNew.add(again.hold.holdId);
    }
    const afterRetries = await activeHolds(saleId);
    expect(afterRetries.n).toBe(answeredNew.size);

    // The crowd keeps coming until the sale is sold out: exactly the batch is held.
    await crowd(storm.users, CONNECTIONS, async (userId, i) => {
      const now = new Date(T0.getTime() + 120_000);
      const first = await reserve(saleId, userId, `late-${i}`, storm.skuA, now);
      if (!first.ok && first.code === "sold_out") await reserve(saleId, userId, `late-${i}`, storm.skuB, now);
    });
    expect(await bucketMismatches(storm.db, { saleId })).toEqual([]);
    expect(await accountsOverLimit(storm.db, { saleId })).toEqual([]);
    expect(await readSaleCounts(storm.db, { saleId })).toMatchObject({ remaining: 0, held: UNITS, sold: 0 });
    console.info(
      `connection faults: ${results.length} clicks, ${terminated} connections ended after ${KILL_AFTER_HOLDS} holds,`,
      `${unavailable.length} told to try again, ${newAfterKill} holds taken after reconnecting`,
    );
  });

  it("a connection killed while checked out between two statements does not crash the process", async () => {
    const pool = storePool(storm.db);
    const saleId = await newSale();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = await pool.connect();
    await client.query("begin");
    expect(await faults.admin.terminateStoreConnections(faults.database)).toBeGreaterThan(0);
    // No query is running on it: node-postgres emits `error` on the client itself when the server's FATAL arrives.
    await expect
      .poll(
        () => warn.mock.calls.some(([line]) => String(line).startsWith("[db] PostgreSQL connection lost")),
        {
          timeout: 2_000,
        },
      )
      .toBe(true);
    await expect(client.query("select 1")).rejects.toThrow();
    client.release(true);
    // The pool drops every ended connection by itself and opens new ones on demand.
    await expect.poll(() => pool.totalCount, { timeout: 2_000 }).toBe(0);
    const [userId] = storm.users;
    const r = await reserve(saleId, userId as string, "after-kill", storm.skuA, T0);
    expect(r).toMatchObject({ ok: true, existing: false });
  });

  it("a connection ended while idle and handed to a transaction before the pool noticed: BEGIN fails, the pool gets its slot back", async () => {
    const pool = storePool(storm.db);
    const saleId = await newSale();
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await Promise.all([1, 2, 3].map(() => storm.db.execute(sql`select pg_sleep(0.01)`)));
    // Hold back what the server says on the idle connections, so the kill is not read before one is handed out
    // (the race a failover leaves: the pool's idle client is dead, and the pool does not know yet).
    type Idle = { client: { connection: { stream: NodeJS.ReadableStream } } };
    const idle = (pool as unknown as { _idle: Idle[] })._idle.map((i) => i.client.connection.stream);
    expect(idle.length).toBeGreaterThan(0);
    for (const stream of idle) stream.pause();
    await faults.admin.terminateStoreConnections(faults.database);
    const tx = storm.db.transaction(async (t) => {
      await t.execute(sql`select 1`);
    });
    const settled = tx.then(
      () => "committed",
      (error: unknown) => error,
    );
    await new Promise((r) => setImmediate(r));
    for (const stream of idle) stream.resume();
    expect(await settled).toBeInstanceOf(Error);
    // drizzle's transaction() does not release a client whose BEGIN failed; the store pool takes it back itself.
    await expect.poll(() => pool.totalCount, { timeout: 2_000 }).toBe(0);
    const r = await reserve(saleId, storm.users[1] as string, "after-begin-failed", storm.skuA, T0);
    expect(r).toMatchObject({ ok: true, existing: false });
  });
});
