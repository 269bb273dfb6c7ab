import { describe, expect, it } from "vitest";
import { chooseWebhookSecret, LOCAL_WEBHOOK_SECRET } from "./stripe";

describe("chooseWebhookSecret", () => {
  it("uses STRIPE_WEBHOOK_SECRET whenever it is set", () => {
    for (const storeEnv of ["development", "production"]) {
      expect(chooseWebhookSecret({ webhookSecret: "whsec_real", secretKey: "sk_live_x", storeEnv })).toBe(
        "whsec_real",
      );
    }
  });

  it("falls back to the public development secret only without a real key and outside production", () => {
    expect(
      chooseWebhookSecret({ webhookSecret: undefined, secretKey: undefined, storeEnv: "development" }),
    ).toBe(LOCAL_WEBHOOK_SECRET);
    expect(chooseWebhookSecret({ webhookSecret: undefined, secretKey: undefined, storeEnv: "test" })).toBe(
      LOCAL_WEBHOOK_SECRET,
    );
    // A real key (live or test) or a production store never accepts events signed with the public secret.
    expect(
      chooseWebhookSecret({ webhookSecret: undefined, secretKey: "sk_live_abc", storeEnv: "development" }),
    ).toBeNull();
    expect(
      chooseWebhookSecret({ webhookSecret: undefined, secretKey: "sk_test_abc", storeEnv: "staging" }),
    ).toBeNull();
    expect(
      chooseWebhookSecret({ webhookSecret: undefined, secretKey: undefined, storeEnv: "production" }),
    ).toBeNull();
  });
});
