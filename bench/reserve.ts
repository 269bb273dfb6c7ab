/**
 * `npm run bench:reserve`: reservations per second on real PostgreSQL, side by side, at 2, 16 and 64 connections.
 *
 *   (a) ours        reserveSaleUnit as the store runs it: clicks grouped by the batcher (up to 8 per call and
 *                   commit, one batch per connection), stock over 16 bucket rows, hold row, per-account limit;
 *                   driven by 4 callers per connection, as a web server has many requests per pool connection
 *   (a1) ours, 1/call   the same with one click per call and one caller per connection (no group commit)
 *   (b) for-update  BEGIN; SELECT … FOR UPDATE one stock row; UPDATE; INSERT hold; COMMIT
 *   (c) naive       BEGIN; SELECT available; UPDATE available = <read> - 1; INSERT hold; COMMIT (no lock: oversells)
 *   (d) raw         the ceiling of one hot row: UPDATE … SET available = available - 1 WHERE available > 0
 *
 * Counts completed reservations (committed, not attempts) over a fixed duration, checks each design's accounting
 * after its run, and prints figures only. Creates and drops its own database on BENCH_DATABASE_URL's server.
 * BENCH_SECONDS (default 4) sets the length of each run; BENCH_CONNECTIONS (default 16,64,256) the client
 * connections; BENCH_BUCKETS (default 16, the store's default) the stock rows of (a).
 *
 * Each level runs on two routes (BENCH_ROUTES, default direct,pgbouncer): straight to PostgreSQL, and through a
 * PgBouncer in transaction pooling that this script starts (scripts/start-pgbouncer.sh) with BENCH_BOUNCER_POOL
 * (default 16) server connections, as the production topology runs it: many client connections, few on the server.
 * A direct level above what the server's max_connections leaves free is reported as refused, not run.
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type DbHandle, openDb, type PoolMode, queryRows } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { createSale } from "@/lib/sales/commands";
import { configureReserveBatching, getReserveBatchStats, reserveSaleUnit } from "@/lib/sales/reserve";
import { bucketMismatches, insertUsers, registerUsers } from "@/lib/sales/test-support";
import { type PgBouncer, startPgBouncer } from "@/tests/helpers/pgbouncer";
import { writeResults } from "./support/table";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? "16,64,256").split(",").map(Number);
type Route = "direct" | "pgbouncer";
const ROUTES = (process.env.BENCH_ROUTES ?? "direct,pgbouncer").split(",") as Route[];
const BOUNCER_POOL = Number(process.env.BENCH_BOUNCER_POOL ?? 16);
const DB_NAME = `kite_bench_${process.pid}`;
/** More accounts than any run can serve at limit 1, so (a) never runs out of fans. */
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 120_000);
const STOCK = 10_000_000;
const BUCKETS = Number(process.env.BENCH_BUCKETS ?? 16);

type Design = "ours" | "ours-1" | "for-update" | "naive" | "raw";
/** Clicks in flight per connection for (a): a web server's requests outnumber its pool's connections. */
const CALLERS_PER_CONNECTION = Number(process.env.BENCH_CALLERS_PER_CONNECTION ?? 4);

interface RunResult {
  design: Design;
  route: Route;
  connections: number;
  completed: number;
  seconds: number;
  check: string;
}

function dbUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

/** Where a run's connections go: the database itself, or the same database through PgBouncer. */
interface Target {
  route: Route;
  url: string;
  poolMode: PoolMode;
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Runs `workers` loops of `step` until the deadline; each `step` resolves true for a completed reservation. */
async function drive(workers: number, step: (worker: number) => Promise<boolean>) {
  let completed = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < deadline) {
        if (await step(w)) completed += 1;
      }
    }),
  );
  return { completed, seconds: (performance.now() - started) / 1000 };
}

async function warm(pool: pg.Pool, n: number) {
  const clients = await Promise.all(Array.from({ length: n }, () => pool.connect()));
  for (const c of clients) c.release();
}

async function runOurs(
  setup: DbHandle,
  target: Target,
  connections: number,
  productId: number,
  skuId: number,
  users: string[],
  { maxBatch, callers }: { maxBatch: number; callers: number },
) {
  configureReserveBatching({ maxBatch, maxInFlight: connections });
  const created = await createSale(setup.db, {
    slug: `bench-${target.route}-${connections}-${maxBatch}-${Date.now()}`,
    name: "Bench sale",
    productId,
    registrationOpensAt: new Date(Date.now() - 3600_000),
    registrationClosesAt: new Date(Date.now() - 60_000),
    startsAt: new Date(Date.now() - 60_000),
    endsAt: new Date(Date.now() + 3600_000),
    bucketCount: BUCKETS,
    skus: [{ skuId, quantity: STOCK, salePriceMinor: 100 }],
  });
  if (!created.ok) throw new Error(created.message);
  const saleId = created.saleId;
  await registerUsers(setup.db, { saleId, userIds: users });
  await setup.db.execute(sql`analyze sale_registrations, sale_holds, sale_buckets`);

  const handle = await openDb({
    url: target.url,
    poolMode: target.poolMode,
    poolMax: connections,
    migrate: false,
  });
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  await warm(pool, connections);
  let next = 0;
  let refused = 0;
  const result = await drive(callers, async () => {
    const userId = users[next++];
    if (!userId) return false;
    const r = await reserveSaleUnit(handle.db, { saleId, skuId, userId, now: new Date(), holdMinutes: 10 });
    if (!r.ok) refused += 1;
    return r.ok && !r.existing;
  });
  await handle.close();

  const [totals] = await queryRows<{ holds: number; held: number; available: number }>(
    setup.db,
    sql`
      select (select count(*) from sale_holds where sale_id = ${saleId}::uuid and status = 'active')::int as holds,
        (select sum(held) from sale_buckets where sale_id = ${saleId}::uuid)::int as held,
        (select sum(available) from sale_buckets where sale_id = ${saleId}::uuid)::int as available`,
  );
  const mismatches = await bucketMismatches(setup.db, { saleId });
  const exact =
    totals &&
    mismatches.length === 0 &&
    totals.holds === result.completed &&
    totals.held === result.completed &&
    totals.available === STOCK - result.completed;
  const note = next > users.length ? " (ran out of accounts)" : "";
  return {
    ...result,
    check: `${exact ? "exact" : "MISMATCH"}: ${totals?.holds} holds = held${refused ? `, ${refused} refused` : ""}${note}`,
  };
}

async function resetBaseline(pool: pg.Pool) {
  await pool.query(`
    drop table if exists bench_stock, bench_holds;
    -- No CHECK on this table: the naive design must be free to oversell.
    create table bench_stock (id int primary key, available int not null, held int not null);
    create table bench_holds (id bigint generated always as identity primary key, user_id int not null,
      created_at timestamptz not null default now());
    insert into bench_stock values (1, ${STOCK}, 0);`);
}

async function runBaseline(design: Exclude<Design, "ours">, target: Target, connections: number) {
  const pool = new pg.Pool({ connectionString: target.url, max: connections });
  await resetBaseline(pool);
  await warm(pool, connections);
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  let user = 0;
  const result = await drive(connections, async (w) => {
    const c = clients[w] as pg.PoolClient;
    user += 1;
    if (design === "raw") {
      const r = await c.query(
        "update bench_stock set available = available - 1 where id = 1 and available > 0",
      );
      return r.rowCount === 1;
    }
    await c.query("begin");
    try {
      const lock = design === "for-update" ? " for update" : "";
      const read = await c.query<{ available: number }>(
        `select available from bench_stock where id = 1${lock}`,
      );
      const available = read.rows[0]?.available ?? 0;
      if (available <= 0) {
        await c.query("rollback");
        return false;
      }
      if (design === "for-update") {
        await c.query("update bench_stock set available = available - 1, held = held + 1 where id = 1");
      } else {
        // Writes back what it read, minus one: concurrent buyers overwrite each other's decrement.
        await c.query("update bench_stock set available = $1, held = held + 1 where id = 1", [available - 1]);
      }
      await c.query("insert into bench_holds (user_id) values ($1)", [user]);
      await c.query("commit");
      return true;
    } catch (error) {
      await c.query("rollback");
      throw error;
    }
  });
  for (const c of clients) c.release();
  const stock = (
    await pool.query<{ available: number; held: number }>("select available, held from bench_stock")
  ).rows[0];
  const holds = Number(
    (await pool.query<{ n: string }>("select count(*) as n from bench_holds")).rows[0]?.n ?? 0,
  );
  await pool.end();
  if (!stock) throw new Error("bench_stock is empty");
  const taken = STOCK - stock.available;
  let check: string;
  if (design === "raw") check = taken === result.completed ? "exact" : `MISMATCH: ${taken} taken`;
  else if (design === "for-update") {
    check = taken === holds && stock.held === holds && holds === result.completed ? "exact" : "MISMATCH";
  } else {
    check = `oversold ${holds - taken} units (${holds} holds, ${taken} taken from stock)`;
  }
  return { ...result, check };
}

function pad(text: string | number, width: number, right = false) {
  const s = String(text);
  return right ? s.padEnd(width) : s.padStart(width);
}

async function main() {
  const totalStart = performance.now();
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  let setup: DbHandle | null = null;
  let bouncer: PgBouncer | undefined;
  try {
    setup = await openDb({ url: dbUrl(), poolMax: 4 });
    await seedDemo(setup.db);
    const [sku] = await queryRows<{ id: number; productId: number }>(
      setup.db,
      sql`select id, product_id as "productId" from skus order by id limit 1`,
    );
    if (!sku) throw new Error("no SKU seeded");
    const users = await insertUsers(setup.db, { prefix: "bench", count: ACCOUNTS });
    const [server] = await queryRows<{ version: string; sync: string }>(
      setup.db,
      sql`select current_setting('server_version') as version, current_setting('synchronous_commit') as sync`,
    );
    console.log(
      `PostgreSQL ${server?.version} (synchronous_commit=${server?.sync}), ${SECONDS} s per run, ` +
        `${ACCOUNTS.toLocaleString("en-US")} registered accounts, ${BUCKETS} buckets for (a); ${cpus().length} CPUs, ` +
        `load average ${loadavg()[0]?.toFixed(1)} (the client runs on the same machine)\n`,
    );

    const results: RunResult[] = [];
    const refused: string[] = [];
    const free = await freeServerConnections(setup);
    for (const route of ROUTES) {
      if (route === "pgbouncer") bouncer = await startPgBouncer({ poolSize: BOUNCER_POOL });
      const target: Target =
        route === "direct"
          ? { route, url: dbUrl(), poolMode: "session" }
          : { route, url: (bouncer as PgBouncer).through(dbUrl()), poolMode: "transaction" };
      for (const connections of LEVELS) {
        if (route === "direct" && connections > free) {
          refused.push(
            `direct at ${connections}: the server allows ${free} more connections (max_connections)`,
          );
          continue;
        }
        results.push(...(await runLevel(setup, target, connections, sku, users)));
      }
    }
    printTable(results, refused);
    const file = writeResults("reserve", {
      seconds: SECONDS,
      accounts: ACCOUNTS,
      buckets: BUCKETS,
      callersPerConnection: CALLERS_PER_CONNECTION,
      bouncerPool: BOUNCER_POOL,
      postgres: server,
      runs: results.map((r) => ({ ...r, perSecond: r.completed / r.seconds })),
      refused,
    });
    console.log(`wrote ${file}`);
    console.log(
      `\ntotal ${((performance.now() - totalStart) / 1000).toFixed(0)} s, load average ${loadavg()[0]?.toFixed(1)}`,
    );
  } finally {
    await setup?.close();
    await bouncer?.stop();
    await admin(`drop database if exists ${DB_NAME} with (force)`);
  }
}

/** What max_connections leaves for this benchmark (superuser slots and other sessions taken off). */
async function freeServerConnections(setup: DbHandle): Promise<number> {
  const [row] = await queryRows<{ free: number }>(
    setup.db,
    sql`select (current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
          - (select count(*) from pg_stat_activity)::int) as free`,
  );
  return row?.free ?? 0;
}

/** Every design at one level on one route. */
async function runLevel(
  setup: DbHandle,
  target: Target,
  connections: number,
  sku: { id: number; productId: number },
  users: string[],
): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const route = target.route;
  const before = getReserveBatchStats();
  const ours = await runOurs(setup, target, connections, sku.productId, sku.id, users.slice(), {
    maxBatch: 8,
    callers: connections * CALLERS_PER_CONNECTION,
  });
  const after = getReserveBatchStats();
  const perCall = (after.clicks - before.clicks) / Math.max(1, after.batches - before.batches);
  results.push({
    design: "ours",
    route,
    connections,
    ...ours,
    check: `${ours.check}, ${perCall.toFixed(1)} clicks/call`,
  });
  const unbatched = await runOurs(setup, target, connections, sku.productId, sku.id, users.slice(), {
    maxBatch: 1,
    callers: connections,
  });
  results.push({ design: "ours-1", route, connections, ...unbatched });
  for (const design of ["for-update", "naive", "raw"] as const) {
    results.push({ design, route, connections, ...(await runBaseline(design, target, connections)) });
  }
  // Each run leaves dead rows behind; vacuum so the next level starts from the same footing.
  await setup.db.execute(sql`vacuum analyze`);
  return results;
}

function printTable(results: RunResult[], refused: string[]) {
  const header = `${pad("route", 9, true)} ${pad("conns", 5)}  ${pad("design", 12, true)}${pad("completed", 10)}${pad("res/s", 9)}${pad("vs (b)", 8)}${pad("vs (d)", 8)}  accounting`;
  console.log(header);
  console.log("─".repeat(header.length + 30));
  const label: Record<Design, string> = {
    ours: "(a) ours",
    "ours-1": "(a1) 1/call",
    "for-update": "(b) for upd",
    naive: "(c) naive",
    raw: "(d) raw row",
  };
  const runs = [...new Set(results.map((r) => `${r.route}:${r.connections}`))];
  for (const run of runs) {
    const rate = (d: Design) => {
      const r = results.find((x) => x.design === d && `${x.route}:${x.connections}` === run);
      return r ? r.completed / r.seconds : Number.NaN;
    };
    for (const r of results.filter((x) => `${x.route}:${x.connections}` === run)) {
      const perSecond = r.completed / r.seconds;
      console.log(
        `${pad(r.route, 9, true)} ${pad(r.connections, 5)}  ${pad(label[r.design], 12, true)}${pad(r.completed, 10)}${pad(Math.round(perSecond), 9)}` +
          `${pad(`${(perSecond / rate("for-update")).toFixed(2)}×`, 8)}${pad(`${(perSecond / rate("raw")).toFixed(2)}×`, 8)}  ${r.check}`,
      );
    }
  }
  for (const line of refused) console.log(`${line}: not run`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
