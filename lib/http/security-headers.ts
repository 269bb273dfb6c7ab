/**
 * The store's response headers against framing, sniffing, leaking and injected scripts. Import-free: next.config.ts
 * (static headers for every path) and proxy.ts (the per-request policy for pages) both read it.
 *
 * Why a nonce: the App Router writes inline scripts into every page (`self.__next_f.push(…)`, the RSC payload), and
 * their text differs per page and per render, so a fixed list of hashes cannot allow them; a host list
 * (`script-src 'self'`) blocks them, and `'unsafe-inline'` would allow an injected one too. Next applies the nonce
 * it finds in the request's policy to its own scripts, and `'strict-dynamic'` lets those load their chunks.
 *
 * The trade-off (README: Security): a nonce must be new for every response, so a page carrying one cannot be
 * shared by a cache. Today every page renders per request (the root layout is dynamic). When shopper pages become
 * cacheable, their HTML cannot hold a per-request nonce: either the nonce is stamped after the cache, at the edge
 * (a CDN worker that rewrites `<script nonce>` and the header together), or those routes fall back to a hash of
 * each inline script computed when the page is rendered into the cache and stored with it. Until then, no cached
 * page exists, and every page passes this policy.
 */

export interface PolicyOptions {
  nonce: string;
  /** `next dev` needs `'unsafe-eval'` (React rebuilds server error stacks with eval); production never gets it. */
  dev: boolean;
  /** Served over HTTPS: upgrade stray http: subresources. */
  https: boolean;
  /** Where a form may send the browser besides us (Stripe Checkout, which a no-JS checkout form redirects to). */
  formActionOrigins: readonly string[];
}

export function contentSecurityPolicy({ nonce, dev, https, formActionOrigins }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style={…} attributes are inline styles; CSS cannot run script, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${formActionOrigins.length ? ` ${formActionOrigins.join(" ")}` : ""}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** JSON and other non-page answers: nothing to run, nothing to frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS for a year, subdomains included; sent only when the store's own URL is https (browsers ignore it on http). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** On every response, pages, API and static files alike. */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  // CSP frame-ancestors for current browsers, X-Frame-Options for older ones.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** A nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
