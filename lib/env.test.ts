import { describe, expect, it } from "vitest";
import { freshEnvironment } from "@/tests/helpers/env";

const { withEnv } = freshEnvironment();

async function loadEnv(overrides: Record<string, string | undefined>) {
  withEnv(overrides);
  return import("./env");
}

describe("environment", () => {
  it("turns the QA tools on outside production only", async () => {
    const staging = await loadEnv({ STORE_ENV: "staging", QA_SECRET: "qa-secret-0123456789" });
    expect(staging.qaToolsEnabled).toBe(true);
    const production = await loadEnv({
      STORE_ENV: "production",
      QA_SECRET: "qa-secret-0123456789",
      NEXTAUTH_SECRET: "a-long-production-secret-value",
    });
    expect(production.qaToolsEnabled).toBe(false);
    const noSecret = await loadEnv({ STORE_ENV: "staging", QA_SECRET: undefined });
    expect(noSecret.qaToolsEnabled).toBe(false);
  });

  it("fails at start with a message naming the bad variable", async () => {
    await expect(loadEnv({ STORE_TIMEZONE: "Mars/Olympus" })).rejects.toThrow(/STORE_TIMEZONE/);
    await expect(loadEnv({ DATABASE_URL: "mysql://x" })).rejects.toThrow(/DATABASE_URL/);
    await expect(loadEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: undefined })).rejects.toThrow(
      /NEXTAUTH_SECRET/,
    );
  });
});
