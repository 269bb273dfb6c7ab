import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, readSessionCookie, sessionUserFromToken } from "./session-token";

const secret = "test-secret-test-secret-test-secret";
const claims = {
  uid: "4f2b7c1e-0a4d-4c1b-9a59-3d1c2e6f7a80",
  role: "shopper" as const,
  name: "Lin",
  email: "lin@example.com",
};

describe("session tokens", () => {
  it("reads what next-auth writes, and next-auth reads the same claims", async () => {
    const token = await encode({ token: claims, secret });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toMatchObject(claims);
    expect(ours).toEqual(await decode({ token, secret }));
    expect(sessionUserFromToken(ours)).toEqual({
      id: claims.uid,
      role: "shopper",
      name: "Lin",
      email: "lin@example.com",
    });
  });

  it("refuses a token under another secret, a tampered one and an expired one", async () => {
    const token = await encode({ token: claims, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-other` })).rejects.toThrow();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  it("is no user without a token, or without the claims the session callback needs", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
    expect(sessionUserFromToken(null)).toBeNull();
    const noRole = await decodeSessionToken({
      token: await encode({ token: { uid: claims.uid }, secret }),
      secret,
    });
    expect(sessionUserFromToken(noRole)).toBeNull();
  });

  it("joins next-auth's chunked cookies and picks the secure name on https", () => {
    const jar = new Map([
      ["next-auth.session-token.0", "abc"],
      ["next-auth.session-token.1", "def"],
      ["__Secure-next-auth.session-token", "xyz"],
    ]);
    const get = (name: string) => jar.get(name);
    expect(readSessionCookie(get, { secure: false })).toBe("abcdef");
    expect(readSessionCookie(get, { secure: true })).toBe("xyz");
    expect(readSessionCookie(() => undefined, { secure: false })).toBeUndefined();
  });
});
