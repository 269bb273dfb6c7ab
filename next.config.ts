import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships its own wasm; bundling it copies ~15 MB into static assets and breaks at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  images: { unoptimized: true },
  typedRoutes: false,
};

export default nextConfig;
