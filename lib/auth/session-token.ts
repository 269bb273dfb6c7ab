import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { cookieFrom, type HeaderReader } from "@/lib/http/request-info";
import type { SessionUser } from "./users";

/**
 * next-auth v4's session cookie is a JWE (dir + A256GCM) under a key derived from the secret with HKDF. Its own
 * `decode` derives that key on every call and `getServerSession` builds the whole auth handler per request; on the
 * flash-sale hot path that was a measurable share of the server's CPU. The key is derived once per secret here
 * (same derivation, same format), and next-auth uses this same decode through `authOptions.jwt`.
 */
const keys = new Map<string, Uint8Array>();

/** A development-only secret so `npm start` works on a fresh clone; production must set NEXTAUTH_SECRET (env.ts). */
const DEV_SECRET = "kite-development-secret-not-for-production";

export const authSecret = env.NEXTAUTH_SECRET ?? DEV_SECRET;

/** Session cookies are `__Secure-` and TLS-only when the store's own URL is https. */
export const SECURE_SESSION_COOKIE = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(
      hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32) as ArrayBuffer,
    );
    keys.set(secret, key);
  }
  return key;
}

/** Drop-in for next-auth/jwt's `decode`: null for a missing token, throws for a forged or expired one. */
export async function decodeSessionToken({
  token,
  secret,
}: {
  token?: string | undefined;
  secret: string | Buffer;
}): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret.toString()), { clockTolerance: 15 });
  return payload as JWT;
}

/** The session user a token carries, exactly as the session callback in ./options builds it. */
export function sessionUserFromToken(token: JWT | null): SessionUser | null {
  if (!token?.uid || !token.role) return null;
  return { id: token.uid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
}

/** next-auth's session cookie name (`__Secure-` on https). */
export const SESSION_COOKIE = (secure: boolean) =>
  secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";

/** next-auth's cookie name, and its chunks (`name.0`, `name.1`, …) when a token outgrew one cookie. */
export function readSessionCookie(
  get: (name: string) => string | undefined,
  { secure }: { secure: boolean },
): string | undefined {
  const name = SESSION_COOKIE(secure);
  const whole = get(name);
  if (whole) return whole;
  let joined = "";
  for (let i = 0; ; i++) {
    const chunk = get(`${name}.${i}`);
    if (chunk === undefined) break;
    joined += chunk;
  }
  return joined || undefined;
}

/**
 * The signed-in user a request's headers carry (its session cookie), or null: getCurrentUser from headers alone,
 * for the lean reserve handler in front of Next. No database query.
 */
export async function sessionUserFromHeaders(
  h: HeaderReader,
  { secure = SECURE_SESSION_COOKIE, secret = authSecret }: { secure?: boolean; secret?: string } = {},
): Promise<SessionUser | null> {
  const token = readSessionCookie((name) => cookieFrom(h, name), { secure });
  if (!token) return null;
  try {
    return sessionUserFromToken(await decodeSessionToken({ token, secret }));
  } catch {
    // Forged, expired or written under another secret: a guest, as next-auth treats it.
    return null;
  }
}
