import { revalidateTag } from "next/cache";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { refuseUnlessQa } from "@/lib/qa/guard";
import { getRequestNow } from "@/lib/qa/now";
import { SALE_TAGS } from "@/lib/sales/cached";
import { runDraw } from "@/lib/sales/draw";

export const dynamic = "force-dynamic";

const STATUS: Record<string, number> = { not_found: 404, not_a_draw: 400 };

/**
 * QA only: runs a draw sale's draw at this client's clock, as the console's button does (without an audit entry:
 * no marketer is behind it). 409 for a draw already run or registration still open. 404 outside QA deployments.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const { id } = await params;
  const result = await runDraw(await getDb(), {
    saleId: id,
    now: await getRequestNow(),
    timeZone: env.STORE_TIMEZONE,
    actor: null,
  });
  if (!result.ok) {
    return Response.json(
      { error: result.message, code: result.code },
      { status: STATUS[result.code] ?? 409 },
    );
  }
  revalidateTag(SALE_TAGS.all, { expire: 0 });
  return Response.json(result);
}
