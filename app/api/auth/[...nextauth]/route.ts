import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { bodyFailureResponse, readBodyText } from "@/lib/http/body";

const handler = NextAuth(authOptions);

/** next-auth's forms (CSRF token, email, password, callback URL) are a few hundred bytes. */
const AUTH_BODY_LIMIT = 8 * 1024;

/**
 * next-auth reads the whole body itself; read it first with a ceiling (413 before buffering more) and hand it on.
 */
async function post(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const body = await readBodyText(request, AUTH_BODY_LIMIT);
  if (!body.ok) return bodyFailureResponse(body);
  const bounded = new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.text,
  });
  return handler(bounded, context);
}

export { handler as GET, post as POST };
