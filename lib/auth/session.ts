import "server-only";
import { cookies } from "next/headers";
import { encode, type JWT } from "next-auth/jwt";
import { CART_COOKIE, type CartOwner } from "@/lib/cart/cart";
import { getDb } from "@/lib/db";
import { authSecret, SESSION_MAX_AGE_SECONDS } from "./options";
import {
  decodeSessionToken,
  readSessionCookie,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  sessionUserFromToken,
} from "./session-token";
import { getSessionAccount, getUserById, type SessionUser } from "./users";

const SECURE_COOKIE = SECURE_SESSION_COOKIE;

/**
 * The signed-in user from the session cookie, or null: what `getServerSession(authOptions)` returns, without
 * building next-auth's handler per request (the flash-sale routes call this for every click). No database query.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return sessionUserFromToken(await readSessionToken());
}

async function readSessionToken(): Promise<JWT | null> {
  const jar = await cookies();
  const token = readSessionCookie((name) => jar.get(name)?.value, { secure: SECURE_COOKIE });
  if (!token) return null;
  try {
    return await decodeSessionToken({ token, secret: authSecret });
  } catch {
    // Forged, expired or written under another secret: a guest, as next-auth treats it.
    return null;
  }
}

/**
 * The signed-in account re-read from the database (its current name and email), or null when the session ended
 * with a password change (`users.sessions_valid_after`). One query: the account pages and their actions use it;
 * the shop's hot paths keep the query-free `getCurrentUser`.
 */
export async function getCurrentAccount(): Promise<SessionUser | null> {
  const token = await readSessionToken();
  if (!token?.uid) return null;
  return getSessionAccount(await getDb(), { userId: token.uid, authAt: token.authAt });
}

/**
 * Writes this browser a fresh session cookie for the account (after its password, name or email changed): the
 * same JWE next-auth writes, signed in as of now, so this session outlives the change that ended the others.
 */
export async function renewSession(user: SessionUser): Promise<void> {
  const token: JWT = {
    sub: user.id,
    uid: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    authAt: Date.now(),
  };
  const value = await encode({ token, secret: authSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  const jar = await cookies();
  jar.set(SESSION_COOKIE(SECURE_COOKIE), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: SECURE_COOKIE,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/**
 * The signed-in marketer, re-read from the database so a demoted account loses access at once; null otherwise.
 * Every marketer page, route and action calls this itself.
 */
export async function getCurrentMarketer(): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const fresh = await getUserById(await getDb(), { userId: user.id });
  return fresh?.role === "marketer" ? fresh : null;
}

/** The cart owner for this request: the signed-in user, else the guest cookie. */
export async function getCartOwner(): Promise<CartOwner> {
  const user = await getCurrentUser();
  if (user) return { userId: user.id };
  const jar = await cookies();
  return { guestCartId: jar.get(CART_COOKIE)?.value };
}
