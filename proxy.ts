import { type NextRequest, NextResponse } from "next/server";
import { env, usesLocalStripe } from "@/lib/env";
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

/**
 * A Content-Security-Policy with a fresh nonce for every page (lib/http/security-headers.ts says why a nonce and
 * what it costs). The policy goes on the request, where Next reads the nonce and puts it on its own scripts, and on
 * the response, where the browser enforces it. Security headers that never change come from next.config.ts.
 */
const https = env.NEXTAUTH_URL?.startsWith("https:") ?? false;
const formActionOrigins = usesLocalStripe
  ? [`http://127.0.0.1:${env.STRIPE_LOCAL_PORT}`, `http://localhost:${env.STRIPE_LOCAL_PORT}`]
  : ["https://checkout.stripe.com"];

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({
    nonce: createNonce(),
    dev: process.env.NODE_ENV === "development",
    https,
    formActionOrigins,
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: API answers, static files and images get their headers from next.config.ts.
      source: "/((?!api/|_next/static|_next/image|images/|favicon).*)",
      // Server-action posts answer with RSC data, not a page; and a prefetch is not a document either.
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
