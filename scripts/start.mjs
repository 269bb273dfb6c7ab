#!/usr/bin/env node
// One command to run the store: build, then serve Next (scripts/server.mjs) and, without real Stripe keys, the
// local Stripe server. Environment: PORT (3000), DATABASE_URL (unset → embedded PGlite under .data/),
// SKIP_BUILD=1 to reuse a build, STORE_ENV (see below).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// The quick start is a store on this machine: development (demo accounts and data, README) unless told otherwise.
// A deployment has its own https NEXTAUTH_URL; without STORE_ENV it is then production (lib/env.ts), never a demo.
const local = !env.NEXTAUTH_URL || /^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(env.NEXTAUTH_URL);
if (!env.STORE_ENV && local) env.STORE_ENV = "development";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

// A per-machine secret kept under .data/ so sessions survive restarts; production sets its own (README).
if (!env.NEXTAUTH_SECRET) {
  mkdirSync(".data", { recursive: true });
  const file = ".data/nextauth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

// Next's data cache and its cached pages are on disk; start from empty ones so they can never outlive a replaced
// database (a page rendered yesterday would name sale ids that no longer exist). With REDIS_URL they live in Redis.
rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
rmSync(".next/server/route-cache", { recursive: true, force: true });

const children = [];
function stopAll(code = 0) {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

if (env.SKIP_BUILD !== "1") {
  console.log("› Building the store (next build)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function run(name, cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", env, detached: true });
  children.push(child);
  child.on("exit", (code) => {
    console.log(`› ${name} exited (${code ?? "signal"}); stopping.`);
    stopAll(code ?? 1);
  });
}

if (!env.STRIPE_SECRET_KEY) {
  env.STRIPE_WEBHOOK_URL ??= `http://127.0.0.1:${port}/api/stripe/webhook`;
  run("local Stripe", "npx", ["tsx", "stripe-local/cli.ts"]);
}
// scripts/server.mjs is `next start` plus the socket's address for rate limits (its keep-alive is 65 s).
run("next", "node", ["scripts/server.mjs", "--port", port]);
console.log(`› Kite is starting on http://localhost:${port} (STORE_ENV=${env.STORE_ENV ?? "production"})`);
