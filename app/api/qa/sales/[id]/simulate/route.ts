import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { simulateSaleCrowd } from "@/lib/qa/crowd";
import { readQaRequest } from "@/lib/qa/guard";
import { getRequestNow } from "@/lib/qa/now";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  buyers: z.number().int().min(0).max(2000),
  pay: z.number().int().min(0).max(2000).default(0),
  browsers: z.number().int().min(0).max(2000).default(0),
});

/**
 * QA only: a scripted crowd for a running sale (fresh fans register, reserve one unit each through the store's
 * own reserve, and the first `pay` of them pay), at this client's clock. 404 outside QA deployments.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = await readQaRequest(
    request,
    bodySchema,
    "Send { buyers, pay?, browsers? } as integers up to 2000",
  );
  if (!parsed.ok) return parsed.response;
  const { id } = await params;
  const result = await simulateSaleCrowd(await getDb(), {
    saleId: id,
    ...parsed.data,
    now: await getRequestNow(),
    holdMinutes: env.HOLD_MINUTES,
  });
  if (!result) return Response.json({ error: "unknown sale" }, { status: 404 });
  return Response.json(result);
}
