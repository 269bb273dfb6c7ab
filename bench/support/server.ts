import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import pg from "pg";

/**
 * A store for a benchmark: the built app through scripts/server.mjs (`next start` plus the socket address; the
 * same server as `npm start` and the browser suite) on its own port and a fresh PostgreSQL database, and the
 * local Stripe server on its own port. Each runs in its own process group, so stopping it stops every child
 * (`npx next start` and friends leave servers behind otherwise: docs/STACK).
 */
export interface BenchServer {
  baseUrl: string;
  /** The pid of the Next server process (the root of the tree whose CPU the benchmark reads). */
  pid: number;
  databaseUrl: string;
  qaSecret: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  stripePort: number;
  /** A PostgreSQL URL whose server gets the fresh `database` (dropped and created). */
  adminUrl: string;
  database: string;
  /** Extra environment for the store. */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

/** Drops and creates `name` on the server of `adminUrl`; returns the new database's URL. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `next build` when there is no build yet (`.next/BUILD_ID`); a benchmark measures a production build. */
export function ensureBuild(log: (line: string) => void = console.log): void {
  if (existsSync(".next/BUILD_ID")) return;
  log("no build in .next: running next build…");
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {}
    }, 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the store exited (${child.exitCode}) before it was healthy`);
    const res = await fetch(url).catch(() => null);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no healthy store at ${url} after ${timeoutMs / 1000} s`);
}

/** Starts the store (fresh database, local Stripe) and waits until /api/health answers. */
export async function startStore(options: StartOptions): Promise<BenchServer> {
  const log = options.log ?? console.log;
  const databaseUrl = await recreateDatabase(options.adminUrl, options.database);
  // The data cache and cached pages live on disk under .next and would outlive the fresh database.
  rmSync(".next/cache/fetch-cache", { recursive: true, force: true });
  rmSync(".next/server/route-cache", { recursive: true, force: true });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const qaSecret = `bench-qa-${process.pid}-${Date.now().toString(36)}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    // Demo catalogue seeded on start, QA routes on (the sale is made through them): a store like the browser suite's.
    STORE_ENV: "test",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://localhost:${options.port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-0123456789abcdef0123",
    QA_SECRET: qaSecret,
    STRIPE_LOCAL_PORT: String(options.stripePort),
    STRIPE_WEBHOOK_URL: `${baseUrl}/api/stripe/webhook`,
    STRIPE_WEBHOOK_SECRET: "whsec_bench_local_secret",
    ...options.env,
  };
  const children: ChildProcess[] = [];
  const run = (name: string, cmd: string, args: string[]) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(`  [${name}] ${line}`);
    };
    child.stderr?.on("data", forward);
    // Startup lines only; a server logging per request would cost the benchmark.
    child.stdout?.on("data", forward);
    children.push(child);
    return child;
  };
  run("stripe-local", "node_modules/.bin/tsx", ["stripe-local/cli.ts"]);
  const next = run("next", process.execPath, [
    "scripts/server.mjs",
    "--port",
    String(options.port),
    "--keepAliveTimeout",
    "65000",
  ]);
  const stop = async () => {
    await Promise.all(children.map(stopGroup));
  };
  try {
    await waitForHealth(`${baseUrl}/api/health`, next, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: next.pid as number, databaseUrl, qaSecret, stop };
}
