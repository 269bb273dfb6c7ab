import "server-only";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { CART_COOKIE, type CartOwner } from "@/lib/cart/cart";
import { getDb } from "@/lib/db";
import { authOptions } from "./options";
import { getUserById, type SessionUser } from "./users";

/** The signed-in user from the session cookie, or null. No database query. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user ?? null;
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
