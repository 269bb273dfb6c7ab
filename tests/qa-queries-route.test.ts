import { afterEach, describe, expect, it, vi } from "vitest";
import { installQueryProbes, uninstallQueryProbes } from "@/scripts/query-probes.mjs";

const SECRET = "qa-secret-for-the-queries-route";

/** The route as a server with this environment would load it (lib/env.ts reads the environment once). */
async function loadRoute(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import("@/app/api/qa/queries/route");
}

function get(path: string, secret?: string) {
  return new Request(`http://store.test${path}`, {
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
  uninstallQueryProbes();
});

describe("GET /api/qa/queries", () => {
  it("is not there without a QA secret, nor in production with one", async () => {
    const withoutSecret = await loadRoute({ STORE_ENV: "test", QA_SECRET: undefined });
    expect((await withoutSecret.GET(get("/api/qa/queries", SECRET))).status).toBe(404);
    const production = await loadRoute({ STORE_ENV: "production", QA_SECRET: SECRET });
    expect((await production.GET(get("/api/qa/queries", SECRET))).status).toBe(404);
  });

  it("answers only to the QA secret", async () => {
    const route = await loadRoute({ STORE_ENV: "test", QA_SECRET: SECRET });
    expect((await route.GET(get("/api/qa/queries"))).status).toBe(401);
    expect((await route.GET(get("/api/qa/queries", "wrong-secret-of-other-length"))).status).toBe(401);
    const res = await route.GET(get("/api/qa/queries", SECRET));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = (await res.json()) as { count: unknown; probe?: unknown };
    expect(typeof body.count).toBe("number");
    expect("probe" in body).toBe(false);
  });

  it("reads a probe's count, null when the server counts no probes, 400 for a malformed id", async () => {
    const route = await loadRoute({ STORE_ENV: "test", QA_SECRET: SECRET });
    const without = (await (await route.GET(get("/api/qa/queries?probe=p1", SECRET))).json()) as {
      probe: number | null;
    };
    expect(without.probe).toBeNull();
    installQueryProbes();
    const unknown = (await (await route.GET(get("/api/qa/queries?probe=p1", SECRET))).json()) as {
      probe: number | null;
    };
    expect(unknown.probe).toBe(0);
    expect((await route.GET(get("/api/qa/queries?probe=a%20b", SECRET))).status).toBe(400);
  });
});
