/**
 * `npm run bench:http`: the real HTTP path of a running `next start`, against a static file from the same server.
 *
 *   1. Prepares, in the server's database (BENCH_DATABASE_URL, i.e. the DATABASE_URL the server uses): ACCOUNTS
 *      shoppers registered for a live sale of UNITS units (default 100,000 fans for 50,000 units: demand twice the
 *      supply), in bulk.
 *   2. Signs every fan in without bcrypt: a next-auth session cookie minted with the server's NEXTAUTH_SECRET.
 *   3. Ceiling: GET STATIC_PATH for a few seconds at CONCURRENCY, the same machine and server.
 *   4. The sale: every fan POSTs one reservation (in random order, CONCURRENCY at a time) until the sale is sold
 *      out; prints seconds to sell out, reservations/s as a share of the static file's requests/s, p50/p99.
 *
 * The reserve route is POST /api/sales/{saleId}/reserve (RESERVE_PATH), the same rule as the Buy now button.
 *
 * Environment: BASE_URL (default http://127.0.0.1:3000), BENCH_DATABASE_URL (required), NEXTAUTH_SECRET (as the
 * server), ACCOUNTS, UNITS, CONCURRENCY (default 256), STATIC_PATH (default /favicon.svg), STATIC_SECONDS (5).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { openDb, queryRows } from "@/db/client";
import { createSale } from "@/lib/sales/commands";
import { readSaleCounts } from "@/lib/sales/figures";
import { insertUsers, registerUsers } from "@/lib/sales/test-support";

const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 100_000);
const UNITS = Number(process.env.UNITS ?? 50_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 256);
const STATIC_PATH = process.env.STATIC_PATH ?? "/favicon.svg";
const STATIC_SECONDS = Number(process.env.STATIC_SECONDS ?? 5);
const RESERVE_PATH = process.env.RESERVE_PATH ?? "/api/sales/{saleId}/reserve";
/** Must equal the server's secret; this is lib/auth/options.ts's development fallback. */
const SECRET = process.env.NEXTAUTH_SECRET ?? "kite-development-secret-not-for-production";
const COOKIE = BASE_URL.startsWith("https://")
  ? "__Secure-next-auth.session-token"
  : "next-auth.session-token";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Runs `work` over `count` items with at most `limit` in flight, until done or `stop()` says so. */
async function bounded(count: number, limit: number, work: (i: number) => Promise<void>, stop = () => false) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count && !stop()) await work(next++);
    }),
  );
}

async function staticCeiling() {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + STATIC_SECONDS * 1000;
  const started = performance.now();
  await bounded(
    Number.MAX_SAFE_INTEGER,
    CONCURRENCY,
    async () => {
      const t = performance.now();
      const res = await fetch(`${BASE_URL}${STATIC_PATH}`);
      await res.arrayBuffer();
      if (!res.ok) errors += 1;
      latencies.push(performance.now() - t);
    },
    () => performance.now() >= deadline,
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
  };
}

type ReserveOutcome = "reserved" | "sold_out" | "refused" | "rate_limited" | "error";

/**
 * One fan's reservation over HTTP (POST /api/sales/:id/reserve): 201 (or 200 for a replay) with the hold,
 * 409 `{ code: "sold_out" }` once nothing is left, 429 with Retry-After when rate-limited. Each simulated fan
 * carries their own X-Forwarded-For, as they would behind the load balancer, so the per-address limit applies
 * per fan rather than to the benchmark as a whole.
 */
async function reserveOnce(
  saleId: string,
  skuId: number,
  cookie: string,
  fan: number,
): Promise<ReserveOutcome> {
  const res = await fetch(`${BASE_URL}${RESERVE_PATH.replace("{saleId}", saleId)}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      cookie: `${COOKIE}=${cookie}`,
      "x-forwarded-for": `fan-${fan}`,
    },
    body: JSON.stringify({ skuId, requestKey: randomUUID() }),
  });
  if (res.status === 429) return "rate_limited";
  const body = (await res.json().catch(() => null)) as { holdId?: string; code?: string } | null;
  if (res.ok && body?.holdId) return "reserved";
  if (body?.code === "sold_out") return "sold_out";
  return res.status >= 500 ? "error" : "refused";
}

async function main() {
  if (!DATABASE_URL) throw new Error("Set BENCH_DATABASE_URL to the database the running server uses.");
  const health = await fetch(`${BASE_URL}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`No healthy server at ${BASE_URL} (start one with npm start).`);

  const handle = await openDb({ url: DATABASE_URL, poolMax: 4, migrate: false });
  try {
    const [sku] = await queryRows<{ id: number; productId: number }>(
      handle.db,
      sql`select k.id, k.product_id as "productId" from skus k join products p on p.id = k.product_id
          where p.slug = 'kite-9-pro' order by k.position limit 1`,
    );
    if (!sku) throw new Error("The server's database has no kite-9-pro; seed it first.");
    const runId = Date.now().toString(36);
    console.log(
      `preparing ${ACCOUNTS.toLocaleString("en-US")} fans and a sale of ${UNITS.toLocaleString("en-US")} units…`,
    );
    const users = await insertUsers(handle.db, { prefix: `http-${runId}`, count: ACCOUNTS });
    const now = Date.now();
    const sale = await createSale(handle.db, {
      slug: `bench-http-${runId}`,
      name: "HTTP bench sale",
      productId: sku.productId,
      status: "scheduled",
      registrationOpensAt: new Date(now - 3_600_000),
      registrationClosesAt: new Date(now - 60_000),
      startsAt: new Date(now - 60_000),
      endsAt: new Date(now + 3_600_000),
      skus: [{ skuId: sku.id, quantity: UNITS, salePriceMinor: 100 }],
    });
    if (!sale.ok) throw new Error(sale.message);
    await registerUsers(handle.db, { saleId: sale.saleId, userIds: users });
    const cookies = await Promise.all(
      users.map((id, i) =>
        encode({
          token: {
            sub: id,
            uid: id,
            role: "shopper",
            name: `Fan ${i + 1}`,
            email: `http-${runId}-${i + 1}@test.kite`,
          },
          secret: SECRET,
        }),
      ),
    );

    const ceiling = await staticCeiling();
    console.log(
      `static ${STATIC_PATH}: ${Math.round(ceiling.perSecond)} req/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms`,
    );

    const order = users.map((_, i) => i).sort(() => Math.random() - 0.5);
    const outcomes: Record<ReserveOutcome, number> = {
      reserved: 0,
      sold_out: 0,
      refused: 0,
      rate_limited: 0,
      error: 0,
    };
    const latencies: number[] = [];
    let soldOutAfter = Number.NaN;
    const started = performance.now();
    await bounded(
      order.length,
      CONCURRENCY,
      async (k) => {
        const i = order[k] as number;
        const t = performance.now();
        const outcome = await reserveOnce(sale.saleId, sku.id, cookies[i] as string, i).catch(
          () => "error" as const,
        );
        latencies.push(performance.now() - t);
        outcomes[outcome] += 1;
        if (outcome === "reserved" && outcomes.reserved === UNITS)
          soldOutAfter = (performance.now() - started) / 1000;
      },
      () => outcomes.reserved >= UNITS,
    );
    latencies.sort((a, b) => a - b);
    const counts = await readSaleCounts(handle.db, { saleId: sale.saleId });
    const requestsPerSecond = latencies.length / ((performance.now() - started) / 1000);
    console.log(
      `reserve: ${outcomes.reserved.toLocaleString("en-US")} units in ${soldOutAfter.toFixed(1)} s ` +
        `(${Math.round(requestsPerSecond)} req/s, ${((requestsPerSecond / ceiling.perSecond) * 100).toFixed(0)} % of static), ` +
        `p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
    );
    console.log("outcomes", outcomes, "database", {
      remaining: counts?.remaining,
      held: counts?.held,
      exact: counts
        ? counts.remaining + counts.held + counts.sold === UNITS && counts.held === outcomes.reserved
        : false,
    });
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
