import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/lib/db";

/** Opens (and on first call migrates) the database and runs one trivial query; throws when it is not ready. */
export async function checkDatabase(): Promise<{ engine: string }> {
  const { db, engine } = await getDbHandle();
  await db.execute(sql`select 1`);
  return { engine };
}
