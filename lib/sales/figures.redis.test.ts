import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RedisClient } from "@/lib/redis";
import { countingLoader } from "@/tests/helpers/loaders";
import { openUnreachableRedis, setupTestRedis } from "@/tests/helpers/redis";
import { createRedisFiguresStore, reviveSaleCounts, type SaleCounts } from "./figures";

const COUNTS: SaleCounts = {
  saleId: "7b0e4c1e-2d0a-4f4e-9d55-3f7a2b9c1d01",
  status: "scheduled",
  registrationOpensAt: new Date("2030-01-01T00:00:00Z"),
  registrationClosesAt: new Date("2030-01-02T00:00:00Z"),
  startsAt: new Date("2030-01-03T04:00:00Z"),
  endsAt: new Date("2030-01-03T06:00:00Z"),
  soldOutAt: new Date("2030-01-03T04:00:38Z"),
  quantity: 100,
  remaining: 3,
  setAside: 0,
  held: 7,
  sold: 90,
  registrations: 1234,
  fcodeSold: 0,
  presses: 0,
  refused: 0,
  skus: [{ skuId: 1, quantity: 100, remaining: 3, setAside: 0, held: 7, sold: 90 }],
};

const redis = setupTestRedis();

afterEach(() => {
  vi.restoreAllMocks();
});

function countsStore(client: RedisClient | undefined, ttlMs = 1000) {
  if (!client) throw new Error("Redis client expected");
  return createRedisFiguresStore<SaleCounts | null>({
    client,
    prefix: redis.prefix,
    ttlMs,
    revive: (json) => (json === null ? null : reviveSaleCounts(json)),
  });
}

describe("live figures cache in Redis", () => {
  it("two instances share one load within the TTL; one instance's concurrent misses share one load", async () => {
    const [first, second] = redis.clients;
    const a = countsStore(first);
    const b = countsStore(second);
    const counts = countingLoader(() => COUNTS, { delayMs: 20 });
    const burst = await Promise.all(Array.from({ length: 20 }, () => a.get("sale", counts.load)));
    expect(counts.loads).toBe(1);
    expect(burst.every((v) => v === burst[0])).toBe(true);
    // From Redis, as JSON: the dates must come back as dates.
    expect(await b.get("sale", counts.load)).toEqual(COUNTS);
    expect(counts.loads).toBe(1);

    // An unknown sale's null is cached too.
    const unknown = countingLoader(() => null);
    expect(await a.get("nope", unknown.load)).toBeNull();
    expect(await b.get("nope", unknown.load)).toBeNull();
    expect(unknown.loads).toBe(1);
  });

  it("stores with SET PX, so after the TTL the next instance loads again", async () => {
    const [first, second] = redis.clients;
    const a = countsStore(first, 150);
    const b = countsStore(second, 150);
    let loads = 0;
    const load = async () => {
      loads += 1;
      return { ...COUNTS, remaining: loads };
    };
    expect((await a.get("sale", load))?.remaining).toBe(1);
    const ttl = await first?.pTTL(`${redis.prefix}sale`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(150);
    await sleep(200);
    expect((await b.get("sale", load))?.remaining).toBe(2);
    expect((await a.get("sale", load))?.remaining).toBe(2);
    expect(loads).toBe(2);
  });

  it("fails open to the instance's memory cache when Redis does not answer", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = await openUnreachableRedis();
    try {
      const store = countsStore(client);
      let loads = 0;
      const load = async () => {
        loads += 1;
        return COUNTS;
      };
      const started = Date.now();
      expect(await store.get("sale", load)).toEqual(COUNTS);
      expect(await store.get("sale", load)).toEqual(COUNTS);
      expect(loads).toBe(1);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      client.destroy();
    }
  });
});
