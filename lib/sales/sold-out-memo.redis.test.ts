import { describe, expect, it } from "vitest";
import { openUnreachableRedis, setupTestRedis } from "@/tests/helpers/redis";
import { createRedisHolderStore } from "./sold-out-memo";

describe("sale holders in Redis, shared by every instance", () => {
  const redis = setupTestRedis({ instances: 2 });

  it("a holder recorded by one instance is known to the other; others are not", async () => {
    const [a, b] = redis.clients;
    if (!a || !b) throw new Error("two clients");
    const here = createRedisHolderStore(a, redis.prefix);
    const there = createRedisHolderStore(b, redis.prefix);
    expect(await here.add("sale-1", "fan-1")).toBe(true);
    expect(await there.has("sale-1", "fan-1")).toBe(true);
    expect(await there.has("sale-1", "fan-2")).toBe(false);
    expect(await there.has("sale-2", "fan-1")).toBe(false);
    expect(await a.ttl(`${redis.prefix}sale-1`)).toBeGreaterThan(3600);
  });

  it("without an answer from Redis, says it cannot tell (and could not record)", async () => {
    const client = await openUnreachableRedis();
    try {
      const store = createRedisHolderStore(client, redis.prefix);
      expect(await store.has("sale-1", "fan-1")).toBeNull();
      expect(await store.add("sale-1", "fan-1")).toBe(false);
    } finally {
      client.destroy();
    }
  });
});
