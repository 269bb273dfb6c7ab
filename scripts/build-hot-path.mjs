// Bundles lib/sales/hot-path.ts (the lean reserve handler in front of Next) for scripts/server.mjs, which runs it
// in plain Node: the store's TypeScript with its `@/` paths resolved, every npm package left to node_modules
// (so the database pool, env and rule modules are the same code Next bundles), `server-only` as the empty module
// it is on the server. About a second; server.mjs calls it at start, so the bundle always matches the code.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const HOT_PATH_BUNDLE = path.join(root, ".next", "kite", "hot-path.mjs");

export async function buildHotPath() {
  await build({
    entryPoints: [path.join(root, "lib/sales/hot-path.ts")],
    outfile: HOT_PATH_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    alias: { "server-only": path.join(root, "node_modules/server-only/empty.js") },
    packages: "external",
    logLevel: "warning",
    sourcemap: "linked",
  });
  return HOT_PATH_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`› ${path.relative(root, await buildHotPath())}`);
}
