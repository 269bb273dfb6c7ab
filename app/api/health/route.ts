import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db";

export const dynamic = "force-dynamic";

/** 200 once the database is open and migrated; load balancers and the e2e web server wait on it. */
export async function GET() {
  try {
    const { db, engine } = await getDbHandle();
    await db.execute(sql`select 1`);
    return Response.json({ ok: true, database: engine }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error("[health] database not ready", error);
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
