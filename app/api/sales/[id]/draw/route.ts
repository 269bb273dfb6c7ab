import { getDb } from "@/lib/db";
import { getPublishedDraw } from "@/lib/sales/draw";

export const dynamic = "force-dynamic";

/**
 * A drawn sale's published draw, for anyone to check: the revealed seed, its commitment, the entries
 * (pseudonymous ids, sorted) and the winners in drawn order. Never changes once drawn, so caches may keep it.
 * scripts/verify-draw.mjs reads this file or URL.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const draw = await getPublishedDraw(await getDb(), { saleId: id });
  if (!draw) return Response.json({ error: "This sale has no published draw (yet)." }, { status: 404 });
  return Response.json(draw, {
    headers: {
      "cache-control": "public, max-age=300",
      "content-disposition": `inline; filename="draw-${id}.json"`,
    },
  });
}
