import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { seedDemo } from "./seed";

/** Empties every table of ours (not drizzle's migration journal) and seeds the demo data, in one transaction. */
export async function resetDemoData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const result = (await tx.execute(
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    )) as unknown as { rows: { tablename: string }[] };
    const names = result.rows.map((r) => `"${r.tablename.replaceAll('"', '""')}"`);
    if (names.length) await tx.execute(sql.raw(`truncate ${names.join(", ")} restart identity cascade`));
    await seedDemo(tx as unknown as Db);
  });
}
