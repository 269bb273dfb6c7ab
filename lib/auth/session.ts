import "server-only";
import { cookies } from "next/headers";
import { CART_COOKIE, type CartOwner } from "@/lib/cart/cart";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { authSecret } from "./options";
import { decodeSessionToken, readSessionCookie, sessionUserFromToken } from "./session-token";
import { getUserById, type SessionUser } from "./users";

const SECURE_COOKIE = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

/**
 * The signed-in user from the session cookie, or null: what `getServerSession(authOptions)` returns, without
 * building next-auth's handler per request (the flash-sale routes call this for every click). No database query.
 */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const token = readSessionCookie((name) => jar.get(name)?.value, { secure: SECURE_COOKIE });
  if (!token) return null;
  try {
    return sessionUserFromToken(await decodeSessionToken({ token, secret: authSecret }));
  } catch {
    // Forged, expired or written under another secret: a guest, as next-auth treats it.
    return null;
  }
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
