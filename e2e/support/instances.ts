import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createClient } from "redis";
import { createDatabase, type ScratchDatabase } from "../../tests/helpers/pg-admin";
import { QA_SECRET } from "./env";

/**
 * More than one instance of the built store, as production runs it: each `node scripts/server.mjs` on its own port,
 * all on one fresh PostgreSQL database and one Redis (a random key prefix of their own). Used by specs about what
 * instances share; the suite's own server (playwright.config.ts) is left alone.
 */
export interface Instances {
  urls: string[];
  redisUrl: string;
  redisPrefix: string;
  /** The Redis keys the instances wrote, without the prefix. */
  redisKeys(pattern?: string): Promise<string[]>;
  stop(): Promise<void>;
}

const adminUrl = () => process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = () => process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The one database the instances share, made anew for each set of instances (one name per work tree). */
function freshDatabase(): Promise<ScratchDatabase> {
  const tree = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 8);
  return createDatabase(adminUrl(), `kite_test_e2e_shared_${tree}`, {
    replace: true,
    unreachable: (error) =>
      new Error(
        `PostgreSQL is not reachable at ${adminUrl()} (${error.message}): instances share one database, ` +
          "which PGlite cannot be. Start one (README: Tests) or set PG_ADMIN_URL.",
      ),
  });
}

async function connectRedis(url: string) {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${url} (${(error as Error).message}): the instances share their cache there. ` +
        'Start redis-server (redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "") or set TEST_REDIS_URL.',
    );
  }
  return client;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the instance on ${url} exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the instance on ${url} did not become healthy within 90 s:\n${log()}`);
}

/** Starts `ports.length` instances, one after another (the first one migrates and seeds the database). */
export async function startInstances(
  ports: number[],
  extraEnv: Record<string, string> = {},
): Promise<Instances> {
  const redis = await connectRedis(redisUrl());
  const database = await freshDatabase();
  const prefix = `kite-e2e:${randomBytes(6).toString("hex")}:`;
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children) {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
    }
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)),
    );
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) await redis.del(keys);
    }
    redis.destroy();
    await database.drop();
  };
  try {
    for (const port of ports) {
      const url = `http://localhost:${port}`;
      let output = "";
      const child = spawn(process.execPath, ["scripts/server.mjs", "--port", String(port)], {
        // Its own process group: `stop` ends next-server with it.
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          STORE_ENV: "test",
          QA_SECRET,
          NEXTAUTH_URL: url,
          NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl(),
          REDIS_KEY_PREFIX: prefix,
          STRIPE_LOCAL_PORT: "12119",
          STRIPE_WEBHOOK_SECRET: "whsec_e2e_local_secret",
          ...extraEnv,
        },
      });
      children.push(child);
      const collect = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
      };
      child.stdout?.on("data", collect);
      child.stderr?.on("data", collect);
      await waitForHealth(url, child, () => output);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urls: ports.map((p) => `http://localhost:${p}`),
    redisUrl: redisUrl(),
    redisPrefix: prefix,
    async redisKeys(pattern = "*") {
      const found: string[] = [];
      for await (const keys of redis.scanIterator({ MATCH: `${prefix}${pattern}`, COUNT: 1000 })) {
        found.push(...keys.map((k) => k.slice(prefix.length)));
      }
      return found;
    },
    stop,
  };
}
