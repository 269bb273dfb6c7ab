import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

/** A production server's environment, as `next start` (NODE_ENV=production) sees it, with `overrides`. */
async function loadProductionEnv(overrides: Record<string, string | undefined>) {
  const base: Record<string, string | undefined> = { ...saved, NODE_ENV: "production" };
  for (const name of ["STORE_ENV", "QA_SECRET", "SEED_DEMO", "CRON_SECRET", "STRIPE_SECRET_KEY"]) {
    delete base[name];
  }
  for (const name of ["STRIPE_WEBHOOK_SECRET", "DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET"]) {
    delete base[name];
  }
  process.env = { ...base, ...overrides } as NodeJS.ProcessEnv;
  vi.resetModules();
  return import("./env");
}

const COMPLETE = {
  DATABASE_URL: "postgres://kite@db.internal:5432/kite",
  NEXTAUTH_SECRET: "a-long-production-secret-value-0123456789",
  NEXTAUTH_URL: "https://kite.example",
  // Built from parts so no scanner mistakes a placeholder for a committed live key.
  STRIPE_SECRET_KEY: ["sk", "live", "placeholder"].join("_"),
  STRIPE_WEBHOOK_SECRET: "whsec_0123456789",
  CRON_SECRET: "cron-secret-0123456789",
  TRUSTED_PROXIES: "1",
};

describe("a production server's environment", () => {
  it("is production when STORE_ENV is forgotten: no demo data, no QA tools", async () => {
    const env = await loadProductionEnv(COMPLETE);
    expect(env.env.STORE_ENV).toBe("production");
    expect(env.isProduction).toBe(true);
    expect(env.seedsDemoData).toBe(false);
    expect(env.qaToolsEnabled).toBe(false);
  });

  it("names every missing or unsafe setting in one message", async () => {
    const error = await loadProductionEnv({
      NEXTAUTH_URL: "http://kite.example",
      QA_SECRET: "qa-secret-0123456789",
      SEED_DEMO: "true",
    }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).not.toBeNull();
    for (const name of [
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL: must be https",
      "STRIPE_SECRET_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "CRON_SECRET",
      "QA_SECRET",
      "SEED_DEMO",
      "TRUSTED_PROXIES",
    ]) {
      expect(error, name).toContain(name);
    }
  });

  it("accepts the store's own server in place of TRUSTED_PROXIES, and is silent while building", async () => {
    await expect(
      loadProductionEnv({ ...COMPLETE, TRUSTED_PROXIES: undefined, KITE_SOCKET_ADDRESS_HEADER: "1" }),
    ).resolves.toBeDefined();
    await expect(loadProductionEnv({ NEXT_PHASE: "phase-production-build" })).resolves.toBeDefined();
  });

  it("behind PgBouncer's transaction pooling, asks for the direct URL that migrations need", async () => {
    const error = await loadProductionEnv({ ...COMPLETE, DATABASE_POOL_MODE: "transaction" }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain("DATABASE_DIRECT_URL");
    const env = await loadProductionEnv({
      ...COMPLETE,
      DATABASE_POOL_MODE: "transaction",
      DATABASE_DIRECT_URL: "postgres://kite@db.internal:5432/kite",
    });
    expect(env.env.DATABASE_POOL_MODE).toBe("transaction");
  });

  it("seeds demo data in development and tests only (staging when asked)", async () => {
    const at = async (STORE_ENV: string, SEED_DEMO?: string) => {
      process.env = { ...saved, NODE_ENV: "test", STORE_ENV, SEED_DEMO } as NodeJS.ProcessEnv;
      vi.resetModules();
      return (await import("./env")).seedsDemoData;
    };
    expect(await at("development")).toBe(true);
    expect(await at("test")).toBe(true);
    expect(await at("staging")).toBe(false);
    expect(await at("staging", "true")).toBe(true);
    expect(await at("production", "true")).toBe(false);
  });

  it("guards both cron routes with CRON_SECRET; only outside production may they run without one", async () => {
    await loadProductionEnv(COMPLETE);
    const cron = await import("./http/cron");
    const call = (authorization?: string) =>
      new Request("https://kite.example/api/cron/release-holds", {
        method: "POST",
        headers: authorization ? { authorization } : {},
      });
    expect(cron.isCronAuthorised(call())).toBe(false);
    expect(cron.isCronAuthorised(call("Bearer wrong-secret-0123456789"))).toBe(false);
    expect(cron.isCronAuthorised(call(`Bearer ${COMPLETE.CRON_SECRET}`))).toBe(true);
    const handler = cron.cronJobHandler(async () => ({ ran: true }));
    expect((await handler(call())).status).toBe(401);

    process.env = {
      ...saved,
      NODE_ENV: "test",
      STORE_ENV: "test",
      CRON_SECRET: undefined,
    } as NodeJS.ProcessEnv;
    vi.resetModules();
    expect((await import("./http/cron")).isCronAuthorised(call())).toBe(true);
  });

  it("sends HSTS on pages when the store's own URL is https, and not over plain http", async () => {
    const { NextRequest } = await import("next/server");
    await loadProductionEnv(COMPLETE);
    const secure = await (await import("@/proxy")).proxy(new NextRequest("https://kite.example/sign-in"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");

    process.env = { ...saved, NODE_ENV: "test", STORE_ENV: "test", NEXTAUTH_URL: "http://localhost:3000" };
    vi.resetModules();
    const plain = await (await import("@/proxy")).proxy(new NextRequest("http://localhost:3000/sign-in"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
