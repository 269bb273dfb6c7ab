import "server-only";
import { env, qaToolsEnabled } from "@/lib/env";
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
