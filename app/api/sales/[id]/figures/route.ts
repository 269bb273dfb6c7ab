import { getDb } from "@/lib/db";
import { qaToolsEnabled } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { cachedFigures, liveCounts, liveTimes } from "@/lib/sales/figures";

export const dynamic = "force-dynamic";

/**
 * Live figures for the crowd watching a sale: read from the database at most about once a second per instance
 * (single flight), and cacheable for a second by a CDN. `serverNow` lets clients correct their clock skew.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const now = await getRequestNow();
  const figures = await cachedFigures(await getDb(), { saleId: id, now });
  if (!figures) return Response.json({ error: "unknown sale" }, { status: 404 });
  const body = {
    saleId: figures.saleId,
    state: figures.state,
    ...liveCounts(figures),
    unitsBack: figures.unitsBack,
    boast: figures.boast,
    honesty: figures.honesty,
    ...liveTimes(figures),
    serverNow: now.toISOString(),
  };
  return Response.json(body, {
    // With the QA clock on, answers depend on the caller's cookie: never share them.
    headers: {
      "cache-control": qaToolsEnabled
        ? "private, no-store"
        : "public, max-age=1, s-maxage=1, stale-while-revalidate=2",
    },
  });
}
