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

/** null when the request may go on; otherwise the answer to send. */
export function refuseCrossSiteJson(request: Request, { storeOrigin }: OriginCheck): Response | null {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return Response.json({ error: "Send JSON (Content-Type: application/json)." }, { status: 415 });
  }
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const host = request.headers.get("host");
  const ours =
    origin === null
      ? fetchSite === null || fetchSite === "same-origin" || fetchSite === "none"
      : origin === storeOrigin || (URL.canParse(origin) && host !== null && new URL(origin).host === host);
  if (!ours) return Response.json({ error: "Cross-site requests are not accepted here." }, { status: 403 });
  return null;
}
