import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FullConfig } from "@playwright/test";
import { addStoreDays } from "../../lib/sales/store-day";
import { QA_SECRET } from "./env";
import { FIRST_DAY_AHEAD, STORE_DAY_ENV } from "./store-days";

/**
 * Before a run against BASE_URL (an existing deployment): re-seed it to the demo state through the QA reset
 * route, so it starts where the self-started store starts (a fresh database). Without this the flows meet what
 * earlier runs left behind: old sales and hero schedule entries on the days this run hands out, and holds from an
 * earlier run expiring in the middle of a stock assertion.
 *
 * Then, for every run: the store's zone and today, from which the fixtures hand each test a store day of its own
 * (e2e/support/store-days.ts). Returns the teardown.
 */
export default async function globalSetup(config: FullConfig): Promise<() => void> {
  const external = process.env.BASE_URL;
  const base = external ?? config.projects[0]?.use.baseURL;
  if (!base) throw new Error("no baseURL in playwright.config.ts");
  if (external) {
    if (!process.env.QA_SECRET) {
      throw new Error(
        `BASE_URL=${base} needs QA_SECRET: the deployment's own QA secret (the suite's default only fits the store it starts itself).`,
      );
    }
    await qaRequest(base, "POST", "/api/qa/reset");
  }
  const res = await qaRequest(base, "GET", "/api/qa/store-day");
  const { timeZone, today } = (await res.json()) as { timeZone: string; today: string };
  const claims = mkdtempSync(join(tmpdir(), "kite-e2e-days-"));
  process.env[STORE_DAY_ENV.timeZone] = timeZone;
  process.env[STORE_DAY_ENV.firstDay] = addStoreDays(today, FIRST_DAY_AHEAD);
  process.env[STORE_DAY_ENV.claims] = claims;
  return () => rmSync(claims, { recursive: true, force: true });
}

async function qaRequest(base: string, method: "GET" | "POST", path: string): Promise<Response> {
  const url = new URL(path, base);
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${QA_SECRET}` },
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) {
    const hint =
      res.status === 401
        ? " (QA_SECRET is not the deployment's)"
        : res.status === 404
          ? " (QA tools are off there: it needs QA_SECRET set and STORE_ENV other than production)"
          : "";
    throw new Error(`${method} ${url} failed: ${res.status}${hint} ${await res.text()}`);
  }
  return res;
}
