import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { isRetryableStripeError, withStripeRetry } from "./stripe";

const rateLimited = () =>
  new Stripe.errors.StripeRateLimitError({ message: "slow down", type: "invalid_request_error" });
const invalid = () =>
  new Stripe.errors.StripeInvalidRequestError({ message: "bad param", type: "invalid_request_error" });

/** withStripeRetry (3 attempts, no waiting) on a call that always throws `error()`: its result, and how often it called. */
function retryAlwaysFailing(error: () => Error) {
  let calls = 0;
  const result = withStripeRetry(
    async () => {
      calls++;
      throw error();
    },
    { attempts: 3, sleep: async () => {} },
  );
  return { result, calls: () => calls };
}

describe("withStripeRetry", () => {
  it("retries 429s with exponential, jittered, capped delays, then succeeds", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withStripeRetry(
      async () => {
        calls++;
        if (calls < 4) throw rateLimited();
        return "ok";
      },
      {
        attempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 250,
        sleep: async (ms) => void delays.push(ms),
        random: () => 0.999,
      },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(4);
    expect(delays).toEqual([99, 199, 249]);
  });

  it("gives up after the bounded number of attempts and does not retry final errors", async () => {
    const limited = retryAlwaysFailing(rateLimited);
    await expect(limited.result).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(limited.calls()).toBe(3);
    const final = retryAlwaysFailing(invalid);
    await expect(final.result).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(final.calls()).toBe(1);
  });

  it("classifies errors", () => {
    expect(isRetryableStripeError(rateLimited())).toBe(true);
    expect(isRetryableStripeError(new Stripe.errors.StripeConnectionError({ message: "ECONNRESET" }))).toBe(
      true,
    );
    expect(isRetryableStripeError(invalid())).toBe(false);
    expect(isRetryableStripeError(new Error("bug"))).toBe(false);
  });
});
