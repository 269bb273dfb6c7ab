import "server-only";
import { getCartOwner, getCurrentUser } from "@/lib/auth/session";
import { getCartItemCount } from "@/lib/cart/cart";
import { getCachedProductDetail } from "@/lib/catalog/cached";
import { isPageSlug } from "@/lib/catalog/page-slugs";
import { getDb } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { getPointsSummary } from "@/lib/points/ledger";
import { tierFor } from "@/lib/points/rules";
import { getRequestNow } from "@/lib/qa/now";
import { getReviewerState, type ReviewerState } from "@/lib/reviews/queries";
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
  /**
   * The signed-in fan's Kite Club standing: their tier and its perk (the product page shows the tier price), their
   * points, and the referral code their share links carry.
   */
  club: { tier: string; discountPercent: number; points: number; referralCode: string } | null;
  /** With `?product=<slug>`, signed in: what this fan bought of it, their reviews of it and their helpful votes. */
  reviews: ({ productSlug: string } & ReviewerState) | null;
}

export async function getVisitor({
  saleId,
  productSlug,
}: {
  saleId?: string | null;
  productSlug?: string | null;
} = {}): Promise<Visitor> {
  const [user, owner] = await Promise.all([getCurrentUser(), getCartOwner()]);
  const cartCount = await getCartItemCount(await getDb(), owner);
  let sale: Visitor["sale"] = null;
  if (user && saleId && isUuid(saleId)) {
    sale = await fanStateFor(saleId, user.id);
  }
  const reviews = user && productSlug ? await reviewerStateFor(productSlug, user.id) : null;
  return {
    user: user ? { name: user.name, email: user.email, isMarketer: user.role === "marketer" } : null,
    cartCount,
    sale,
    club: user ? await clubFor(user.id) : null,
    reviews,
  };
}

async function clubFor(userId: string): Promise<Visitor["club"]> {
  const summary = await getPointsSummary(await getDb(), { userId });
  const tier = tierFor(summary.lifetimeEarned);
  return {
    tier: tier.name,
    discountPercent: tier.discountPercent,
    points: summary.balance,
    referralCode: summary.referralCode,
  };
}

/** A known product's slug only (checked against the cached list first), so junk costs no query. */
async function reviewerStateFor(productSlug: string, userId: string): Promise<Visitor["reviews"]> {
  if (!(await isPageSlug("products", productSlug))) return null;
  const product = await getCachedProductDetail(productSlug);
  if (!product) return null;
  return { productSlug, ...(await getReviewerState(await getDb(), { productId: product.id, userId })) };
}

async function fanStateFor(saleId: string, userId: string): Promise<Visitor["sale"]> {
  const sale = await getCachedSaleById(saleId);
  if (!sale) return null;
  const now = await getRequestNow();
  const figures = await getInitialFigures(sale.id, now);
  const state = await getFanSaleState({ sale, userId, now, remaining: figures?.remaining ?? null });
  return { saleId: sale.id, ...state };
}
