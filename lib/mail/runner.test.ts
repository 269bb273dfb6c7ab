import { describe, expect, it } from "vitest";
import { freshEnvironment } from "@/tests/helpers/env";

const { withEnv } = freshEnvironment();

async function load(overrides: Record<string, string | undefined>) {
  withEnv(overrides);
  const [env, runner] = await Promise.all([import("@/lib/env"), import("./runner")]);
  return { devMailboxEnabled: env.devMailboxEnabled, warnings: runner.mailStartupWarnings() };
}

const PRODUCTION = { NODE_ENV: "test", STORE_ENV: "production" };

describe("where mail goes", () => {
  it("development and tests keep mail in the outbox, shown by the dev mailbox, with nothing to warn about", async () => {
    for (const STORE_ENV of ["development", "test"]) {
      expect(await load({ STORE_ENV, SMTP_URL: undefined })).toEqual({
        devMailboxEnabled: true,
        warnings: [],
      });
    }
  });

  it("production and staging have no dev mailbox, and say clearly at start when SMTP_URL is missing", async () => {
    for (const STORE_ENV of ["production", "staging"]) {
      const { devMailboxEnabled, warnings } = await load({ ...PRODUCTION, STORE_ENV, SMTP_URL: undefined });
      expect(devMailboxEnabled).toBe(false);
      expect(warnings).toEqual([expect.stringMatching(/SMTP_URL is not set.*NOT SENT/)]);
    }
    const configured = await load({
      ...PRODUCTION,
      SMTP_URL: "smtps://u:p@mail.example:465",
      MAIL_FROM: "Kite <hi@kite.example>",
    });
    expect(configured).toEqual({ devMailboxEnabled: false, warnings: [] });
    const placeholderFrom = await load({
      ...PRODUCTION,
      SMTP_URL: "smtp://mail.example:587",
      MAIL_FROM: undefined,
    });
    expect(placeholderFrom.warnings).toEqual([expect.stringMatching(/MAIL_FROM is not set/)]);
  });

  it("refuses an SMTP_URL or MAIL_FROM that cannot work, naming the variable", async () => {
    await expect(load({ SMTP_URL: "http://mail.example" })).rejects.toThrow(/SMTP_URL/);
    await expect(load({ MAIL_FROM: "not an address" })).rejects.toThrow(/MAIL_FROM/);
  });
});
