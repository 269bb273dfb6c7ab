/** Types of redis-cache-handler.mjs (plain JavaScript: Next imports it at run time, outside the app's bundles). */
import type { createClient } from "redis";

export const REDIS_CACHE_TIMEOUT_MS: number;
export const FETCH_ENTRY_TTL_SECONDS: number;
export const ENTRY_MAX_TTL_SECONDS: number;

type Client = Pick<ReturnType<typeof createClient>, "isReady" | "get" | "set" | "del" | "mGet" | "multi">;

export interface CachedEntry {
  lastModified: number;
  // biome-ignore lint/suspicious/noExplicitAny: Next's cache values are its own internal shapes.
  value: any;
  cacheControl?: { revalidate: number | false; expire?: number };
}

export interface RedisCache {
  get(
    key: string,
    ctx: { kind: string; tags?: string[]; softTags?: string[]; revalidate?: number },
  ): Promise<CachedEntry | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  pendingTagCount(): number;
}

export function createRedisCache(options: {
  client: Client | { isReady: boolean } | null;
  connecting?: Promise<unknown> | null;
  prefix?: string;
  now?: () => number;
  log?: Pick<Console, "warn" | "info">;
}): RedisCache;

export default class RedisCacheHandler {
  get(key: string, ctx: unknown): Promise<CachedEntry | null>;
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
