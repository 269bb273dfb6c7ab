import { getCurrentMarketer } from "@/lib/auth/session";
import { applicantsCsv, getBeta, listApplicants } from "@/lib/beta/queries";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/sales/db-errors";

export const dynamic = "force-dynamic";

/** A beta's applicants as CSV (name, email, lifetime points, when, status, statement). Marketers only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const marketer = await getCurrentMarketer();
  if (!marketer) return Response.json({ error: "Not found" }, { status: 404 });
  const { id } = await params;
  if (!isUuid(id)) return Response.json({ error: "Not found" }, { status: 404 });
  const db = await getDb();
  const beta = await getBeta(db, { betaId: id });
  if (!beta) return Response.json({ error: "Not found" }, { status: 404 });
  const csv = applicantsCsv(await listApplicants(db, { betaId: id }), env.STORE_TIMEZONE);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="kite-beta-applicants-${id.slice(0, 8)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
