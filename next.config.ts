import path from "node:path";
import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/http/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/limits";

const nextConfig: NextConfig = {
  // PGlite ships its own wasm; bundling it copies ~15 MB into static assets and breaks at run time. pg and redis
  // are plain Node clients (redis with an optional OpenTelemetry peer): loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "redis"],
  poweredByHeader: false,
  images: { unoptimized: true },
  typedRoutes: false,
  // Shared pages (issue 16) revalidate every 60 s; a copy a CDN holds may be served stale while it refreshes, but for
  // an hour at most, not Next's default of a year.
  expireTime: 3600,
  // With REDIS_URL every instance reads and writes one cache (ISR pages, route responses, `unstable_cache` data) and
  // a tag expired through one instance is expired for all (lib/cache/redis-cache-handler.mjs). Read when the server
  // starts, so one build serves both ways. Without it, Next's own cache on this instance's disk. No `cacheHandlers`:
  // nothing here uses `"use cache"`.
  ...(process.env.REDIS_URL
    ? { cacheHandler: path.join(process.cwd(), "lib/cache/redis-cache-handler.mjs") }
    : {}),
  // Both bounds live under `experimental` in Next 16 although server actions are stable: they are the only way to
  // set them. Server actions default to 1 MB; ours are small forms (lib/limits.ts), so a bigger body is refused
  // before it is parsed. The proxy (CSP nonces) buffers a no-JS form post; it gets the same ceiling, not 10 MB.
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: SERVER_ACTION_BODY_LIMIT_BYTES,
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      // Pages get their policy, with a nonce, from proxy.ts; JSON answers get one that allows nothing.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
