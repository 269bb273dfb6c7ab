import "server-only";
import { createHash } from "node:crypto";
import { createClient } from "redis";
import { env } from "@/lib/env";

/**
 * Redis shares rate-limit buckets and live-figure caches across instances when REDIS_URL is set. Redis is a
 * helper, not a store of record: a call that gets no answer in time falls back to the instance's memory.
 */
export const REDIS_TIMEOUT_MS = 500;

function message(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** A client that is not connected yet. Errors are logged, once per outage, and never thrown at the process. */
export function createRedisClient(url: string) {
  const client = createClient({
    url,
    // Commands queued while (re)connecting are dropped after this long instead of running late.
    commandOptions: { timeout: REDIS_TIMEOUT_MS },
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(2 ** retries * 50, 2000) },
  });
  let failing = false;
  // Without an `error` listener node-redis's EventEmitter crashes the process; it reconnects by itself.
  client.on("error", (error: unknown) => {
    if (!failing) console.warn(`[redis] connection to ${new URL(url).host} failed:`, message(error));
    failing = true;
  });
  client.on("ready", () => {
    if (failing) console.info(`[redis] connected to ${new URL(url).host} again`);
    failing = false;
  });
  return client;
}

export type RedisClient = ReturnType<typeof createRedisClient>;

/** The key prefix of one area of the store's Redis keys: REDIS_KEY_PREFIX (default "kite:") + area + ":". */
export function redisKeyPrefix(area: string): string {
  return `${env.REDIS_KEY_PREFIX}${area}:`;
}

const globalForRedis = globalThis as unknown as { __kiteRedis?: RedisClient };

/**
 * The process's one Redis client, or null without REDIS_URL. It connects on first use and reconnects on its own.
 * Kept on globalThis: route handlers and actions are separate bundles.
 */
export function getRedis(): RedisClient | null {
  if (!env.REDIS_URL) return null;
  if (!globalForRedis.__kiteRedis) {
    const client = createRedisClient(env.REDIS_URL);
    client.connect().catch(() => {
      // Logged by the error listener; the client keeps retrying and commands fail open meanwhile.
    });
    globalForRedis.__kiteRedis = client;
  }
  return globalForRedis.__kiteRedis;
}

/**
 * Runs a Redis step and, when Redis does not answer within REDIS_TIMEOUT_MS, the fallback instead. Logs once per
 * outage of `what`; while the client is known to be disconnected, calls skip straight to the fallback rather than
 * each waiting out the timeout. Errors thrown by the fallback itself propagate.
 */
export function createRedisFallback(what: string) {
  let down = false;
  return async function withFallback<T>(
    client: RedisClient,
    step: (client: RedisClient) => Promise<T>,
    fallback: () => Promise<T>,
  ): Promise<T> {
    if (down && !client.isReady) return fallback();
    let value: T;
    try {
      value = await withTimeout(step(client), REDIS_TIMEOUT_MS);
    } catch (error) {
      if (!down) console.warn(`[redis] ${what}: no answer, using this instance's memory:`, message(error));
      down = true;
      return fallback();
    }
    if (down) console.info(`[redis] ${what}: shared through Redis again`);
    down = false;
    return value;
  };
}

// The client's own timeout covers queued commands only; a sent command on a black-holed connection waits for TCP.
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A Lua script run by EVALSHA, sent in full only when the server does not know it yet (NOSCRIPT). */
export function defineLuaScript(source: string) {
  const sha = createHash("sha1").update(source).digest("hex");
  return async function run(client: RedisClient, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await client.evalSha(sha, { keys, arguments: args });
    } catch (error) {
      if (!message(error).startsWith("NOSCRIPT")) throw error;
      return client.eval(source, { keys, arguments: args });
    }
  };
}
