import "server-only";
import { resetDemoData } from "@/db/reset";
import { getDb } from "@/lib/db";

/** Re-seeds the deployment to the known demo state. Callers revalidate caches. */
export async function resetStoreData(): Promise<void> {
  await resetDemoData(await getDb());
}
