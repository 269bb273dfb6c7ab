import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env, qaToolsEnabled } from "@/lib/env";

/**
 * QA routes exist only outside production with QA_SECRET set (404 otherwise, as if they were not there) and
 * answer only to `Authorization: Bearer <QA_SECRET>`.
 */
export function refuseUnlessQa(request: Request): Response | null {
  if (!qaToolsEnabled || !env.QA_SECRET) return new Response("Not found", { status: 404 });
  const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(env.QA_SECRET);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: "QA secret missing or wrong" }, { status: 401 });
  }
  return null;
}
