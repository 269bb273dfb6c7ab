/**
 * `npm run bench:pages`: what a page view costs the server when the crowd reads from cache (issue 16).
 *
 *   1. Starts the built store (`next build` first when there is none) on PostgreSQL: a fresh database
 *      kite_bench_pages, port 3400, the local Stripe server on 3401 (bench/support/server.ts).
 *   2. Makes a live, featured sale through the QA route, warms each page until Next serves it from cache, and saves
 *      its HTML (the live figures: their JSON) as a static twin under public/__bench/, served by the same server.
 *      Next lists public/ when it starts, so the twins' files are created (empty) before the start, filled after
 *      warm-up, and deleted at the end.
 *   3. For the homepage, a category page, a product page, the sale page and the live-figures endpoint, runs
 *      `wrk -t2 -c64 -d8s --latency` on the page, then on its twin: req/s, p50, p99, the server's CPU per request
 *      (utime+stime of its process tree from /proc), and the database statements it sent during the run
 *      (GET /api/qa/queries), each against its twin.
 *   4. Lighthouse (default mobile profile, Debian's chromium headless) on the homepage, product page and sale page.
 *   5. Writes bench/results/pages-<date>.json and prints markdown tables.
 *
 * Environment: BENCH_DATABASE_URL (a PostgreSQL URL whose server gets the database; default the local server),
 * BENCH_SECONDS (8), BENCH_CONNECTIONS (64), BENCH_THREADS (2), BENCH_LIGHTHOUSE=0 to skip Lighthouse,
 * CHROMIUM_PATH (/usr/bin/chromium).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { launch } from "chrome-launcher";
import { treeCpuMs } from "./support/proc";
import { type BenchServer, ensureBuild, startStore } from "./support/server";
import { fmt, markdownTable } from "./support/table";
import { runWrk, type WrkResult } from "./support/wrk";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = 3400;
const STRIPE_PORT = 3401;
const DATABASE = "kite_bench_pages";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const THREADS = Number(process.env.BENCH_THREADS ?? 2);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TWIN_DIR = path.join("public", "__bench");

/** Issue 16's targets. */
const TARGETS = { twinShare: 0.8, cpuRatio: 1.5, queriesPerView: 0, figuresPerSecond: 2000 } as const;

interface Target {
  name: string;
  /** Set once the sale exists. */
  path: string;
  twin: string;
  kind: "page" | "figures";
}

interface Run extends WrkResult {
  cpuMsPerRequest: number;
  queries: number;
  /** Size of the body served (the page's and its twin's are the same). */
  htmlBytes: number;
  /** The machine's 1-minute load average right after the run: on a shared 2-core machine, read figures with it. */
  load1: number;
}

interface Row {
  name: string;
  path: string;
  cache: string;
  page: Run;
  twin: Run;
}

function log(line: string) {
  console.log(line);
}

function ensureTools() {
  const wrk = spawnSync("wrk", ["--version"]);
  if (wrk.error || !existsSync(CHROMIUM)) {
    const install = spawnSync("bash", ["scripts/install-bench-tools.sh"], { stdio: "inherit" });
    if (install.status !== 0)
      throw new Error("could not install wrk and chromium (scripts/install-bench-tools.sh)");
  }
}

async function qaJson<T>(server: BenchServer, pathname: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.baseUrl}${pathname}`, {
    ...init,
    headers: { authorization: `Bearer ${server.qaSecret}`, "content-type": "application/json" },
  });
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const queryCount = async (server: BenchServer) =>
  (await qaJson<{ count: number }>(server, "/api/qa/queries")).count;

/** GETs `url` until Next serves it from cache (at most 5 times): its body and the last cache status. */
async function warm(url: string): Promise<{ body: string; cache: string }> {
  let body = "";
  let cache = "none";
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    body = await res.text();
    cache = res.headers.get("x-nextjs-cache") ?? "none";
    if (cache === "HIT") break;
  }
  return { body, cache };
}

async function measure(server: BenchServer, url: string): Promise<Run> {
  const queriesBefore = await queryCount(server);
  const cpuBefore = treeCpuMs(server.pid);
  const result = runWrk(url, { threads: THREADS, connections: CONNECTIONS, seconds: SECONDS });
  const cpuMs = treeCpuMs(server.pid) - cpuBefore;
  const queries = (await queryCount(server)) - queriesBefore;
  const loadAfter = loadavg()[0] ?? Number.NaN;
  return {
    ...result,
    cpuMsPerRequest: result.requests > 0 ? cpuMs / result.requests : Number.NaN,
    queries,
    htmlBytes: 0,
    load1: loadAfter,
  };
}

interface LighthouseRow {
  name: string;
  path: string;
  performance: number;
  lcpMs: number;
  tbtMs: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
}

/**
 * Lighthouse runs through its own CLI in plain Node, against one chromium that chrome-launcher starts: imported into
 * this tsx-compiled script, its page functions carry esbuild's `__name` helper into the browser and fail there.
 */
async function runLighthouse(server: BenchServer, pages: { name: string; path: string }[]) {
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const page of pages) {
      const run = spawnSync(
        process.execPath,
        [
          "node_modules/lighthouse/cli/index.js",
          `${server.baseUrl}${page.path}`,
          `--port=${chrome.port}`,
          "--output=json",
          "--output-path=stdout",
          "--only-categories=performance,accessibility,best-practices,seo",
          "--quiet",
        ],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      if (run.status !== 0) throw new Error(`Lighthouse failed on ${page.path}: ${run.stderr}`);
      const lhr = JSON.parse(run.stdout) as {
        categories: Record<string, { score: number | null } | undefined>;
        audits: Record<string, { numericValue?: number } | undefined>;
      };
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
      rows.push({
        ...page,
        performance: score("performance"),
        lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
      });
      log(`  lighthouse ${page.path}: performance ${score("performance")}`);
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

/** ✓ or ✗ against a target; – when the figure could not be measured (no request completed). */
function verdict(value: number, ok: (v: number) => boolean): string {
  if (!Number.isFinite(value)) return "–";
  return ok(value) ? "✓" : "✗";
}

function loadTable(rows: Row[]): string {
  const header = [
    "page",
    "cache",
    "req/s (twin)",
    "vs twin ≥ 80 %",
    "p50 / p99 (twin)",
    "CPU ms/req (twin)",
    "CPU vs twin ≤ 1.5×",
    "DB queries in run (per 1k req)",
  ];
  const body = rows.map((r) => {
    const share = r.page.perSecond / r.twin.perSecond;
    const cpu = r.page.cpuMsPerRequest / r.twin.cpuMsPerRequest;
    const perK = (r.page.queries / r.page.requests) * 1000;
    const figures = r.name === "live figures";
    return [
      `${r.name} \`${r.path}\``,
      r.cache,
      `${fmt.int(r.page.perSecond)} (${fmt.int(r.twin.perSecond)})${figures ? ` ${verdict(r.page.perSecond, (v) => v >= TARGETS.figuresPerSecond)} ≥ 2,000` : ""}`,
      `${fmt.percent(share)} ${verdict(share, (v) => v >= TARGETS.twinShare)}`,
      `${fmt.ms(r.page.p50Ms)} / ${fmt.ms(r.page.p99Ms)} (${fmt.ms(r.twin.p50Ms)} / ${fmt.ms(r.twin.p99Ms)})`,
      `${fmt.ms(r.page.cpuMsPerRequest)} (${fmt.ms(r.twin.cpuMsPerRequest)})`,
      `${fmt.ratio(cpu)} ${verdict(cpu, (v) => v <= TARGETS.cpuRatio)}`,
      `${fmt.int(r.page.queries)} (${Number.isFinite(perK) ? perK.toFixed(2) : "–"})${figures ? "" : ` ${verdict(r.page.queries, (v) => v === TARGETS.queriesPerView)}`}`,
    ];
  });
  return markdownTable(header, body, [false, false, true, true, true, true, true, true]);
}

function lighthouseTable(rows: LighthouseRow[]): string {
  const header = ["page", "performance", "LCP", "TBT", "accessibility", "best practices", "SEO"];
  const body = rows.map((r) => [
    `${r.name} \`${r.path}\``,
    String(r.performance),
    `${(r.lcpMs / 1000).toFixed(1)} s`,
    `${Math.round(r.tbtMs)} ms`,
    String(r.accessibility),
    String(r.bestPractices),
    String(r.seo),
  ]);
  return markdownTable(header, body, [false, true, true, true, true, true, true]);
}

async function main() {
  const started = Date.now();
  const load = loadavg()[0] ?? 0;
  if (load > cpus().length) {
    log(
      `! load average ${load.toFixed(1)} on ${cpus().length} cores: other work shares the CPU, figures will be low and noisy`,
    );
  }
  ensureTools();
  ensureBuild(log);

  const targets: Target[] = [
    { name: "homepage", path: "/", twin: "home.html", kind: "page" },
    { name: "category", path: "/category/phones", twin: "category.html", kind: "page" },
    { name: "product", path: "/products/kite-9-pro", twin: "product.html", kind: "page" },
    { name: "sale", path: "", twin: "sale.html", kind: "page" },
    { name: "live figures", path: "", twin: "figures.json", kind: "figures" },
  ];
  // Listed by Next at start (it reads public/ once), filled in after warm-up.
  mkdirSync(TWIN_DIR, { recursive: true });
  for (const t of targets) writeFileSync(path.join(TWIN_DIR, t.twin), "");
  const removeTwins = () => rmSync(TWIN_DIR, { recursive: true, force: true });
  process.on("exit", removeTwins);

  log(`starting the store on :${PORT} (database ${DATABASE}, local Stripe on :${STRIPE_PORT})…`);
  const server = await startStore({
    port: PORT,
    stripePort: STRIPE_PORT,
    adminUrl: ADMIN_URL,
    database: DATABASE,
    log: () => {},
  });
  const stopAll = () => {
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stopAll);
  process.once("SIGTERM", stopAll);
  try {
    const sale = await qaJson<{ saleId: string; slug: string }>(server, "/api/qa/sales", {
      method: "POST",
      body: JSON.stringify({
        skuCode: "kite-9-pro-graphite-12-256",
        name: "Kite 9 Pro flash sale",
        quantity: 50_000,
        salePriceMinor: 99_900,
        startsInSeconds: -60,
        durationSeconds: 3600,
        featured: true,
      }),
    });
    for (const t of targets) {
      if (t.name === "sale") t.path = `/sales/${sale.slug}`;
      if (t.name === "live figures") t.path = `/api/sales/${sale.saleId}/figures`;
    }

    const rows: Row[] = [];
    for (const t of targets) {
      const url = `${server.baseUrl}${t.path}`;
      const { body, cache } = await warm(url);
      writeFileSync(path.join(TWIN_DIR, t.twin), body);
      const twinUrl = `${server.baseUrl}/__bench/${t.twin}`;
      const twinRes = await fetch(twinUrl);
      if (!twinRes.ok || (await twinRes.text()) !== body)
        throw new Error(`the twin ${twinUrl} is not served`);
      log(`${t.name} ${t.path} (${cache}): wrk ${SECONDS} s on the page, then on its twin…`);
      const bytes = Buffer.byteLength(body);
      const page = { ...(await measure(server, url)), htmlBytes: bytes };
      const twin = { ...(await measure(server, twinUrl)), htmlBytes: bytes };
      for (const [label, r] of [
        ["page", page],
        ["twin", twin],
      ] as const) {
        if (r.errors > 0) log(`  ! ${label}: ${r.errors} errors (non-2xx or socket) of ${r.requests}`);
      }
      log(
        `  page ${fmt.int(page.perSecond)} req/s, ${fmt.ms(page.cpuMsPerRequest)} CPU/req, ${page.queries} queries;` +
          ` twin ${fmt.int(twin.perSecond)} req/s, ${fmt.ms(twin.cpuMsPerRequest)} CPU/req` +
          ` (${fmt.int(bytes / 1024)} KiB; load ${page.load1.toFixed(1)} / ${twin.load1.toFixed(1)})`,
      );
      rows.push({ name: t.name, path: t.path, cache, page, twin });
    }

    const lighthouseRows = LIGHTHOUSE
      ? await runLighthouse(
          server,
          targets.filter((t) => ["homepage", "product", "sale"].includes(t.name)),
        )
      : [];

    const date = new Date().toISOString().slice(0, 10);
    mkdirSync(path.join("bench", "results"), { recursive: true });
    const file = path.join("bench", "results", `pages-${date}.json`);
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: cpus().length, loadAtEnd: loadavg() },
          wrk: { threads: THREADS, connections: CONNECTIONS, seconds: SECONDS },
          targets: TARGETS,
          load: rows,
          lighthouse: lighthouseRows,
        },
        null,
        2,
      )}\n`,
    );
    log(`\n${loadTable(rows)}\n`);
    if (lighthouseRows.length) log(`${lighthouseTable(lighthouseRows)}\n`);
    log(`results in ${file}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  } finally {
    await server.stop();
    removeTwins();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
