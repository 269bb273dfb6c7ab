import { checkDatabase } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 once the database is open and migrated; load balancers and the e2e web server wait on it. */
export async function GET() {
  try {
    const { engine } = await checkDatabase();
    return Response.json({ ok: true, database: engine }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[health] database not ready", error);
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
