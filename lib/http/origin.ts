/**
 * The origin a shopper's links back into the store use (Stripe's success and cancel URLs, the same-origin check of
 * JSON writes). It is the configured one (NEXTAUTH_URL) — except on a developer's machine, where the same store is
 * reachable as localhost, 127.0.0.1 and [::1]: a shopper who signed in on 127.0.0.1 has their session cookie
 * there, so sending them back to localhost after paying would land them on a sign-in page. So when the request's
 * host is a loopback alias of the configured host, on the same port and scheme, the shopper's own host is kept.
 * Anything else (another host, another port) gets the configured origin: a Host header is never trusted beyond
 * choosing among the loopback names of the store's own address. Import-free, unit-tested.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function chooseStoreOrigin({ configured, host }: { configured: string; host: string | null }): string {
  const canonical = new URL(configured);
  if (!host || !LOOPBACK.has(canonical.hostname)) return canonical.origin;
  let asked: URL;
  try {
    asked = new URL(`${canonical.protocol}//${host}`);
  } catch {
    return canonical.origin;
  }
  const samePlace = LOOPBACK.has(asked.hostname) && asked.port === canonical.port && asked.host === host;
  return samePlace ? asked.origin : canonical.origin;
}
