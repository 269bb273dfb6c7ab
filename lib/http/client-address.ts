/**
 * Who is calling, for per-address rate limits, from what the connection itself says:
 *
 * - `trustedProxies = 0` (the default): the socket's address. A client's own `X-Forwarded-For` is ignored: it can
 *   write anything there, so following it gave a fresh bucket for every request.
 * - `trustedProxies = N`: N proxies in front (a load balancer is 1), each appending the address it saw to
 *   `X-Forwarded-For`. The hops, nearest last, are that header's entries then the socket; the nearest N are our
 *   proxies, and the right-most hop before them is the client. Entries further left are whatever the client wrote.
 *
 * Import-free and pure, so it is tested without a server; lib/http.ts feeds it the request's headers.
 */

export const SOCKET_ADDRESS_HEADER = "x-kite-socket-address";

export interface AddressSources {
  /** The request's `X-Forwarded-For`, as received (null when absent). */
  forwardedFor: string | null;
  /** The socket's address, when the server recorded it (scripts/server.mjs); null under bare `next start`. */
  socketAddress: string | null;
  trustedProxies: number;
}

/** The client's address, or null when it cannot be known from what was recorded. */
export function clientAddressFrom({
  forwardedFor,
  socketAddress,
  trustedProxies,
}: AddressSources): string | null {
  const socket = socketAddress ? normaliseAddress(socketAddress) : null;
  if (trustedProxies <= 0) return socket;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((entry) => normaliseAddress(entry))
    .filter((entry): entry is string => entry !== null);
  if (socket) {
    const hops = [...forwarded, socket];
    // Fewer hops than proxies: a request that bypassed some of them; the furthest hop we have is the best we know.
    return hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? null;
  }
  // Bare `next start` lost the socket (the nearest proxy's address), which is trusted anyway: count it as hop 0.
  if (forwarded.length === 0) return null;
  return forwarded[Math.max(0, forwarded.length - trustedProxies)] ?? null;
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; brackets and ports dropped; anything that is not an address → null. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim();
  if (!value || value.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.toLowerCase();
  if (value.startsWith("::ffff:") && /^::ffff:\d{1,3}(\.\d{1,3}){3}$/.test(value)) value = value.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) {
    return value.split(".").every((octet) => Number(octet) <= 255) ? value : null;
  }
  return /^[0-9a-f:]+(%[\w.-]+)?$/.test(value) && value.includes(":") ? value : null;
}
