import type { HeaderReader } from "./request-info";

/**
 * Cookie-authenticated JSON routes answer only to our own pages. A browser sends the session cookie with a
 * request another site makes; what it cannot do without our consent (CORS) is send `Content-Type:
 * application/json` across origins, and it always says where a request came from (`Origin`, `Sec-Fetch-Site`).
 * So: JSON only (415 otherwise: `text/plain` was the way round), and an `Origin`, when sent, must be ours (403).
 * Clients that are not browsers (the HTTP benchmark, API users) send no `Origin` and pass on content type alone.
 */

export interface OriginCheck {
  /** The store's public origin (NEXTAUTH_URL, or the request's host). */
  storeOrigin: string;
}

export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** Why a JSON write must be refused (415 not JSON, 403 another site's), or null when it may go on. */
export function crossSiteRefusal(
  headers: HeaderReader,
  { storeOrigin }: OriginCheck,
): { status: 415 | 403; error: string } | null {
  if (!isJsonContentType(headers.get("content-type"))) {
    return { status: 415, error: "Send JSON (Content-Type: application/json)." };
  }
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site");
  const host = headers.get("host");
  const ours =
    origin === null
      ? fetchSite === null || fetchSite === "same-origin" || fetchSite === "none"
      : origin === storeOrigin || (URL.canParse(origin) && host !== null && new URL(origin).host === host);
  return ours ? null : { status: 403, error: "Cross-site requests are not accepted here." };
}

/** null when the request may go on; otherwise the answer to send. */
export function refuseCrossSiteJson(request: Request, check: OriginCheck): Response | null {
  const refusal = crossSiteRefusal(request.headers, check);
  return refusal ? Response.json({ error: refusal.error }, { status: refusal.status }) : null;
}
