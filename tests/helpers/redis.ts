import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createRedisRateLimiter, type RateLimiter } from "@/lib/rate-limit/limiter";
import { createRedisClient, type RedisClient } from "@/lib/redis";
import { freePort } from "./ports";

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}

export interface TestRedis {
  /** One connected client per simulated app instance. */
  clients: RedisClient[];
  /** A new random key prefix, one per test, so runs and tests never share keys. */
  newPrefix: () => string;
  /** Deletes the keys under every prefix handed out and closes the clients. */
  close: () => Promise<void>;
}

/** Connected clients to TEST_REDIS_URL. Without a Redis server this fails (never skips), saying how to start one. */
export async function openTestRedis({ instances = 2 }: { instances?: number } = {}): Promise<TestRedis> {
  const url = testRedisUrl();
  const clients = Array.from({ length: instances }, () => createRedisClient(url));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(clients.map((c) => c.connect())),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 2 s")), 2000);
      }),
    ]);
  } catch (error) {
    for (const c of clients) c.destroy();
    throw new Error(
      `Redis is required for the *.redis tests and is not reachable at ${url} (${(error as Error).message}). ` +
        `Start redis-server (.ci/run does: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" ` +
        "--appendonly no) or set TEST_REDIS_URL.",
    );
  } finally {
    clearTimeout(timer);
  }
  const root = `kite-test:${randomBytes(6).toString("hex")}:`;
  return {
    clients,
    newPrefix: () => `${root}${randomBytes(4).toString("hex")}:`,
    close: async () => {
      const [first] = clients;
      if (first) {
        for await (const keys of first.scanIterator({ MATCH: `${root}*`, COUNT: 1000 })) {
          if (keys.length > 0) await first.del(keys);
        }
      }
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}

/**
 * Registers the hooks of a Redis test file: connects once, gives each test a fresh key prefix, and cleans up.
 * When Redis is missing every test fails with the reason rather than being reported as skipped.
 */
export function setupTestRedis({ instances = 2 }: { instances?: number } = {}): {
  clients: RedisClient[];
  prefix: string;
} {
  const current = { clients: [] as RedisClient[], prefix: "" };
  let opened: TestRedis | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      opened = await openTestRedis({ instances });
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (!opened) throw failure;
    current.clients = opened.clients;
    current.prefix = opened.newPrefix();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return current;
}

/** A client for a port where nothing listens: Redis "down" for the fail-open paths. */
export async function openUnreachableRedis(): Promise<RedisClient> {
  const port = await freePort();
  const client = createRedisClient(`redis://127.0.0.1:${port}`);
  client.connect().catch(() => {});
  return client;
}

/**
 * Two rate limiters on two Redis connections under each test's fresh prefix: two app instances sharing one Redis.
 * `a` and `b` are replaced before each test; `redis` is the underlying setup for tests that read keys directly.
 */
export function setupRedisLimiterPair(): {
  a: RateLimiter;
  b: RateLimiter;
  redis: ReturnType<typeof setupTestRedis>;
} {
  const redis = setupTestRedis();
  const pair = { redis } as { a: RateLimiter; b: RateLimiter; redis: typeof redis };
  beforeEach(() => {
    const [first, second] = redis.clients;
    if (!first || !second) throw new Error("two Redis clients expected");
    pair.a = createRedisRateLimiter({ client: first, prefix: redis.prefix });
    pair.b = createRedisRateLimiter({ client: second, prefix: redis.prefix });
  });
  return pair;
}
