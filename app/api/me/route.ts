import { getVisitor } from "@/lib/visitor/visitor";

export const dynamic = "force-dynamic";

/**
 * The one per-visitor answer behind every cached shopper page: who is signed in, the cart count and, with
 * `?sale=<id>`, this fan's registration and hold in that sale; with `?product=<slug>`, what they may review of that
 * product and which of its reviews they found helpful. Private: never stored by a CDN or the browser.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const saleId = params.get("sale");
  const productSlug = params.get("product");
  const visitor = await getVisitor({
    saleId: saleId?.slice(0, 64) ?? null,
    productSlug: productSlug?.slice(0, 100) ?? null,
  });
  return Response.json(visitor, { headers: { "cache-control": "private, no-store" } });
}
