import "server-only";
import { resetDemoData } from "@/db/reset";
import { seedDemoBeta } from "@/lib/beta/demo";
import { getDb } from "@/lib/db";
import { seedDemoSales } from "@/lib/sales/demo";

/** Re-seeds the deployment to the known demo state. Callers revalidate caches. */
export async function resetStoreData(): Promise<void> {
  const db = await getDb();
  await resetDemoData(db);
  await seedDemoSales(db, { now: new Date() });
  await seedDemoBeta(db, { now: new Date() });
}
