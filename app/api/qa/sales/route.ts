import { revalidateTag } from "next/cache";
import { HERO_TAG } from "@/lib/hero/cached";
import { readQaRequest } from "@/lib/qa/guard";
import { qaSaleStartSchema } from "@/lib/qa/sale-start";
import { createQaSale, qaSaleSchema } from "@/lib/qa/sales";

export const dynamic = "force-dynamic";

/** Creates a fresh sale for a QA flow (non-production deployments only). */
export async function POST(request: Request) {
  const parsed = await readQaRequest(request, qaSaleStartSchema.pipe(qaSaleSchema), (error) =>
    error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
  );
  if (!parsed.ok) return parsed.response;
  const result = await createQaSale(parsed.data);
  if (!result.ok) return Response.json({ error: result.message }, { status: 400 });
  revalidateTag(HERO_TAG, { expire: 0 });
  return Response.json(result, { status: 201 });
}
