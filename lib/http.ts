import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddressFrom, SOCKET_ADDRESS_HEADER } from "@/lib/http/client-address";
import { chooseStoreOrigin } from "@/lib/http/origin";

/**
 * The store's public origin for links that leave and come back (Stripe's success and cancel URLs) and for the
 * same-origin check: NEXTAUTH_URL's, or on a developer's machine the loopback name the shopper used (lib/http/origin.ts).
 */
export async function getOrigin(): Promise<string> {
  const h = await headers();
  if (env.NEXTAUTH_URL) return chooseStoreOrigin({ configured: env.NEXTAUTH_URL, host: h.get("host") });
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/** What an unknown address is counted as: one shared bucket, so not knowing never means not limiting. */
export const UNKNOWN_ADDRESS = "unknown";
let warnedUnknown = false;

/**
 * The client's address for rate limits (lib/http/client-address.ts): the socket's, recorded by scripts/server.mjs,
 * unless TRUSTED_PROXIES says how many proxies in front to trust. When neither is available (bare `next start` or
 * `next dev` with no proxy setting) every caller shares one address bucket, and the store says so once.
 */
export async function getClientIp(): Promise<string> {
  const h = await headers();
  const address = clientAddressFrom({
    forwardedFor: h.get("x-forwarded-for"),
    // Only scripts/server.mjs may write this header (it replaces a client's); elsewhere a client could forge it.
    socketAddress: process.env.KITE_SOCKET_ADDRESS_HEADER === "1" ? h.get(SOCKET_ADDRESS_HEADER) : null,
    trustedProxies: env.TRUSTED_PROXIES,
  });
  if (address) return address;
  if (!warnedUnknown) {
    warnedUnknown = true;
    console.warn(
      "[http] client addresses are unknown: start the store with scripts/server.mjs (npm start) or set " +
        "TRUSTED_PROXIES to the number of proxies in front. Per-address limits are shared by every caller meanwhile.",
    );
  }
  return UNKNOWN_ADDRESS;
}
