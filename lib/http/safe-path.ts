/**
 * Same-origin paths for redirects and links that come from outside (a `callbackUrl`, a marketer's hero link).
 *
 * Browsers are lenient where a naive check is strict: the URL parser drops tabs and newlines anywhere and treats
 * `\` as `/`, so `/\tevil.example`, `/%09/evil.example` (once decoded) and `/\evil.example` all become
 * `//evil.example` — another origin. A newline that reaches a `Location` header is a 500. So a path is accepted
 * only when neither it nor any decoding of it has a control character or a backslash, it starts with one `/`,
 * and resolving it against an origin stays on that origin. What comes back is the parser's own serialisation
 * (percent-encoded), safe for `redirect()`, `Location` and `href`. Import-free: pages, lib and client code share it.
 */

const PROBE_ORIGIN = "https://same-origin.invalid";
/** Longer than any path of ours with its query; a longer one is refused, not cut. */
export const MAX_PATH_LENGTH = 2000;
/** C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** The normalised same-origin path (`/a?b#c`), or null when `value` is not one. */
export function toSafeLocalPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_PATH_LENGTH) return null;
  // Check the value and each further decoding of it: a later decoder (a browser, a proxy) must find nothing either.
  let current = value;
  for (let round = 0; round < 4; round++) {
    if (hasControlCharacter(current) || current.includes("\\")) return null;
    if (!current.startsWith("/") || current.startsWith("//")) return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return null; // malformed percent-encoding
    }
    if (decoded === current) break;
    current = decoded;
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** True when `value` is a same-origin path as `toSafeLocalPath` defines it (for zod `.refine`). */
export function isSafeLocalPath(value: unknown): value is string {
  return toSafeLocalPath(value) !== null;
}

/**
 * next-auth's `redirect` callback: a relative path, or an absolute URL on the store's own origin, checked as a path;
 * anything else goes to the store's home.
 */
export function resolveAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  let path: string | null = null;
  if (url.startsWith("/")) {
    path = toSafeLocalPath(url);
  } else if (URL.canParse(url) && new URL(url).origin === base.origin) {
    const absolute = new URL(url);
    path = toSafeLocalPath(`${absolute.pathname}${absolute.search}${absolute.hash}`);
  }
  return `${base.origin}${path ?? "/"}`;
}
