import { getCurrentMarketer } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getRequestNow } from "@/lib/qa/now";
import { liveViewWithDemand } from "@/lib/sales/live";

export const dynamic = "force-dynamic";

/**
 * The live view's figures for the console's polling. Marketers only (checked here, not only by the page); the
 * database is read at most about once a second per sale however many marketers watch (lib/sales/live.ts), the
 * fans' version choices at most once per ten seconds (lib/sales/version-demand.ts).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const marketer = await getCurrentMarketer();
  if (!marketer) return Response.json({ error: "Not found" }, { status: 404 });
  const { id } = await params;
  const view = await liveViewWithDemand(await getDb(), { saleId: id, now: await getRequestNow() });
  if (!view) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json(view, { headers: { "cache-control": "private, no-store" } });
}
