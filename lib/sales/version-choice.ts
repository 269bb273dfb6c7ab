import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { fail, type Result } from "@/lib/result";
import { FOREIGN_KEY_VIOLATION, isSqlInt, isUuid, sqlConstraint, sqlState } from "./db-errors";
import {
  type VersionChoiceCode,
  type VersionChoiceFacts,
  versionChoiceRefusal,
  versionNotInSale,
} from "./version-choice-rules";

/** The foreign key that keeps a registration's version one of its sale's own (migration 0021). */
export const VERSION_CHOICE_FK = "sale_registrations_sale_sku_fk";

/** A registration's version refused by the foreign key (removed from the sale meanwhile), else null. */
export function versionRemovedMeanwhile(error: unknown): ReturnType<typeof versionNotInSale> | null {
  return sqlState(error) === FOREIGN_KEY_VIOLATION && sqlConstraint(error) === VERSION_CHOICE_FK
    ? versionNotInSale()
    : null;
}

export type ChangeVersionResult = Result<{ skuId: number }, VersionChoiceCode | "conflict">;

/**
 * A registered fan changes the version they will buy at the start: one conditional update (the sale not started,
 * not a draw, the version one of the sale's). When it matches nothing, the facts are read to say why; a refusal
 * writes nothing.
 */
export async function changeSaleVersion(
  db: Db,
  { saleId, userId, skuId, now }: { saleId: string; userId: string; skuId: number; now: Date },
): Promise<ChangeVersionResult> {
  if (!isUuid(saleId) || !isUuid(userId)) return fail("not_found", "We couldn't find that sale.");
  if (!isSqlInt(skuId)) return versionNotInSale();
  let updated: { skuId: number }[];
  try {
    updated = await queryRows<{ skuId: number }>(
      db,
      sql`
        update sale_registrations r set sku_id = ${skuId}::int
        from sales s
        where r.sale_id = ${saleId}::uuid and r.user_id = ${userId}::uuid and s.id = r.sale_id
          and s.status = 'scheduled' and s.kind = 'first_come' and s.starts_at > ${now.toISOString()}::timestamptz
          and exists (select 1 from sale_skus ss where ss.sale_id = r.sale_id and ss.sku_id = ${skuId}::int)
        returning r.sku_id as "skuId"`,
    );
  } catch (error) {
    const removed = versionRemovedMeanwhile(error);
    if (removed) return removed;
    throw error;
  }
  if (updated[0]) return { ok: true, skuId: updated[0].skuId };
  const facts = await getVersionChoiceFacts(db, { saleId, userId, skuId });
  if (!facts) return fail("not_found", "We couldn't find that sale. It may have been removed.");
  return (
    versionChoiceRefusal(facts, now) ??
    fail("conflict", "Your choice didn't go through because the sale changed. Reload the page and try again.")
  );
}

/** The sale's and this fan's facts for a version choice; null for an unknown sale. */
export async function getVersionChoiceFacts(
  db: Db,
  { saleId, userId, skuId }: { saleId: string; userId: string; skuId: number },
): Promise<VersionChoiceFacts | null> {
  if (!isUuid(saleId) || !isUuid(userId) || !isSqlInt(skuId)) return null;
  const [row] = await queryRows<Omit<VersionChoiceFacts, "startsAt"> & { startsAt: Date | string }>(
    db,
    sql`
      select s.status, s.kind = 'draw' as draw, s.starts_at as "startsAt",
        exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = ${userId}::uuid)
          as registered,
        exists (select 1 from sale_skus ss where ss.sale_id = s.id and ss.sku_id = ${skuId}::int)
          as "versionInSale"
      from sales s where s.id = ${saleId}::uuid`,
  );
  return row ? { ...row, startsAt: new Date(row.startsAt) } : null;
}

/** This fan's registration in a (first-come) sale and the version they chose (null: none yet), or null. */
export async function getSaleRegistration(
  db: Db,
  { saleId, userId }: { saleId: string; userId: string },
): Promise<{ skuId: number | null } | null> {
  if (!isUuid(saleId) || !isUuid(userId)) return null;
  const [row] = await queryRows<{ skuId: number | null }>(
    db,
    sql`select sku_id as "skuId" from sale_registrations
      where sale_id = ${saleId}::uuid and user_id = ${userId}::uuid`,
  );
  return row ?? null;
}
