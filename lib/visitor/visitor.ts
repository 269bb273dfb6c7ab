import "server-only";
import { getCartOwner, getCurrentUser } from "@/lib/auth/session";
import { getCartItemCount } from "@/lib/cart/cart";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { getRequestNow } from "@/lib/qa/now";
import { getCachedSaleById, getInitialFigures } from "@/lib/sales/cached";
import { type FanSaleState, getFanSaleState } from "@/lib/sales/fan-state";

/**
 * Everything on a shopper page that depends on who is asking, in one small private answer (GET /api/me). Pages
 * themselves are the same for every visitor and served from cache; this fills in the header and the buttons after
 * the page loads.
 */
export interface Visitor {
  /** The email fills in forms on shared pages (the contact form), in the browser only. */
  user: { name: string; email: string; isMarketer: boolean } | null;
  cartCount: number;
  /** This fan's state in the sale asked for (`?sale=<id>`), when signed in and the sale is public. */
  sale: ({ saleId: string } & FanSaleState) | null;
}

export async function getVisitor({ saleId }: { saleId?: string | null } = {}): Promise<Visitor> {
  const [user, owner] = await Promise.all([getCurrentUser(), getCartOwner()]);
  const cartCount = await getCartItemCount(await getDb(), owner);
  let sale: Visitor["sale"] = null;
  if (user && saleId && isUuid(saleId)) {
    sale = await fanStateFor(saleId, user.id);
  }
  return {
    user: user ? { name: user.name, email: user.email, isMarketer: user.role === "marketer" } : null,
    cartCount,
    sale,
  };
}

async function fanStateFor(saleId: string, userId: string): Promise<Visitor["sale"]> {
  const sale = await getCachedSaleById(saleId);
  if (!sale) return null;
  const now = await getRequestNow();
  const figures = await getInitialFigures(sale.id, now);
  const state = await getFanSaleState({ sale, userId, now, remaining: figures?.remaining ?? null });
  return { saleId: sale.id, ...state };
}
