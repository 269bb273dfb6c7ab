import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import { DEMO_BETA } from "@/db/seed-data";

// No `server-only` here or in what this imports: the seed script runs it under plain Node.

/**
 * The open demo beta ("Kite Buds 2 Pro beta: 300 seats"), idempotent: created when no beta has its title, and a
 * demo beta whose window has closed without a single application is opened again from `now` (so a long-lived
 * development database keeps an open beta). A beta that fans applied to is left as it is. Returns its id, or null
 * when the catalogue has no Kite Buds 2 (a database seeded before it).
 */
export async function seedDemoBeta(db: Db, { now }: { now: Date }): Promise<string | null> {
  const opensAt = new Date(now.getTime() - 60 * 60_000);
  const closesAt = new Date(now.getTime() + DEMO_BETA.openDays * 24 * 3600_000);
  return db.transaction(async (tx) => {
    const [existing] = await queryRows<{ id: string; closesAt: Date | string; applied: boolean }>(
      tx,
      sql`select b.id, b.closes_at as "closesAt",
            exists (select 1 from beta_applications a where a.beta_id = b.id) as applied
          from betas b where b.title = ${DEMO_BETA.title} order by b.created_at limit 1`,
    );
    if (existing) {
      if (!existing.applied && new Date(existing.closesAt).getTime() <= now.getTime()) {
        await tx.execute(sql`
          update betas set opens_at = ${opensAt.toISOString()}::timestamptz,
            closes_at = ${closesAt.toISOString()}::timestamptz
          where id = ${existing.id}::uuid`);
      }
      return existing.id;
    }
    const [created] = await queryRows<{ id: string }>(
      tx,
      sql`
        insert into betas (product_id, sku_id, title, prompt, seats, token_price_minor, currency, points_cost,
          opens_at, closes_at, created_at)
        select k.product_id, k.id, ${DEMO_BETA.title}, ${DEMO_BETA.prompt}, ${DEMO_BETA.seats}::int,
          ${DEMO_BETA.tokenPriceMinor}::int, k.currency, ${DEMO_BETA.pointsCost}::int,
          ${opensAt.toISOString()}::timestamptz, ${closesAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from skus k where k.code = ${DEMO_BETA.skuCode}
        returning id`,
    );
    return created?.id ?? null;
  });
}
