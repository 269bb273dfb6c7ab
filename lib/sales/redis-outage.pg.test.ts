import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { asc, eq } from "drizzle-orm";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { products, skus } from "@/db/schema";
import { openSeededPostgres } from "@/tests/helpers/db";
import { freePort } from "@/tests/helpers/ports";
import { createSale } from "./commands";
import { accountsOverLimit, bucketMismatches, insertUsers, registerUsers } from "./test-support";

/*
 * Redis goes away in the middle of a sale. The store's own Redis client (getRedis, from REDIS_URL) points at a
 * throwaway redis-server that this file starts and then kills: Buy now (rate limits, the reserve, the live figures)
 * keeps working on each instance's in-process fallbacks, says in the log that it fell back, and shares through
 * Redis again once it is back.
 */

type Store = {
  redis: typeof import("@/lib/redis");
  rateLimit: typeof import("./rate-limit");
  reserve: typeof import("./reserve");
  figures: typeof import("./figures");
};

const T0 = new Date("2030-07-01T04:00:00Z");
const UNITS = 200;

let handle: DbHandle;
let store: Store;
let port: number;
let redisServer: ChildProcess | undefined;
let saleId: string;
let skuId: number;
let fans: string[];

/** A redis-server child on `port`, answering PING before this returns. */
async function startRedisServer(): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: "ignore" },
  );
  const probe = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } });
  probe.on("error", () => {});
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      await probe.close();
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer on port ${port}`);
}

async function stopRedisServer() {
  const child = redisServer;
  redisServer = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

/** What a shared key set looks like from outside the store: keys under the store's prefixes. */
async function keysInRedis(pattern: string): Promise<string[]> {
  const probe = createClient({ url: `redis://127.0.0.1:${port}` });
  await probe.connect();
  try {
    return await probe.keys(pattern);
  } finally {
    await probe.close();
  }
}

/** Buy now as the action runs it: the rate limits, then the reserve; and the live figures the page polls. */
async function buyNow(userId: string, now: Date) {
  const limited = await store.rateLimit.checkSaleRateLimit(store.rateLimit.getSaleRateLimiter(), {
    action: "reserve",
    userId,
    ip: "203.0.113.7",
    now,
  });
  if (!limited.ok) return { limited, reserved: null, figures: null };
  const reserved = await store.reserve.reserveSaleUnit(handle.db, {
    saleId,
    skuId,
    userId,
    now,
    holdMinutes: 10,
    requestKey: `buy-${userId}`,
    queueForCheckout: true,
  });
  const figures = await store.figures.cachedFigures(handle.db, { saleId, now });
  return { limited, reserved, figures };
}

beforeAll(async () => {
  port = await freePort();
  redisServer = await startRedisServer();
  // The store reads REDIS_URL once, when lib/env is first imported: set it, then load the store's modules.
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  // This file's static imports may already have loaded lib/env (through the fixtures) without REDIS_URL: load the
  // store's modules afresh so they read it.
  vi.resetModules();
  store = {
    redis: await import("@/lib/redis"),
    rateLimit: await import("./rate-limit"),
    reserve: await import("./reserve"),
    figures: await import("./figures"),
  };
  handle = await openSeededPostgres({ poolMax: 4 });
  const [pro] = await handle.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.slug, "kite-9-pro"));
  if (!pro) throw new Error("kite-9-pro not seeded");
  const [first] = await handle.db
    .select({ id: skus.id })
    .from(skus)
    .where(eq(skus.productId, pro.id))
    .orderBy(asc(skus.position));
  skuId = first?.id as number;
  const sale = await createSale(handle.db, {
    slug: "redis-outage",
    name: "Redis outage",
    productId: pro.id,
    registrationOpensAt: new Date(T0.getTime() - 86_400_000),
    registrationClosesAt: T0,
    startsAt: T0,
    endsAt: new Date(T0.getTime() + 7_200_000),
    perAccountLimit: 1,
    skus: [{ skuId, quantity: UNITS, salePriceMinor: 399900 }],
  });
  if (!sale.ok) throw new Error(sale.message);
  saleId = sale.saleId;
  fans = await insertUsers(handle.db, { prefix: "redis-outage", count: 60 });
  await registerUsers(handle.db, { saleId, userIds: fans });
});

afterAll(async () => {
  store?.redis.getRedis()?.destroy();
  await stopRedisServer();
  await handle?.close();
});

describe("Redis stops during a sale", () => {
  it("Buy now keeps working on the in-process fallbacks, logs that it fell back, and shares through Redis again", async () => {
    const client = store.redis.getRedis();
    expect(client).not.toBeNull();
    const logged: string[] = [];
    const capture = (...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    };
    vi.spyOn(console, "warn").mockImplementation(capture);
    vi.spyOn(console, "info").mockImplementation(capture);
    const [early, during, after] = [fans.slice(0, 10), fans.slice(10, 50), fans.slice(50, 60)];
    let tick = 0;
    const at = () => new Date(T0.getTime() + 1000 * ++tick);

    // Redis up: the store's buckets and cached figures really live in this Redis.
    for (const userId of early) {
      expect(await buyNow(userId, at())).toMatchObject({
        limited: { ok: true },
        reserved: { ok: true, existing: false },
      });
    }
    expect(await keysInRedis("kite:rate:reserve:user:*")).toHaveLength(early.length);
    expect(await keysInRedis("kite:figures:*")).not.toHaveLength(0);
    expect(logged.filter((l) => l.includes("[redis]"))).toEqual([]);

    // Redis dies mid-sale.
    await stopRedisServer();
    const started = Date.now();
    for (const userId of during) {
      const t0 = Date.now();
      const { limited, reserved, figures } = await buyNow(userId, at());
      expect(limited).toEqual({ ok: true });
      expect(reserved).toMatchObject({ ok: true, existing: false });
      expect(figures?.saleId).toBe(saleId);
      // At most one wait on Redis per call (its 500 ms timeout), and none once the outage is known.
      expect(Date.now() - t0).toBeLessThan(3 * store.redis.REDIS_TIMEOUT_MS);
    }
    // Known down, calls skip Redis: the 40 fans together took about the time of the first one's timeouts.
    expect(Date.now() - started).toBeLessThan(40 * store.redis.REDIS_TIMEOUT_MS);
    // The limits still limit on this instance's memory: a fan's 6th click in one second is refused.
    const clicker = during[0] as string;
    const burst = [];
    for (let i = 0; i < 6; i++) {
      burst.push(
        await store.rateLimit.checkSaleRateLimit(store.rateLimit.getSaleRateLimiter(), {
          action: "reserve",
          userId: clicker,
          ip: "198.51.100.9",
          now: new Date(T0.getTime() + 3_600_000),
        }),
      );
    }
    expect(burst.map((r) => r.ok)).toEqual([true, true, true, true, true, false]);
    expect(burst[5]).toMatchObject({ code: "rate_limited" });
    // …and the log says so, once per outage and part, not once per request.
    const fellBack = logged.filter((l) => l.includes("using this instance's memory"));
    expect(fellBack.some((l) => l.startsWith("[redis] rate limits: no answer"))).toBe(true);
    expect(fellBack.some((l) => l.startsWith("[redis] cache kite:figures:"))).toBe(true);
    // The third part: the sold-out memo's record of who holds a unit (lib/sales/sold-out-memo.ts).
    expect(fellBack.some((l) => l.startsWith("[redis] sale holders: no answer"))).toBe(true);
    expect(fellBack.length).toBeLessThanOrEqual(3);
    expect(logged.filter((l) => l.startsWith(`[redis] connection to 127.0.0.1:${port} failed`))).toHaveLength(
      1,
    );

    // Redis is back (same port, empty): the client reconnects by itself and limits are shared again.
    redisServer = await startRedisServer();
    await expect.poll(() => client?.isReady, { timeout: 5_000 }).toBe(true);
    for (const userId of after) {
      expect(await buyNow(userId, at())).toMatchObject({ reserved: { ok: true, existing: false } });
    }
    expect(await keysInRedis("kite:rate:reserve:user:*")).toHaveLength(after.length);
    expect(logged.some((l) => l.startsWith("[redis] rate limits: shared through Redis again"))).toBe(true);

    // Stock was guarded by PostgreSQL throughout: one unit per fan, the accounting exact.
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
    expect(await accountsOverLimit(handle.db, { saleId })).toEqual([]);
    const figures = await store.figures.getSaleFigures(handle.db, { saleId, now: at() });
    expect(figures).toMatchObject({ held: fans.length, remaining: UNITS - fans.length, sold: 0 });
  });
});
