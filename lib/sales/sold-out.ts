import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Tx } from "@/lib/db";

/**
 * Records the sale's sold-out instant, once, if no public bucket has a unit left (an F-code quota does not count). Locks the sale row first so that two
 * transactions taking the last units of two buckets at once cannot both miss the moment: the second to lock sees
 * the first's committed bucket.
 */
export async function recordSoldOutIfEmpty(tx: Tx, { saleId, now }: { saleId: string; now: Date }) {
  const nowIso = now.toISOString();
  await tx.execute(sql`select 1 from sales where id = ${saleId}::uuid for no key update`);
  const rows = await queryRows<{ soldOutAt: Date }>(
    tx,
    sql`
      update sales set sold_out_at = greatest(${nowIso}::timestamptz, starts_at)
      where id = ${saleId}::uuid and sold_out_at is null
        and not exists (
          select 1 from sale_buckets b where b.sale_id = ${saleId}::uuid and b.bucket >= 0 and b.available > 0)
      returning sold_out_at as "soldOutAt"`,
  );
  return { recorded: rows.length > 0 };
}
