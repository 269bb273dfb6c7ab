import { getVisitor } from "@/lib/visitor/visitor";

export const dynamic = "force-dynamic";

/**
 * The one per-visitor answer behind every cached shopper page: who is signed in, the cart count and, with
 * `?sale=<id>`, this fan's registration and hold in that sale. Private: never stored by a CDN or the browser.
 */
export async function GET(request: Request) {
  const saleId = new URL(request.url).searchParams.get("sale");
  const visitor = await getVisitor({ saleId: saleId?.slice(0, 64) ?? null });
  return Response.json(visitor, { headers: { "cache-control": "private, no-store" } });
}
