#!/usr/bin/env node
// One command to run the store: build, then serve Next and (without real Stripe keys) the local Stripe server.
// Environment: PORT (3000), DATABASE_URL (unset → embedded PGlite under .data/), SKIP_BUILD=1 to reuse a build.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

// A per-machine secret kept under .data/ so sessions survive restarts; production sets its own (README).
if (!env.NEXTAUTH_SECRET) {
  mkdirSync(".data", { recursive: true });
  const file = ".data/nextauth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

// Next's data cache is on disk; start from an empty one so it can never outlive a replaced database.
rmSync(".next/cache/fetch-cache", { recursive: true, force: true });

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
// Keep-alive longer than a load balancer's 60 s idle timeout (and a test client's pooled sockets): with Node's
// default 5 s, a client can reuse a socket just as the server closes it and get ECONNRESET (seen in CI).
run("next", "npx", ["next", "start", "--port", port, "--keepAliveTimeout", "65000"]);
console.log(`› Kite is starting on http://localhost:${port}`);
