import { describe, expect, it, vi } from "vitest";
import type { RedisClient } from "@/lib/redis";
import { openUnreachableRedis, setupTestRedis } from "@/tests/helpers/redis";
import { createRedisCache } from "./redis-cache-handler.mjs";

const redis = setupTestRedis();

const quietLog = () => ({ warn: vi.fn(), info: vi.fn() });

function twoInstances(now = () => Date.now()) {
  const [a, b] = redis.clients as [RedisClient, RedisClient];
  return {
    a: createRedisCache({ client: a, prefix: redis.prefix, now, log: quietLog() }),
    b: createRedisCache({ client: b, prefix: redis.prefix, now, log: quietLog() }),
  };
}

const page = (html: string, tags: string[]) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc:${html}\u0000\u00ff`),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
  segmentData: new Map([["/_tree", Buffer.from([0, 1, 2, 255])]]),
  postponed: undefined,
});
const pageCtx = { cacheControl: { revalidate: 60, expire: 3600 } };

describe("Next's cache handler on Redis", () => {
  it("a page one instance rendered is served by the other, bytes intact, with its lifetime", async () => {
    const { a, b } = twoInstances();
    await a.set("/route-cache/APP_PAGE/x/$/home/2027-01-01", page("<p>hi</p>", ["hero"]), pageCtx);
    const got = await b.get("/route-cache/APP_PAGE/x/$/home/2027-01-01", { kind: "APP_PAGE" });
    expect(got?.value).toEqual(page("<p>hi</p>", ["hero"]));
    expect(Buffer.isBuffer(got?.value.rscData)).toBe(true);
    expect(got?.value.segmentData.get("/_tree")).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(got?.cacheControl).toEqual({ revalidate: 60, expire: 3600 });
    const ttl = await redis.clients[0]?.ttl(
      `${redis.prefix}cache:e:/route-cache/APP_PAGE/x/$/home/2027-01-01`,
    );
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("a tag expired through one instance expires the page and the data on the other; later writes are fresh", async () => {
    let clock = 1_000_000;
    const { a, b } = twoInstances(() => clock);
    await a.set("home", page("old", ["_N_T_/home/2027-01-01", "hero"]), pageCtx);
    const data = { kind: "FETCH", data: { headers: {}, body: '"old"', status: 200 }, revalidate: 60 };
    await a.set("hero-data", data, { fetchCache: true, tags: ["hero"], revalidate: 60 });
    await a.set("cards", { ...data }, { fetchCache: true, tags: ["products"], revalidate: 15 });

    clock += 10;
    await a.revalidateTag(["hero"]);
    clock += 1;
    expect(await b.get("home", { kind: "APP_PAGE" })).toBeNull();
    expect(await b.get("hero-data", { kind: "FETCH", tags: ["hero"], softTags: [] })).toBeNull();
    // Another tag's entry is untouched.
    expect((await b.get("cards", { kind: "FETCH", tags: ["products"], softTags: [] }))?.value).toEqual(data);

    // revalidatePath: an implicit tag Next passes only when reading (softTags) expires data-cache entries too.
    await a.revalidateTag("_N_T_/layout");
    clock += 1;
    expect(
      await b.get("cards", { kind: "FETCH", tags: ["products"], softTags: ["_N_T_/layout"] }),
    ).toBeNull();

    // Re-rendered after the edit: fresh again.
    await b.set("home", page("new", ["hero"]), pageCtx);
    expect((await a.get("home", { kind: "APP_PAGE" }))?.value.html).toBe("new");
  });

  it("a tag revalidated with a profile serves the entry once more as stale instead of dropping it", async () => {
    let clock = 5_000_000;
    const { a, b } = twoInstances(() => clock);
    await a.set("home", page("old", ["hero"]), pageCtx);
    clock += 1000;
    await a.revalidateTag(["hero"], { expire: 300 });
    const got = await b.get("home", { kind: "APP_PAGE" });
    expect(got?.value.html).toBe("old");
    // Older than its 60 s revalidate: Next serves it and re-renders in the background.
    expect(clock - (got?.lastModified ?? clock)).toBeGreaterThan(60_000);
    // After `expire` it is gone.
    clock += 301_000;
    expect(await b.get("home", { kind: "APP_PAGE" })).toBeNull();
  });

  it("without Redis: reads miss, writes are dropped, nothing throws; tag revalidations are written when it returns", async () => {
    const unreachable = await openUnreachableRedis();
    const log = quietLog();
    const down = createRedisCache({ client: unreachable, prefix: redis.prefix, log });
    await expect(down.get("home", { kind: "APP_PAGE" })).resolves.toBeNull();
    await expect(down.set("home", page("x", []), pageCtx)).resolves.toBeUndefined();
    await expect(down.revalidateTag("hero")).resolves.toBeUndefined();
    expect(down.pendingTagCount()).toBe(1);
    expect(log.warn).toHaveBeenCalledTimes(1);
    unreachable.destroy();

    // The same cache once Redis is back: the remembered revalidation reaches the other instances.
    const [real] = redis.clients as [RedisClient];
    let up = false;
    const flaky = {
      get isReady() {
        return up && real.isReady;
      },
      get: (key: string) => real.get(key),
      set: (key: string, value: string, options: { EX: number }) => real.set(key, value, options),
      del: (key: string) => real.del(key),
      mGet: (keys: string[]) => real.mGet(keys),
      multi: () => real.multi(),
    };
    const { b } = twoInstances();
    await b.set("home", page("before the edit", ["hero"]), pageCtx);
    const instance = createRedisCache({ client: flaky, prefix: redis.prefix, log });
    await new Promise((r) => setTimeout(r, 5));
    await instance.revalidateTag("hero");
    expect(instance.pendingTagCount()).toBe(1);
    expect((await b.get("home", { kind: "APP_PAGE" }))?.value.html).toBe("before the edit");
    up = true;
    expect(await instance.get("anything", { kind: "APP_PAGE" })).toBeNull();
    expect(instance.pendingTagCount()).toBe(0);
    expect(await b.get("home", { kind: "APP_PAGE" })).toBeNull();
  });
});
