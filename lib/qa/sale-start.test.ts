import { describe, expect, it } from "vitest";
import { qaSaleStartSchema } from "./sale-start";

describe("the fresh-sale route's startsAt", () => {
  it("becomes the seconds from now, keeping the other fields", () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    const parsed = qaSaleStartSchema.parse({ skuCode: "x", startsAt: at.toISOString() });
    expect(parsed).toMatchObject({ skuCode: "x" });
    expect(Math.abs((parsed.startsInSeconds as number) - 3 * 86_400)).toBeLessThanOrEqual(1);
    expect("startsAt" in parsed).toBe(false);
  });

  it("leaves a body without it alone, and refuses a bad one or both at once", () => {
    expect(qaSaleStartSchema.parse({ startsInSeconds: 60 })).toEqual({ startsInSeconds: 60 });
    expect(qaSaleStartSchema.safeParse({ startsAt: "noon-ish" }).success).toBe(false);
    expect(
      qaSaleStartSchema.safeParse({ startsAt: new Date().toISOString(), startsInSeconds: 60 }).success,
    ).toBe(false);
  });
});
