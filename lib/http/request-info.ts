import { env } from "@/lib/env";
import { clientAddressFrom, SOCKET_ADDRESS_HEADER } from "./client-address";
import { chooseStoreOrigin } from "./origin";

/*
 * What a request says about itself, read from its headers alone: no `next/headers`, so the same code serves Next's
 * route handlers (through lib/http.ts) and the lean reserve handler in front of Next (scripts/server.mjs).
 */

/** Web `Headers`, or the lean handler's view of Node's headers. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The store's public origin for links that leave and come back (Stripe's success and cancel URLs) and for the
 * same-origin check: NEXTAUTH_URL's, or on a developer's machine the loopback name the shopper used (./origin.ts).
 */
export function originFrom(h: HeaderReader): string {
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
 * The client's address for rate limits (./client-address.ts): the socket's, recorded by scripts/server.mjs,
 * unless TRUSTED_PROXIES says how many proxies in front to trust. When neither is available (bare `next start` or
 * `next dev` with no proxy setting) every caller shares one address bucket, and the store says so once.
 */
export function clientIpFrom(h: HeaderReader): string {
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

/** One cookie's value from the `Cookie` header (the first of that name, URI-decoded as browsers encode them). */
export function cookieFrom(h: HeaderReader, name: string): string | undefined {
  const header = h.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
