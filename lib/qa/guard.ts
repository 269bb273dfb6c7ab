import "server-only";
import type { z } from "zod";
import { env, qaToolsEnabled } from "@/lib/env";
import { parseJsonBody } from "@/lib/http/body";
import { hasBearerSecret } from "@/lib/http-auth";

/**
 * QA routes exist only outside production with QA_SECRET set (404 otherwise, as if they were not there) and
 * answer only to `Authorization: Bearer <QA_SECRET>`.
 */
export function refuseUnlessQa(request: Request): Response | null {
  if (!qaToolsEnabled || !env.QA_SECRET) return new Response("Not found", { status: 404 });
  if (!hasBearerSecret(request, env.QA_SECRET)) {
    return Response.json({ error: "QA secret missing or wrong" }, { status: 401 });
  }
  return null;
}

/** The opening of a QA route that takes a JSON body: the guard above, then the body read with `schema`. */
export async function readQaRequest<S extends z.ZodType>(
  request: Request,
  schema: S,
  explain: Parameters<typeof parseJsonBody>[2],
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const refused = refuseUnlessQa(request);
  if (refused) return { ok: false, response: refused };
  return parseJsonBody(request, schema, explain);
}
