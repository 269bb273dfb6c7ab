import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddressFrom } from "./client-address";

const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

/** lib/http.ts's getClientIp as a request under scripts/server.mjs (socket recorded) would see it. */
async function clientIp(headers: Record<string, string>, env: Record<string, string> = {}) {
  process.env = { ...saved, KITE_SOCKET_ADDRESS_HEADER: "1", ...env };
  vi.resetModules();
  requestHeaders.current = new Headers(headers);
  const { getClientIp } = await import("@/lib/http");
  return getClientIp();
}

describe("client addresses for rate limits", () => {
  it("ignores a client's own X-Forwarded-For: every forged value is the same socket", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      seen.add(
        await clientIp({
          "x-forwarded-for": `203.0.113.${i}`,
          "x-kite-socket-address": "::ffff:198.51.100.7",
        }),
      );
    }
    expect([...seen]).toEqual(["198.51.100.7"]);
  });

  it("with TRUSTED_PROXIES=1 takes the hop the load balancer saw, not what the client wrote before it", async () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-kite-socket-address": "10.0.0.2" };
    expect(await clientIp(headers, { TRUSTED_PROXIES: "1" })).toBe("198.51.100.7");
    expect(await clientIp(headers, { TRUSTED_PROXIES: "2" })).toBe("6.6.6.6");
  });

  it("never trusts a socket header unless our server wrote it", async () => {
    const forged = { "x-forwarded-for": "6.6.6.6", "x-kite-socket-address": "7.7.7.7" };
    expect(await clientIp(forged, { KITE_SOCKET_ADDRESS_HEADER: "" })).toBe("unknown");
  });

  it("picks hops right to left and skips what is not an address", () => {
    const at = (forwardedFor: string | null, socketAddress: string | null, trustedProxies: number) =>
      clientAddressFrom({ forwardedFor, socketAddress, trustedProxies });
    expect(at(null, "::1", 0)).toBe("::1");
    expect(at("1.2.3.4", "127.0.0.1", 0)).toBe("127.0.0.1");
    // Bare next start behind one proxy: the socket (the proxy) is lost; the header's last entry is the client.
    expect(at("6.6.6.6, 198.51.100.7", null, 1)).toBe("198.51.100.7");
    // A request that bypassed the proxy: fewer hops than proxies, the furthest one is all we know.
    expect(at(null, "198.51.100.9", 1)).toBe("198.51.100.9");
    expect(at("fan-1, [2001:db8::1]:443", "10.0.0.2", 1)).toBe("2001:db8::1");
    expect(at(null, null, 0)).toBeNull();
  });
});
