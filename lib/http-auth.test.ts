import { describe, expect, it } from "vitest";
import { hasBearerSecret } from "./http-auth";

const req = (authorization?: string) =>
  new Request("http://store.test/x", authorization ? { headers: { authorization } } : {});

describe("hasBearerSecret", () => {
  it("accepts only the exact secret", () => {
    expect(hasBearerSecret(req("Bearer secret-0123456789"), "secret-0123456789")).toBe(true);
    expect(hasBearerSecret(req("bearer secret-0123456789"), "secret-0123456789")).toBe(true);
    expect(hasBearerSecret(req("Bearer secret-012345678"), "secret-0123456789")).toBe(false);
    expect(hasBearerSecret(req("Bearer secret-0123456780"), "secret-0123456789")).toBe(false);
    expect(hasBearerSecret(req(), "secret-0123456789")).toBe(false);
  });
});
