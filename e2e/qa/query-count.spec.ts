import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { QA_SECRET } from "../support/env";
import { expect, test } from "../support/fixtures";

/**
 * Issue 16: "after warm-up, N page views cost 0 database queries; N live-figure polls within a second cost at
 * most 1". Measured per request, not on the server's total: other specs run in parallel against this server and
 * query all the time, so a before/after of the total could only be flaky or loose. Each request carries
 * `x-kite-query-probe: <id>`; the server (scripts/server.mjs, outside production) handles it inside an async
 * scope of that id, and db/client.ts charges every statement sent from that scope to the id. What another
 * request caused (another spec's render, its sale creation) is charged elsewhere; what this request caused,
 * including a shared read it started, is charged here. So the counts below are this spec's alone.
 *
 * Another spec's write may legitimately expire a page we read (creating a sale expires the hero tag, so `/`
 * re-renders); that view then reports `x-nextjs-cache: MISS` or `STALE` and pays for the render. So the rule
 * checked is: every view Next served from its cache (`HIT`) cost 0 queries, and VIEWS such views were seen
 * within a bounded number of requests. A page rendered per request (no HIT ever), or a cached page whose
 * request path still queries (a proxy lookup, a layout reading the session), fails.
 */

const AUTH = { authorization: `Bearer ${QA_SECRET}` };
const PROBE_HEADER = "x-kite-query-probe";
const VIEWS = 20;
/** Views allowed beyond VIEWS for the re-renders other specs' writes may cause. */
const MAX_EXTRA_VIEWS = 20;
const POLLS = 50;

async function probed(request: APIRequestContext, id: string): Promise<number> {
  const res = await request.get(`/api/qa/queries?probe=${id}`, { headers: AUTH });
  expect(res.status(), await res.text()).toBe(200);
  const { probe } = (await res.json()) as { count: number; probe: number | null };
  if (probe === null) {
    throw new Error("this server counts no queries per request: start it through scripts/server.mjs");
  }
  return probe;
}

interface View {
  cache: string;
  queries: number;
}

/** GETs `path` as a visitor (no cookies), charged to its own probe; returns Next's cache status and its cost. */
async function view(request: APIRequestContext, path: string): Promise<View> {
  const id = randomUUID();
  const res = await request.get(path, { headers: { [PROBE_HEADER]: id }, maxRedirects: 0 });
  expect(res.status(), `${path} answered ${res.status()}`).toBe(200);
  await res.body();
  return { cache: res.headers()["x-nextjs-cache"] ?? "none", queries: await probed(request, id) };
}

test.describe("qa: reading under a crowd costs no database queries", () => {
  test("after warm-up, page views served from cache cost 0 queries", async ({ request, freshSale }) => {
    const sale = await freshSale({ skuCode: "kite-buds-2-black", quantity: 100, salePriceMinor: 19_900 });
    const pages = ["/", "/category/audio", "/products/kite-buds-2", `/sales/${sale.slug}`];

    for (const path of pages) {
      // Warm-up: the first view renders the page (and may read the slug list); then it is in cache.
      let warm: View = { cache: "none", queries: 0 };
      // A stale copy is answered while it is rendered again in the background (slow under load): wait for it.
      for (let attempt = 0; attempt < 30 && warm.cache !== "HIT"; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 200));
        warm = await view(request, path);
      }
      expect(warm.cache, `${path} is not served from Next's cache after warm-up`).toBe("HIT");

      const fromCache: View[] = [];
      const rendered: View[] = [];
      for (let i = 0; fromCache.length < VIEWS && i < VIEWS + MAX_EXTRA_VIEWS; i++) {
        const v = await view(request, path);
        (v.cache === "HIT" ? fromCache : rendered).push(v);
      }
      test.info().annotations.push({
        type: "views",
        description: `${path}: ${fromCache.length} from cache, ${rendered.length} re-rendered (${rendered
          .map((v) => `${v.cache} ${v.queries}q`)
          .join(", ")})`,
      });
      expect(fromCache.length, `${path}: fewer than ${VIEWS} views came from cache`).toBe(VIEWS);
      expect(
        fromCache.map((v) => v.queries),
        `${path}: views from cache sent queries`,
      ).toEqual(Array(VIEWS).fill(0));
    }
  });

  test("searches, each a different page rendered per request, ask the database nothing", async ({
    request,
  }) => {
    await view(request, "/search?q=kite");
    const searches = [
      "band",
      "BUDS",
      "phone",
      "router",
      "nothing-like-this",
      "9 pro",
      "%",
      "tablet",
      "a",
      "watch",
    ];
    const costs: number[] = [];
    for (const q of searches) {
      const v = await view(
        request,
        `/search?q=${encodeURIComponent(`${q} ${randomUUID().slice(0, 4)}`.trim())}`,
      );
      costs.push(v.queries);
    }
    // The shared card list may be refreshed in the background by whichever view finds it stale (every 15 s):
    // that view pays the refresh. Every other search costs nothing, whatever was typed.
    expect(costs.filter((c) => c === 0).length, `costs: ${costs.join(", ")}`).toBeGreaterThanOrEqual(
      searches.length - 1,
    );
  });

  test(`${POLLS} live-figure polls within a second cost at most 1 query`, async ({ request, freshSale }) => {
    const sale = await freshSale({ skuCode: "kite-buds-2-black", quantity: 100, salePriceMinor: 19_900 });
    const path = `/api/sales/${sale.saleId}/figures`;
    expect((await request.get(path)).status()).toBe(200);

    // One probe for all polls: the figures cache is single-flight, so the read a poll starts is charged to it.
    const id = randomUUID();
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: POLLS }, async () => {
        const res = await request.get(path, { headers: { [PROBE_HEADER]: id } });
        await res.body();
        return res.status();
      }),
    );
    const elapsed = Date.now() - started;
    expect(statuses).toEqual(Array(POLLS).fill(200));
    const queries = await probed(request, id);
    test.info().annotations.push({
      type: "polls",
      description: `${POLLS} polls in ${elapsed} ms: ${queries} queries`,
    });
    // The figures are read at most once a second: one read within a second, one more per further second a slow
    // machine took to answer them all.
    expect(queries).toBeLessThanOrEqual(1 + Math.floor(elapsed / 1000));
  });
});
