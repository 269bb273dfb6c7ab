import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own wasm; bundling it copies ~15 MB into static assets and breaks at run time. pg and redis
  // are plain Node clients (redis with an optional OpenTelemetry peer): loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "redis"],
  poweredByHeader: false,
  images: { unoptimized: true },
  typedRoutes: false,
};

export default nextConfig;
