// Next's cache handler (next.config.ts `cacheHandler`) on Redis, used when REDIS_URL is set: ISR pages, route
// responses and the data cache (`unstable_cache`) are shared by every instance, and a tag revalidated through one
// instance is expired for all of them. Without REDIS_URL next.config.ts leaves Next's own on-disk cache in place.
//
// Plain JavaScript: Next imports this file at run time with Node's own loader, outside the app's bundles, so it
// cannot import TypeScript or `@/…` modules. lib/env.ts validates REDIS_URL and REDIS_KEY_PREFIX at start.
//
// Keys, under REDIS_KEY_PREFIX (default "kite:"):
//   cache:e:<key>  one entry: { v: value, t: tags, m: lastModified, c: cacheControl }, expiring with the entry
//   cache:t:<tag>  when the tag was last revalidated: "<staleAt>,<expiredAt>" (ms), kept for ENTRY_MAX_TTL_SECONDS
// An entry is expired when one of its tags was expired after it was written. Tags are timestamps rather than
// tag → key sets because Next asks with tags the entry was not written with (a data-cache read's implicit path
// tags, which `revalidatePath` expires), and because revalidating is then one write per tag, whatever the size.
//
// Redis is a cache, never the store of record: if it does not answer, a read is a miss (the page renders), a write
// is dropped, and a tag revalidation is remembered in memory and written once Redis answers again. Logged once per
// outage. A page is never a 500 because Redis is away.
import { createClient } from "redis";

/** How long a Redis step may take before the request goes on without it. */
export const REDIS_CACHE_TIMEOUT_MS = 500;
/** Data-cache entries are refreshed after their `revalidate`; none is served more than an hour old (next.config). */
export const FETCH_ENTRY_TTL_SECONDS = 3600;
/** No entry lives longer than this, so a tag's revalidation time need not be kept longer either. */
export const ENTRY_MAX_TTL_SECONDS = 86_400;
const TAGS_HEADER = "x-next-cache-tags";

function message(error) {
  return error instanceof Error ? error.message || error.name : String(error);
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Cached values hold Buffers (RSC payloads, route bodies) and a Map of segment Buffers. JSON.stringify would call
// Buffer#toJSON before a replacer sees the value, so the replacer reads the raw value from its holder.
function encode(value) {
  return JSON.stringify(value, function replace(key, converted) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { $b: raw.toString("base64") };
    if (raw instanceof Uint8Array) return { $b: Buffer.from(raw).toString("base64") };
    if (raw instanceof Map) return { $m: [...raw.entries()] };
    return converted;
  });
}

function decode(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if (typeof value.$b === "string" && Object.keys(value).length === 1)
        return Buffer.from(value.$b, "base64");
      if (Array.isArray(value.$m) && Object.keys(value).length === 1) return new Map(value.$m);
    }
    return value;
  });
}

/** The tags an entry is stored with: a data-cache entry's own, a page's or route's from Next's tags header. */
function tagsOf(data, ctx) {
  if (data?.kind === "FETCH") return Array.isArray(ctx?.tags) ? ctx.tags : [];
  const header = data?.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

function ttlSecondsOf(data, ctx) {
  const expire = data?.kind === "FETCH" ? FETCH_ENTRY_TTL_SECONDS : ctx?.cacheControl?.expire;
  const seconds = typeof expire === "number" && expire > 0 ? expire : ENTRY_MAX_TTL_SECONDS;
  return Math.min(Math.ceil(seconds), ENTRY_MAX_TTL_SECONDS);
}

/** Seconds after which Next refreshes an entry, if it has such a time. */
function revalidateSecondsOf(stored, ctx) {
  if (stored.v?.kind === "FETCH") {
    const value = ctx?.revalidate || stored.v.revalidate;
    return typeof value === "number" ? value : null;
  }
  const value = stored.c?.revalidate;
  return typeof value === "number" ? value : null;
}

/**
 * The handler's work, on a given client, with an injectable clock: tests drive two of these on one Redis as two
 * instances. `client` is a node-redis client (or null while there is none).
 */
export function createRedisCache({
  client,
  connecting = null,
  prefix = "kite:",
  now = () => Date.now(),
  log = console,
}) {
  const entryKey = (key) => `${prefix}cache:e:${key}`;
  const tagKey = (tag) => `${prefix}cache:t:${tag}`;
  /** Tag revalidations Redis did not take yet: tag → "<staleAt>,<expiredAt>". */
  const pendingTags = new Map();
  let down = false;

  function failed(what, error) {
    if (!down) log.warn(`[cache] Redis ${what} failed; serving without the shared cache:`, message(error));
    down = true;
  }

  // The first requests after start wait for the first connection (briefly) rather than miss while it is made.
  async function ready() {
    if (connecting) {
      await withTimeout(connecting, 2000).catch(() => {});
      connecting = null;
    }
    if (!client?.isReady) {
      if (!down) log.warn("[cache] Redis is not connected; serving without the shared cache");
      down = true;
      return false;
    }
    return true;
  }

  async function step(what, run) {
    const value = await withTimeout(run(), REDIS_CACHE_TIMEOUT_MS);
    if (down) log.info(`[cache] Redis answers again (${what}); the cache is shared again`);
    down = false;
    if (pendingTags.size > 0) await flushPendingTags();
    return value;
  }

  async function writeTags(entries) {
    const multi = client.multi();
    for (const [tag, value] of entries) multi.set(tagKey(tag), value, { EX: ENTRY_MAX_TTL_SECONDS });
    await multi.exec();
  }

  async function flushPendingTags() {
    const entries = [...pendingTags.entries()];
    pendingTags.clear();
    try {
      await withTimeout(writeTags(entries), REDIS_CACHE_TIMEOUT_MS);
      log.info(`[cache] wrote ${entries.length} tag revalidation(s) made while Redis was away`);
    } catch (error) {
      for (const [tag, value] of entries) if (!pendingTags.has(tag)) pendingTags.set(tag, value);
      failed("tag revalidation", error);
    }
  }

  return {
    async get(key, ctx) {
      if (!(await ready())) return null;
      try {
        return await step("read", async () => {
          const text = await client.get(entryKey(key));
          if (!text) return null;
          const stored = decode(text);
          const tags = new Set(stored.t ?? []);
          if (ctx?.kind === "FETCH")
            for (const tag of [...(ctx.tags ?? []), ...(ctx.softTags ?? [])]) tags.add(tag);
          let stale = false;
          if (tags.size > 0) {
            const marks = await client.mGet([...tags].map(tagKey));
            const at = now();
            for (const mark of marks) {
              if (!mark) continue;
              const [staleAt, expiredAt] = mark.split(",").map(Number);
              if (expiredAt > stored.m && expiredAt <= at) return null;
              if (staleAt > stored.m) stale = true;
            }
          }
          let lastModified = stored.m;
          if (stale) {
            // Revalidated with a profile (stale-while-revalidate): served once more while Next refreshes it.
            const revalidate = revalidateSecondsOf(stored, ctx);
            if (revalidate === null) return null;
            lastModified = Math.min(lastModified, now() - (revalidate + 1) * 1000);
          }
          return { lastModified, value: stored.v, ...(stored.c ? { cacheControl: stored.c } : {}) };
        });
      } catch (error) {
        failed("read", error);
        return null;
      }
    },

    async set(key, data, ctx) {
      if (!(await ready())) return;
      try {
        await step("write", async () => {
          if (!data) {
            await client.del(entryKey(key));
            return;
          }
          const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
          const stored = {
            v: data,
            t: tagsOf(data, ctx),
            m: now(),
            ...(cacheControl ? { c: cacheControl } : {}),
          };
          await client.set(entryKey(key), encode(stored), { EX: ttlSecondsOf(data, ctx) });
        });
      } catch (error) {
        failed("write", error);
      }
    },

    async revalidateTag(tags, durations) {
      const list = typeof tags === "string" ? [tags] : tags;
      if (list.length === 0) return;
      const at = now();
      // As Next's own cache: no durations expires at once; a profile marks stale now and expires after `expire`.
      const expiredAt = durations?.expire === undefined ? at : at + durations.expire * 1000;
      const staleAt = durations ? at : 0;
      const entries = list.map((tag) => [tag, `${staleAt},${expiredAt}`]);
      if (!(await ready())) {
        for (const [tag, value] of entries) pendingTags.set(tag, value);
        return;
      }
      try {
        await step("tag revalidation", () => writeTags(entries));
      } catch (error) {
        for (const [tag, value] of entries) pendingTags.set(tag, value);
        failed("tag revalidation", error);
      }
    },

    /** Tag revalidations waiting for Redis (tests and logs). */
    pendingTagCount: () => pendingTags.size,
  };
}

let shared;

/** The process's one client and cache, made on first use from the environment. */
function sharedCache() {
  if (!shared) {
    const url = process.env.REDIS_URL;
    if (url) {
      const client = createClient({
        url,
        // Commands sent while disconnected fail at once instead of waiting in a queue.
        disableOfflineQueue: true,
        socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(2 ** retries * 50, 2000) },
      });
      // Without an `error` listener node-redis crashes the process; the cache logs outages itself.
      client.on("error", () => {});
      const connecting = client.connect().catch(() => {});
      shared = createRedisCache({ client, connecting, prefix: process.env.REDIS_KEY_PREFIX ?? "kite:" });
    } else {
      shared = createRedisCache({ client: null });
    }
  }
  return shared;
}

/** What Next instantiates (once per request); the client and cache live at module scope. */
export default class RedisCacheHandler {
  get(key, ctx) {
    return sharedCache().get(key, ctx);
  }

  set(key, data, ctx) {
    return sharedCache().set(key, data, ctx);
  }

  revalidateTag(tags, durations) {
    return sharedCache().revalidateTag(tags, durations);
  }

  resetRequestCache() {}
}
