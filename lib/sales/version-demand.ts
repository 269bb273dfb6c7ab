import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { isUuid } from "./db-errors";
import { cacheSaleRead } from "./figures";
import type { VersionDemand } from "./live-variants";

/*
 * Demand per version before the start: how many registered fans chose each of a sale's versions, and how many
 * have not chosen. One grouped query over the sale's registrations (the primary key's sale prefix, then the rows'
 * sku_id). For a sale of 1.3 million fans that is about 0.2 s of one core (measured: see README-NOTES-regver2.md;
 * an index on (sale_id, sku_id) made it no faster), so the console reuses a read for DEMAND_TTL_MS, not the live
 * figures' second.
 */

/** How long the console reuses a demand read. */
export const DEMAND_TTL_MS = 10_000;

/** One group of the sale's registrations: fans of one chosen version, or (skuId null) fans without one. */
interface DemandGroup {
  skuId: number | null;
  fans: number;
}

/** The sale's demand per version; null for an unknown sale or a draw (its fans choose no version). */
export async function readVersionDemand(
  db: Db,
  { saleId }: { saleId: string },
): Promise<VersionDemand | null> {
  if (!isUuid(saleId)) return null;
  const [row] = await queryRows<{ draw: boolean; groups: DemandGroup[] | string }>(
    db,
    sql`
      select s.kind = 'draw' as draw,
        coalesce((
          select json_agg(json_build_object('skuId', c.sku_id, 'fans', c.fans))
          from (
            select r.sku_id, count(*)::int as fans from sale_registrations r
            where r.sale_id = s.id
            group by r.sku_id
          ) c), '[]'::json) as groups
      from sales s where s.id = ${saleId}::uuid`,
  );
  if (!row || row.draw) return null;
  const groups = typeof row.groups === "string" ? (JSON.parse(row.groups) as DemandGroup[]) : row.groups;
  const bySku: VersionDemand["bySku"] = [];
  let unchosen = 0;
  for (const g of groups) {
    if (g.skuId === null) unchosen = g.fans;
    else bySku.push({ skuId: g.skuId, fans: g.fans });
  }
  return { bySku, unchosen };
}

/** The demand for the console, read at most once per DEMAND_TTL_MS per sale however many marketers watch. */
export const cachedVersionDemand = cacheSaleRead({
  name: "version-demand",
  revive: (json) => json as VersionDemand | null,
  maxEntries: 200,
  ttlMs: DEMAND_TTL_MS,
  read: readVersionDemand,
  view: (demand) => demand,
});
