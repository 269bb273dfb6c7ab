/**
 * `npm run bench:http`: the flash sale over real HTTP, driven by wrk (a C load generator, so the client leaves the
 * server its core), with the server's own CPU read from /proc.
 *
 * For each MODE (BENCH_MODES, default "lean,next": the lean handler scripts/server.mjs puts in front of Next, then
 * the same store with KITE_LEAN_RESERVE=0, i.e. Next's route handler around the same function):
 *   1. Starts the built store (scripts/server.mjs, TRUSTED_PROXIES=1) on a fresh PostgreSQL database, and prepares
 *      ACCOUNTS fans registered for a live sale of UNITS units (default 100,000 for 50,000: demand twice the
 *      supply), each signed in with a session cookie minted with the server's secret.
 *   2. Ceiling: wrk GETs STATIC_PATH for STATIC_SECONDS at CONCURRENCY connections; server CPU per request.
 *   3. The sale: wrk (bench/support/reserve.lua) sends every fan's one reservation, in random order, CONCURRENCY
 *      in flight, each with its own cookie, X-Forwarded-For and request key; seconds to sell out (the sale's
 *      recorded sold-out instant), p50/p99, server CPU per request, every answer counted by kind.
 *   4. Losers: the fans who got nothing press again for LOSER_SECONDS: "sold out" answers per second and CPU each;
 *      then the winners poll their place in the checkout line (GET /api/sales/holds/{id}) for as long.
 *   5. Accounting: exactly UNITS holds, remaining + held + sold = UNITS, the hold rows match the created answers.
 *
 * Environment: BENCH_DATABASE_URL (a PostgreSQL server for the fresh database; default the local one), ACCOUNTS,
 * UNITS, CONCURRENCY (256), STATIC_PATH (/favicon.svg), STATIC_SECONDS (5), LOSER_SECONDS (5), POLL_SECONDS (10),
 * BENCH_PORT (3300).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { openDb, queryRows } from "@/db/client";
import { createSale } from "@/lib/sales/commands";
import { readSaleCounts } from "@/lib/sales/figures";
import { insertUsers, registerUsers } from "@/lib/sales/test-support";
import { commandCpuMs, treeCpuMs } from "./support/proc";
import { type BenchServer, ensureBuild, startStore } from "./support/server";
import { writeResults } from "./support/table";
import { runWrk, runWrkScript, type WrkResult } from "./support/wrk";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 100_000);
const UNITS = Number(process.env.UNITS ?? 50_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 256);
const STATIC_PATH = process.env.STATIC_PATH ?? "/favicon.svg";
const STATIC_SECONDS = Number(process.env.STATIC_SECONDS ?? 5);
const LOSER_SECONDS = Number(process.env.LOSER_SECONDS ?? 5);
const POLL_SECONDS = Number(process.env.POLL_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const MODES = (process.env.BENCH_MODES ?? "lean,next").split(",") as Mode[];
const SECRET = "bench-secret-0123456789abcdef0123";
const COOKIE = "next-auth.session-token";
const SCRIPT = path.join(process.cwd(), "bench/support/reserve.lua");

type Mode = "lean" | "next";

interface Measured extends WrkResult {
  cpuMsPerRequest: number;
  /** PostgreSQL's CPU (every process named postgres on this machine) per request over the same run. */
  dbCpuMsPerRequest: number;
  script?: Record<string, number>;
}

/** wrk's run with the server tree's CPU over it. */
async function measured(
  server: BenchServer,
  run: () => Promise<WrkResult & { script?: Record<string, number> }> | WrkResult,
): Promise<Measured> {
  const before = treeCpuMs(server.pid);
  const dbBefore = commandCpuMs("postgres");
  const result = await run();
  const cpuMs = treeCpuMs(server.pid) - before;
  const dbCpuMs = commandCpuMs("postgres") - dbBefore;
  const requests = Math.max(1, result.requests);
  return { ...result, cpuMsPerRequest: cpuMs / requests, dbCpuMsPerRequest: dbCpuMs / requests };
}

/** ACCOUNTS fans registered for a live sale of UNITS units, and a wrk file line per fan (random order). */
async function prepareSale(server: BenchServer, dir: string) {
  const handle = await openDb({ url: server.databaseUrl, poolMax: 4, migrate: false });
  try {
    const [sku] = await queryRows<{ id: number; productId: number }>(
      handle.db,
      sql`select k.id, k.product_id as "productId" from skus k join products p on p.id = k.product_id
          where p.slug = 'kite-9-pro' order by k.position limit 1`,
    );
    if (!sku) throw new Error("The store's database has no kite-9-pro.");
    const users = await insertUsers(handle.db, {
      prefix: `http-${Date.now().toString(36)}`,
      count: ACCOUNTS,
    });
    const now = Date.now();
    const sale = await createSale(handle.db, {
      slug: `bench-http-${now.toString(36)}`,
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
    const lines = await Promise.all(
      users.map(async (id, i) => {
        const cookie = await encode({
          token: { sub: id, uid: id, role: "shopper", name: `Fan ${i + 1}` },
          secret: SECRET,
        });
        // Each fan from their own address, as the load balancer (TRUSTED_PROXIES=1) reports it.
        const forwarded = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        return {
          id,
          line: `${cookie}\t${forwarded}\t${JSON.stringify({ skuId: sku.id, requestKey: randomUUID() })}`,
        };
      }),
    );
    lines.sort(() => Math.random() - 0.5);
    const fansFile = path.join(dir, "fans.tsv");
    writeFileSync(fansFile, `${lines.map((l) => l.line).join("\n")}\n`);
    return { saleId: sale.saleId, fansFile, lines };
  } finally {
    await handle.close();
  }
}

async function readOutcome(
  server: BenchServer,
  saleId: string,
  startedAt: number,
  winners: Map<string, string>,
) {
  const handle = await openDb({ url: server.databaseUrl, poolMax: 2, migrate: false });
  try {
    const counts = await readSaleCounts(handle.db, { saleId });
    const holders = await queryRows<{ userId: string; holdId: string }>(
      handle.db,
      sql`select user_id as "userId", id as "holdId" from sale_holds where sale_id = ${saleId}::uuid and status = 'active'`,
    );
    for (const h of holders) winners.set(h.userId, h.holdId);
    const soldOutAfter = counts?.soldOutAt ? (counts.soldOutAt.getTime() - startedAt) / 1000 : Number.NaN;
    return { counts, holds: holders.length, soldOutAfter };
  } finally {
    await handle.close();
  }
}

async function runMode(mode: Mode) {
  const server = await startStore({
    port: PORT,
    stripePort: PORT + 1,
    adminUrl: ADMIN_URL,
    database: `kite_bench_http_${mode}`,
    env: { TRUSTED_PROXIES: "1", KITE_LEAN_RESERVE: mode === "lean" ? "1" : "0", NEXTAUTH_SECRET: SECRET },
    log: (line) => (line.includes("[next]") && !line.includes("serving") ? undefined : console.log(line)),
  });
  const dir = mkdtempSync(path.join(tmpdir(), "kite-bench-http-"));
  try {
    console.log(
      `\n[${mode}] preparing ${ACCOUNTS.toLocaleString("en-US")} fans and ${UNITS.toLocaleString("en-US")} units…`,
    );
    const { saleId, fansFile, lines } = await prepareSale(server, dir);
    const url = `${server.baseUrl}/api/sales/${saleId}/reserve`;
    const ceiling = await measured(server, () =>
      runWrk(`${server.baseUrl}${STATIC_PATH}`, { connections: CONCURRENCY, seconds: STATIC_SECONDS }),
    );
    const startedAt = Date.now();
    const watcher = await openDb({ url: server.databaseUrl, poolMax: 1, migrate: false });
    let soldOutSeen = 0;
    const sale = await measured(server, () =>
      runWrkScript(url, SCRIPT, [fansFile, COOKIE, new URL(url).pathname, "2", "once"], {
        connections: CONCURRENCY,
        maxSeconds: 600,
        doneFiles: path.join(dir, "done-"),
        // Sold out: a second more for the answers in flight, then stop (the rest could only hear "sold out").
        until: async () => {
          if (!soldOutSeen && (await readSaleCounts(watcher.db, { saleId }))?.soldOutAt)
            soldOutSeen = Date.now();
          return soldOutSeen > 0 && Date.now() - soldOutSeen > 1000;
        },
      }),
    ).finally(() => watcher.close());
    const winners = new Map<string, string>();
    const outcome = await readOutcome(server, saleId, startedAt, winners);
    const losersFile = path.join(dir, "losers.tsv");
    writeFileSync(
      losersFile,
      `${lines
        .filter((l) => !winners.has(l.id))
        .map((l) => l.line)
        .join("\n")}\n`,
    );
    const losers = await measured(server, () =>
      runWrkScript(url, SCRIPT, [losersFile, COOKIE, new URL(url).pathname, "2", "loop"], {
        connections: CONCURRENCY,
        maxSeconds: LOSER_SECONDS,
      }),
    );
    // Winners watching their place in the checkout line (GET /api/sales/holds/{id}, what the hold page polls).
    const pollsFile = path.join(dir, "polls.tsv");
    writeFileSync(
      pollsFile,
      `${lines
        .filter((l) => winners.has(l.id))
        .map((l) => `${l.line.split("\t").slice(0, 2).join("\t")}\t\t/api/sales/holds/${winners.get(l.id)}`)
        .join("\n")}\n`,
    );
    const polls = await measured(server, () =>
      runWrkScript(url, SCRIPT, [pollsFile, COOKIE, new URL(url).pathname, "2", "loop"], {
        connections: CONCURRENCY,
        maxSeconds: POLL_SECONDS,
      }),
    );
    // Every unit is one hold, and no more "reserved" answers reached the fans than there were units.
    const created = sale.script?.created ?? 0;
    const exact =
      outcome.counts !== null &&
      outcome.holds === UNITS &&
      created <= UNITS &&
      outcome.counts.remaining === 0 &&
      outcome.counts.remaining + outcome.counts.held + outcome.counts.sold === UNITS;
    return { mode, ceiling, sale, losers, polls, outcome, exact };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

function report(r: Awaited<ReturnType<typeof runMode>>) {
  const { ceiling, sale, losers, outcome } = r;
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(
    `\n[${r.mode}] ${r.mode === "lean" ? "lean handler in front of Next" : "Next's route handler"}`,
  );
  console.log(
    `  static ${STATIC_PATH}: ${Math.round(ceiling.perSecond)} req/s, p99 ${ceiling.p99Ms.toFixed(1)} ms, server CPU ${ms(ceiling.cpuMsPerRequest)}/req`,
  );
  console.log(
    `  sale: ${UNITS.toLocaleString("en-US")} units sold out in ${outcome.soldOutAfter.toFixed(1)} s; ` +
      `${sale.requests.toLocaleString("en-US")} requests at ${Math.round(sale.perSecond)}/s, p50 ${sale.p50Ms.toFixed(1)} ms, ` +
      `p99 ${sale.p99Ms.toFixed(1)} ms; PostgreSQL CPU ${ms(sale.dbCpuMsPerRequest)}/req; server CPU ${ms(sale.cpuMsPerRequest)}/req = ` +
      `${(sale.cpuMsPerRequest / ceiling.cpuMsPerRequest).toFixed(1)}× static (answers received before the stop: ${sale.script?.created ?? 0} reserved)`,
  );
  console.log("  answers", sale.script);
  console.log(
    `  losers pressing again: ${Math.round(losers.perSecond)} "sold out" answers/s = ` +
      `${((losers.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of static, server CPU ${ms(losers.cpuMsPerRequest)}/req, PostgreSQL ${ms(losers.dbCpuMsPerRequest)}/req, p99 ${losers.p99Ms.toFixed(1)} ms`,
  );
  console.log("  answers", losers.script);
  const { polls } = r;
  console.log(
    `  winners polling their place in line: ${Math.round(polls.perSecond)}/s, server CPU ${ms(polls.cpuMsPerRequest)}/req, PostgreSQL ${ms(polls.dbCpuMsPerRequest)}/req, p99 ${polls.p99Ms.toFixed(1)} ms`,
  );
  console.log("  answers", polls.script);
  console.log(
    `  accounting: ${r.exact ? "exact" : "MISMATCH"} (${outcome.holds} holds, remaining ${outcome.counts?.remaining}, held ${outcome.counts?.held}, sold ${outcome.counts?.sold})`,
  );
}

async function main() {
  ensureBuild();
  const results = [];
  for (const mode of MODES) results.push(await runMode(mode));
  console.log(
    `\n${ACCOUNTS.toLocaleString("en-US")} fans, ${UNITS.toLocaleString("en-US")} units, ${CONCURRENCY} connections; load average ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const r of results) report(r);
  const file = writeResults("http", {
    accounts: ACCOUNTS,
    units: UNITS,
    connections: CONCURRENCY,
    staticPath: STATIC_PATH,
    modes: results,
  });
  console.log(`\nwrote ${file}`);
  if (results.some((r) => !r.exact)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
