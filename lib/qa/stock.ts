import "server-only";
import { eq } from "drizzle-orm";
import { skus } from "@/db/schema";
import { getDb } from "@/lib/db";

export async function getSkuStock({ code }: { code: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      code: skus.code,
      quantity: skus.quantity,
      available: skus.available,
      held: skus.held,
      sold: skus.sold,
    })
    .from(skus)
    .where(eq(skus.code, code.slice(0, 200)));
  return row ?? null;
}
