import { describe, expect, it } from "vitest";
import { decodeClockToken, encodeClockToken, MAX_CLOCK_OFFSET_MS, resolveNow } from "./clock";

const SECRET = "qa-secret-for-tests-0001";
const REAL = Date.UTC(2026, 10, 23, 4, 0, 0);

describe("QA test clock", () => {
  it("moves now by a signed offset when enabled", () => {
    const token = encodeClockToken(3_600_000, SECRET);
    expect(resolveNow({ realNow: REAL, token, secret: SECRET, enabled: true }).getTime()).toBe(
      REAL + 3_600_000,
    );
    const back = encodeClockToken(-86_400_000, SECRET);
    expect(resolveNow({ realNow: REAL, token: back, secret: SECRET, enabled: true }).getTime()).toBe(
      REAL - 86_400_000,
    );
  });

  it("is ignored in production (disabled), even with a valid token", () => {
    const token = encodeClockToken(3_600_000, SECRET);
    expect(resolveNow({ realNow: REAL, token, secret: SECRET, enabled: false }).getTime()).toBe(REAL);
    expect(resolveNow({ realNow: REAL, token, secret: undefined, enabled: true }).getTime()).toBe(REAL);
  });

  it("refuses tampered, foreign, malformed and out-of-range tokens", () => {
    const token = encodeClockToken(60_000, SECRET);
    const [, mac] = token.split(".");
    expect(decodeClockToken(`999999.${mac}`, SECRET)).toBeNull();
    expect(decodeClockToken(encodeClockToken(60_000, "another-secret-000000"), SECRET)).toBeNull();
    expect(decodeClockToken("garbage", SECRET)).toBeNull();
    expect(decodeClockToken("", SECRET)).toBeNull();
    expect(decodeClockToken(encodeClockToken(MAX_CLOCK_OFFSET_MS + 1, SECRET), SECRET)).toBeNull();
    expect(decodeClockToken(token, SECRET)).toBe(60_000);
  });
});
