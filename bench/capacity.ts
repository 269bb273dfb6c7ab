/**
 * `npm run bench:capacity`: the capacity model. It takes the costs the benchmarks measured on this machine (the
 * latest bench/results/{http,reserve,pages}-<date>.json) and replays two days against them:
 *
 *   A. A flash sale: REGISTERED fans (1.3 million), ONLINE_SHARE of them on the sale page at the start, UNITS units
 *      (50,000). Each online fan's first press of Buy now follows a log-normal curve after the start (median
 *      FIRST_PRESS_MEDIAN_S, spread FIRST_PRESS_SIGMA); a fan refused presses RETRIES more times within RETRY_S each (a refusal refreshes the
 *      page's live figures, which take the button away once sold out; scripts pressing on meet the rate limits).
 *      Before the sell-out every press reaches PostgreSQL, which reserves at the measured rate of our path through
 *      PgBouncer (DB_SCALE times it for a bigger database server); presses beyond that wait in the instances'
 *      batchers. Once sold out, presses, and those still waiting, are answered from memory (the sold-out memo). Winners then wait in the
 *      checkout line, which moves at STRIPE_SESSIONS_PER_SECOND, polling their place as the page does (0.7 s near the
 *      front, a quarter of the wait between 2 and 10 s further back). The sale page and its live figures come from the
 *      CDN: the origin sees one request per page and per figures interval per CDN_EDGES edge location.
 *   B. VISITORS a day (15 million), VIEWS_PER_VISIT pages each, PEAK_HOUR_SHARE of the day in the busiest hour and
 *      PEAK_FACTOR from that hour's mean to its busiest second; CDN_HIT_RATE of page views served by the CDN, every
 *      view asking /api/me (per visitor, never cached).
 *
 * It prints, second by second, what the web tier and PostgreSQL must do, and the instance count that keeps the web
 * tier under UTILISATION of its cores (one Node process per core: a store instance is single-threaded), with
 * PgBouncer's and PostgreSQL's sizing. Every input is printed with where it came from; change any of them in the
 * environment. Nothing is started: this runs in a second.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fmt, markdownTable } from "./support/table";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const REGISTERED = num("REGISTERED", 1_300_000);
const ONLINE_SHARE = num("ONLINE_SHARE", 0.6);
const UNITS = num("UNITS", 50_000);
const FIRST_PRESS_MEDIAN_S = num("FIRST_PRESS_MEDIAN_S", 2);
const FIRST_PRESS_SIGMA = num("FIRST_PRESS_SIGMA", 0.8);
const RETRY_S = num("RETRY_S", 3);
const RETRIES = num("RETRIES", 1);
const DB_SCALE = num("DB_SCALE", 1);
const STRIPE_SESSIONS_PER_SECOND = num("STRIPE_SESSIONS_PER_SECOND", 80);
const CDN_EDGES = num("CDN_EDGES", 50);
const FIGURES_POLL_S = 2;
const UTILISATION = num("UTILISATION", 0.6);
const VISITORS = num("VISITORS", 15_000_000);
const VIEWS_PER_VISIT = num("VIEWS_PER_VISIT", 5);
const PEAK_HOUR_SHARE = num("PEAK_HOUR_SHARE", 0.12);
const PEAK_FACTOR = num("PEAK_FACTOR", 3);
const CDN_HIT_RATE = num("CDN_HIT_RATE", 0.95);
const POOL_PER_INSTANCE = num("DATABASE_POOL_MAX", 10);

/** The newest results file of a benchmark. */
function latest(name: string): { file: string; data: Record<string, unknown> } {
  const dir = path.join("bench", "results");
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".json"))
    .sort();
  const file = files.at(-1);
  if (!file) throw new Error(`No ${dir}/${name}-<date>.json: run npm run bench:${name} first.`);
  return { file: path.join(dir, file), data: JSON.parse(readFileSync(path.join(dir, file), "utf8")) };
}

interface Run {
  perSecond: number;
  cpuMsPerRequest: number;
  dbCpuMsPerRequest?: number;
}

function measuredCosts() {
  const http = latest("http");
  const lean = (http.data.modes as { mode: string; sale: Run; losers: Run; polls: Run; ceiling: Run }[]).find(
    (m) => m.mode === "lean",
  );
  if (!lean) throw new Error(`${http.file} has no lean run.`);
  const reserve = latest("reserve");
  const runs = reserve.data.runs as {
    design: string;
    route: string;
    connections: number;
    perSecond: number;
  }[];
  const ours = runs.filter((r) => r.design === "ours" && r.route === "pgbouncer");
  if (ours.length === 0) throw new Error(`${reserve.file} has no run of ours through PgBouncer.`);
  const db = ours.reduce((a, b) => (b.connections >= a.connections ? b : a));
  const pages = latest("pages");
  const load = pages.data.load as { name: string; page: Run }[];
  const page = (name: string) => load.find((r) => r.name === name)?.page.cpuMsPerRequest ?? Number.NaN;
  return {
    sources: [http.file, reserve.file, pages.file],
    reserveMs: lean.sale.cpuMsPerRequest,
    reserveDbMs: lean.sale.dbCpuMsPerRequest ?? Number.NaN,
    soldOutMs: lean.losers.cpuMsPerRequest,
    linePollMs: lean.polls.cpuMsPerRequest,
    linePollDbMs: lean.polls.dbCpuMsPerRequest ?? Number.NaN,
    staticMs: lean.ceiling.cpuMsPerRequest,
    dbReservesPerSecond: db.perSecond,
    dbConnections: db.connections,
    pageMs: {
      homepage: page("homepage"),
      category: page("category"),
      product: page("product"),
      sale: page("sale"),
    },
    figuresMs: page("live figures"),
  };
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const firstPressCdf = (t: number) =>
  t <= 0 ? 0 : normalCdf((Math.log(t) - Math.log(FIRST_PRESS_MEDIAN_S)) / FIRST_PRESS_SIGMA);

/** Polls a second from a line of `length` fans moving at `rate` a second, each polling as the page does. */
function linePollsPerSecond(length: number, rate: number): number {
  let polls = 0;
  for (let p = 1; p <= length; p++) {
    const interval = p <= 50 ? 0.7 : Math.min(10, Math.max(2, p / rate / 4));
    polls += 1 / interval;
  }
  return polls;
}

interface Tick {
  t: number;
  presses: number;
  toDb: number;
  fromMemory: number;
  sold: number;
  waitS: number;
  linePolls: number;
  webCores: number;
  dbPerSecond: number;
  dbCores: number;
}

function simulateSale(c: ReturnType<typeof measuredCosts>) {
  const fans = REGISTERED * ONLINE_SHARE;
  const dbRate = c.dbReservesPerSecond * DB_SCALE;
  const figuresOrigin = CDN_EDGES / FIGURES_POLL_S;
  let queue = 0;
  let remaining = UNITS;
  let soldOutAt: number | null = null;
  let refused = 0;
  const refusedAt: number[] = [];
  let line = 0;
  let lineEmptyAt: number | null = null;
  const ticks: Tick[] = [];
  for (let t = 0, dt = 0.1; t < 3600 && (lineEmptyAt === null || t < 60); t += dt) {
    if (t >= 60) dt = 1;
    const first = fans * (firstPressCdf(t + dt) - firstPressCdf(t));
    // Fans refused within the last RETRIES × RETRY_S seconds press again, once every RETRY_S.
    const window = Math.round((RETRIES * RETRY_S) / dt);
    const recent = refusedAt.slice(-window).reduce((a, b) => a + b, 0);
    const retries = (recent * dt) / RETRY_S;
    const refusedBefore = refused;
    const presses = first + retries;
    let toDb = 0;
    let fromMemory = 0;
    if (soldOutAt === null) {
      queue += first;
      toDb = first;
    } else {
      fromMemory = presses;
      refused += first;
    }
    // PostgreSQL works through the waiting presses at its rate. Once the sell-out is known, the presses still
    // waiting in the batchers get memory's answer at their turn (answeredWhileWaiting in lib/sales/reserve.ts).
    if (soldOutAt !== null && queue > 0) {
      refused += queue;
      queue = 0;
    }
    const processed = Math.min(queue, dbRate * dt);
    queue -= processed;
    const sold = Math.min(processed, remaining);
    remaining -= sold;
    refused += processed - sold;
    line += sold;
    if (remaining <= 0 && soldOutAt === null) soldOutAt = t + dt;
    refusedAt.push(refused - refusedBefore);
    if (refusedAt.length > 1000) refusedAt.shift();
    const drained = Math.min(line, STRIPE_SESSIONS_PER_SECOND * dt);
    line -= drained;
    if (soldOutAt !== null && line <= 0 && queue <= 0 && lineEmptyAt === null) lineEmptyAt = t + dt;
    const linePolls = linePollsPerSecond(Math.round(line), STRIPE_SESSIONS_PER_SECOND);
    const perSecond = (n: number) => n / dt;
    const webMs =
      perSecond(toDb) * c.reserveMs +
      perSecond(fromMemory) * c.soldOutMs +
      linePolls * c.linePollMs +
      figuresOrigin * c.figuresMs;
    const dbMs = perSecond(processed) * c.reserveDbMs + linePolls * c.linePollDbMs;
    ticks.push({
      t,
      presses: perSecond(presses),
      toDb: perSecond(toDb),
      fromMemory: perSecond(fromMemory),
      sold: UNITS - remaining,
      // The last press waiting: served when PostgreSQL reaches it, or answered at the sell-out, whichever is first.
      waitS: Math.min(queue, remaining) / dbRate,
      linePolls,
      webCores: webMs / 1000,
      dbPerSecond: perSecond(processed),
      dbCores: dbMs / 1000,
    });
  }
  return { fans, dbRate, soldOutAt, lineEmptyAt, ticks };
}

function dailyVisitors(c: ReturnType<typeof measuredCosts>) {
  const views = VISITORS * VIEWS_PER_VISIT;
  const peakViews = ((views * PEAK_HOUR_SHARE) / 3600) * PEAK_FACTOR;
  // A mix of the cached pages as shoppers move: home, category, product, sale.
  const pageMs = (c.pageMs.homepage + c.pageMs.category + 2 * c.pageMs.product + c.pageMs.sale) / 5;
  const meMs = c.figuresMs; // /api/me: a route with no rendering, as the figures route (not measured on its own)
  const originViews = peakViews * (1 - CDN_HIT_RATE);
  const withCdn = (originViews * pageMs + peakViews * meMs) / 1000;
  const withoutCdn = (peakViews * (pageMs + meMs)) / 1000;
  return { views, peakViews, pageMs, meMs, originViews, withCdn, withoutCdn };
}

function main() {
  const c = measuredCosts();
  const instances = (cores: number) => Math.max(2, Math.ceil(cores / UTILISATION));
  console.log(`Measured on this machine (${c.sources.join(", ")}):`);
  console.log(
    markdownTable(
      ["cost", "server CPU", "PostgreSQL CPU"],
      [
        ["static file", fmt.ms(c.staticMs), "–"],
        ["reservation (lean path)", fmt.ms(c.reserveMs), fmt.ms(c.reserveDbMs)],
        ['"sold out" from memory', fmt.ms(c.soldOutMs), "0"],
        ["checkout-line poll", fmt.ms(c.linePollMs), fmt.ms(c.linePollDbMs)],
        ["live-figures poll (Next route)", fmt.ms(c.figuresMs), "1 read/s per instance"],
        [
          "page view from cache (home / category / product / sale)",
          Object.values(c.pageMs).map(fmt.ms).join(" / "),
          "0",
        ],
        [
          `PostgreSQL reserve rate, our path via PgBouncer at ${c.dbConnections} clients`,
          `${fmt.int(c.dbReservesPerSecond)}/s`,
          "2 cores shared with the client",
        ],
      ],
      [false, true, true],
    ),
  );

  const sale = simulateSale(c);
  const peak = (key: keyof Tick) => sale.ticks.reduce((a, b) => (b[key] > a[key] ? b : a));
  const peakWeb = peak("webCores");
  const peakDb = peak("dbCores");
  const peakWait = peak("waitS");
  const firstTen = sale.ticks.filter((k) => k.t < 10);
  const tenSecondCores = firstTen.reduce((a, k) => a + k.webCores, 0) / Math.max(1, firstTen.length);
  console.log(
    `\nA. Flash sale: ${fmt.int(REGISTERED)} registered, ${fmt.int(sale.fans)} online at the start, ${fmt.int(UNITS)} units; ` +
      `PostgreSQL at ${fmt.int(sale.dbRate)} reservations/s (DB_SCALE ${DB_SCALE}), Stripe at ${STRIPE_SESSIONS_PER_SECOND} sessions/s`,
  );
  const shown = [0.5, 1, 2, 3, 5, 8, 10, 15, 20, 25, 30, 45, 60, 120, 300, 600].filter(
    (s) => s < (sale.lineEmptyAt ?? 3600),
  );
  const rows = shown.map((s) => {
    const tick = sale.ticks.reduce((a, b) => (Math.abs(b.t - s) < Math.abs(a.t - s) ? b : a));
    return [
      `${s} s`,
      fmt.int(tick.presses),
      fmt.int(tick.toDb),
      fmt.int(tick.fromMemory),
      fmt.int(tick.sold),
      tick.waitS.toFixed(2),
      fmt.int(tick.linePolls),
      tick.webCores.toFixed(1),
      tick.dbCores.toFixed(1),
    ];
  });
  console.log(
    markdownTable(
      [
        "after start",
        "presses/s",
        "to PostgreSQL/s",
        "from memory/s",
        "units sold",
        "wait in batcher (s)",
        "line polls/s",
        "web cores",
        "DB cores",
      ],
      rows,
      [false, true, true, true, true, true, true, true, true],
    ),
  );
  console.log(
    `sold out after ${sale.soldOutAt?.toFixed(1) ?? "never"} s; every winner at Stripe after ${sale.lineEmptyAt?.toFixed(0) ?? "> 3600"} s; ` +
      `peak web tier ${peakWeb.webCores.toFixed(1)} cores at ${peakWeb.t.toFixed(1)} s → ${instances(peakWeb.webCores)} instances ` +
      `at ${Math.round(UTILISATION * 100)} % (the first 10 s average ${tenSecondCores.toFixed(1)} cores → ` +
      `${instances(tenSecondCores)} instances, the peak second's excess then waits in the sockets' backlog); peak PostgreSQL CPU ${peakDb.dbCores.toFixed(1)} cores; ` +
      `longest wait for PostgreSQL's answer ${peakWait.waitS.toFixed(1)} s (a press at ${peakWait.t.toFixed(1)} s)`,
  );

  const day = dailyVisitors(c);
  console.log(
    `\nB. ${fmt.int(VISITORS)} visitors a day, ${VIEWS_PER_VISIT} views each: ${fmt.int(day.views)} views; busiest second ` +
      `${fmt.int(day.peakViews)} views/s (${PEAK_HOUR_SHARE * 100} % of the day in the peak hour, ×${PEAK_FACTOR})`,
  );
  console.log(
    markdownTable(
      ["", "origin page views/s", "/api/me/s", "web cores", "instances"],
      [
        [
          `CDN serving ${CDN_HIT_RATE * 100} %`,
          fmt.int(day.originViews),
          fmt.int(day.peakViews),
          day.withCdn.toFixed(1),
          String(instances(day.withCdn)),
        ],
        [
          "no CDN (instances' cache only)",
          fmt.int(day.peakViews),
          fmt.int(day.peakViews),
          day.withoutCdn.toFixed(1),
          String(instances(day.withoutCdn)),
        ],
      ],
      [false, true, true, true, true],
    ),
  );
  const saleInstances = instances(peakWeb.webCores);
  console.log(
    `\nPgBouncer: max_client_conn ≥ ${saleInstances} instances × DATABASE_POOL_MAX ${POOL_PER_INSTANCE} = ` +
      `${saleInstances * POOL_PER_INSTANCE}; default_pool_size 16 (the reserve rate above was measured with 16 server ` +
      `connections; more only add contention on the stock rows). PostgreSQL: max_connections ≥ 16 + migrations and ` +
      `tools; CPU ≥ ${Math.ceil(peakDb.dbCores / UTILISATION)} cores at ${Math.round(UTILISATION * 100)} %.`,
  );
}

main();
