import { refuseUnlessQa } from "@/lib/qa/guard";
import { getSkuStock } from "@/lib/qa/stock";

export const dynamic = "force-dynamic";

/** Exact stock of one SKU (`?sku=<code>`), so QA flows can assert the invariant through any deployment. */
export async function GET(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const code = new URL(request.url).searchParams.get("sku") ?? "";
  const stock = await getSkuStock({ code });
  if (!stock) return Response.json({ error: "unknown SKU" }, { status: 404 });
  return Response.json(stock, { headers: { "cache-control": "no-store" } });
}
