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
 * shared by a cache. Shopper pages that every visitor reads the same (homepage, category, product, sale: issue 16)
 * are served from cache, so they get `cachedPagePolicy`: scripts only from our origin and inline, no eval, nothing
 * framed, no plugins, forms only to us and Stripe. Their HTML holds no visitor's data (that comes from /api/me as
 * JSON), and the only text others write on them (reviews) is escaped by React. Pages that hold a visitor's data or
 * power (account, cart, checkout, sign-in, the console) render per request and keep the nonce policy. Stamping a
 * nonce at the edge (a CDN worker) would close the gap; README says so.
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
  return policy(`'self' 'nonce-${nonce}' 'strict-dynamic'`, { dev, https, formActionOrigins });
}

/** The policy of a cached page: the same for every response, so a CDN may store it with the page. */
export function cachedPagePolicy(options: Omit<PolicyOptions, "nonce">): string {
  return policy("'self' 'unsafe-inline'", options);
}

function policy(
  scriptSources: string,
  { dev, https, formActionOrigins }: Omit<PolicyOptions, "nonce">,
): string {
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources}${dev ? " 'unsafe-eval'" : ""}`,
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
