#!/usr/bin/env node
// `npm test`: type check, lint, Vitest (PGlite + real PostgreSQL), build once, Playwright in Debian's chromium.
// PostgreSQL comes from PG_ADMIN_URL (default: the local server); fresh databases are made for each run.
// Redis comes from TEST_REDIS_URL (default: the local server); each test uses its own random key prefix.
// BASE_URL=… runs the browser suite against an existing deployment instead of a local build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import pg from "pg";

const started = Date.now();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const adminUrl = env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const only = new Set((env.TEST_ONLY ?? "typecheck,lint,layers,unit,build,e2e").split(","));
const results = [];

function step(name, cmd, args, extraEnv = {}) {
  if (!only.has(name)) return;
  const t0 = Date.now();
  console.log(`\n━━ ${name}: ${cmd} ${args.join(" ")}`);
  const run = spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push({ name, ok: run.status === 0, seconds });
  if (run.status !== 0) {
    summary();
    process.exit(run.status ?? 1);
  }
}

// One name per working tree, so runs in two checkouts on one server (a developer's and a helper's) never drop
// each other's database, and reruns in one checkout reuse (drop and recreate) the same one.
const treeSuffix = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8);

async function freshDatabase(base) {
  const name = `${base}_${treeSuffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.error(`PostgreSQL is not reachable at ${adminUrl} (${error.message}).`);
    console.error(
      "Start one (see README: Tests) or set PG_ADMIN_URL. Concurrency tests never run without it.",
    );
    process.exit(1);
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(".test-output/vitest.json")) {
    const v = JSON.parse(readFileSync(".test-output/vitest.json", "utf8"));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync(".test-output/playwright.json")) {
    const p = JSON.parse(readFileSync(".test-output/playwright.json", "utf8"));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
    skipped += p.stats?.skipped ?? 0;
  }
  return { passed, failed, skipped };
}

function summary() {
  console.log("\n━━ summary");
  for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name.padEnd(10)} ${r.seconds}s`);
  const c = counts();
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)}s`);
  console.log(`${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
}

rmSync(".test-output", { recursive: true, force: true });
mkdirSync(".test-output", { recursive: true });

step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint", "npx", ["biome", "check", "."]);
// Functions over 80 lines in lib/ and app/ fail unless a "long because" comment says why.
step("layers", "node", ["scripts/check-layers.mjs", "lib"]);
step("layers", "node", ["scripts/check-layers.mjs", "app"]);
if (only.has("unit")) {
  const testDatabaseUrl = await freshDatabase("kite_test_unit");
  step(
    "unit",
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.test-output/vitest.json"],
    {
      TEST_DATABASE_URL: testDatabaseUrl,
      TEST_REDIS_URL: env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    },
  );
}
if (!env.BASE_URL) step("build", "npx", ["next", "build"]);
if (only.has("e2e")) {
  const e2eEnv = { PLAYWRIGHT_JSON_OUTPUT_NAME: ".test-output/playwright.json" };
  if (!env.BASE_URL && env.E2E_ENGINE !== "pglite")
    e2eEnv.E2E_DATABASE_URL = await freshDatabase("kite_test_e2e");
  step("e2e", "npx", ["playwright", "test", "--reporter=list,json"], e2eEnv);
}
summary();
