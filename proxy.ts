import { type NextRequest, NextResponse } from "next/server";
import { isPageSlug } from "@/lib/catalog/page-slugs";
import { env, qaToolsEnabled, usesLocalStripe } from "@/lib/env";
import { cachedPageRewrite, isCachedPagePath } from "@/lib/http/cached-pages";
import {
  cachedPagePolicy,
  contentSecurityPolicy,
  createNonce,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";
import { QA_CLOCK_HEADER, resolveNow } from "@/lib/qa/clock";

/**
 * Two jobs for page requests:
 *  - the homepage is served from its store day's cached page (`/` → `/home/<day>`, lib/http/cached-pages.ts), so
 *    the day rolls over at local midnight by itself;
 *  - a Content-Security-Policy: the fixed one for pages every visitor shares from cache, a fresh nonce for pages
 *    rendered per visitor (lib/http/security-headers.ts says why). The nonce policy goes on the request too, where
 *    Next reads it and puts the nonce on its own scripts. Headers that never change come from next.config.ts.
 */
const https = env.NEXTAUTH_URL?.startsWith("https:") ?? false;
const dev = process.env.NODE_ENV === "development";
const formActionOrigins = usesLocalStripe
  ? [`http://127.0.0.1:${env.STRIPE_LOCAL_PORT}`, `http://localhost:${env.STRIPE_LOCAL_PORT}`]
  : ["https://checkout.stripe.com"];
const CACHED_POLICY = cachedPagePolicy({ dev, https, formActionOrigins });

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // QA tools only: an API client's signed clock header moves the store day `/` is served from, so a test can watch
  // the rollover on real instances. A browser's clock cookie does not: its pages render in draft mode instead.
  const now = resolveNow({
    realNow: Date.now(),
    token: request.headers.get(QA_CLOCK_HEADER),
    secret: env.QA_SECRET,
    enabled: qaToolsEnabled,
  });
  const rewrite = await cachedPageRewrite(pathname, now, env.STORE_TIMEZONE, isPageSlug);
  // Server-action posts answer with RSC data and prefetches are not documents: they need no policy of their own.
  const document =
    !request.headers.has("next-action") &&
    !request.headers.has("next-router-prefetch") &&
    request.headers.get("purpose") !== "prefetch";

  if (isCachedPagePath(pathname) || !document) {
    const response = rewrite
      ? NextResponse.rewrite(new URL(rewrite + request.nextUrl.search, request.url))
      : NextResponse.next();
    if (document) response.headers.set("content-security-policy", CACHED_POLICY);
    if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
    return response;
  }

  const policy = contentSecurityPolicy({ nonce: createNonce(), dev, https, formActionOrigins });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Pages only: API answers, static files and images get their headers from next.config.ts.
  matcher: ["/((?!api/|_next/static|_next/image|images/|favicon).*)"],
};
