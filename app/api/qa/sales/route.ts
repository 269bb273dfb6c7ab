import { revalidateTag } from "next/cache";
import { bodyFailureResponse, readJsonBody } from "@/lib/http/body";
import { refuseUnlessQa } from "@/lib/qa/guard";
import { createQaSale, qaSaleSchema } from "@/lib/qa/sales";
import { HERO_TAG } from "@/lib/storefront/hero";

export const dynamic = "force-dynamic";

/** Creates a fresh sale for a QA flow (non-production deployments only). */
export async function POST(request: Request) {
  const refused = refuseUnlessQa(request);
  if (refused) return refused;
  const body = await readJsonBody(request);
  if (!body.ok && body.code === "payload_too_large") return bodyFailureResponse(body);
  const parsed = qaSaleSchema.safeParse(body.ok ? body.json : null);
  if (!parsed.success)
    return Response.json(
      { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) },
      { status: 400 },
    );
  const result = await createQaSale(parsed.data);
  if (!result.ok) return Response.json({ error: result.error }, { status: 400 });
  revalidateTag(HERO_TAG, { expire: 0 });
  return Response.json(result, { status: 201 });
}
