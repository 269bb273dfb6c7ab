import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./ports";

export interface PgBouncer {
  port: number;
  /** `url` (a database on the real server) as reached through this PgBouncer. */
  through(url: string): string;
  /** PgBouncer's own counters (SHOW STATS) for database `name`. */
  stats(name: string): Promise<{ transactions: number; queries: number }>;
  stop(): Promise<void>;
}

/**
 * Starts scripts/start-pgbouncer.sh (transaction pooling, `poolSize` server connections per database) on a free
 * port, and returns once it answers. Without pgbouncer (and no root to install it) this fails: it never skips.
 */
export async function startPgBouncer({ poolSize }: { poolSize: number }): Promise<PgBouncer> {
  const port = await freePort();
  const prefix = mkdtempSync(path.join(tmpdir(), "kite-pgbouncer-"));
  let log = "";
  const child: ChildProcess = spawn(
    "bash",
    [
      "scripts/start-pgbouncer.sh",
      "--port",
      String(port),
      "--prefix",
      prefix,
      "--pool-size",
      String(poolSize),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const admin = () => new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/pgbouncer` });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(`pgbouncer exited (${child.exitCode}):\n${log.slice(-2000)}`);
    const probe = admin();
    try {
      await probe.connect();
      await probe.end();
      break;
    } catch {
      await probe.end().catch(() => {});
      if (i > 200) {
        child.kill("SIGKILL");
        throw new Error(`pgbouncer did not answer on port ${port}:\n${log.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    through(url) {
      const u = new URL(url);
      u.port = String(port);
      return u.toString();
    },
    async stats(name) {
      const client = admin();
      await client.connect();
      try {
        const { rows } = await client.query<{
          database: string;
          total_xact_count: string;
          total_query_count: string;
        }>("SHOW STATS");
        const row = rows.find((r) => r.database === name);
        return {
          transactions: Number(row?.total_xact_count ?? 0),
          queries: Number(row?.total_query_count ?? 0),
        };
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
