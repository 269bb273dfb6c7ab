import { revalidateTag } from "next/cache";
import { HERO_TAG } from "@/lib/hero/cached";
import { refuseUnlessQa } from "@/lib/qa/guard";
import { qaSaleStartSchema } from "@/lib/qa/sale-start";
import { createQaSale, qaSaleSchema } from "@/lib/qa/sales";

export const dynamic = "force-dynamic";

/** Creates a fresh sale for a QA flow (non-production deployments only). */
export async function POST(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const parsed = qaSaleStartSchema.pipe(qaSaleSchema).safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json(
      { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  const result = await createQaSale(parsed.data);
  if (!result.ok) return Response.json({ error: result.message }, { status: 400 });
  revalidateTag(HERO_TAG, { expire: 0 });
  return Response.json(result, { status: 201 });
}
