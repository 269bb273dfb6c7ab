import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { REGISTRATION_SHARDS } from "./rules";

/**
 * Registers many users for a sale in one statement, as registerForSale writes each of them (row + counter shard):
 * the counter shards grow by exactly the rows inserted, spread evenly. For QA crowds, fixtures and benchmarks;
 * `registeredAt` defaults to the database's now().
 */
export async function registerUsersInBulk(
  db: Db,
  { saleId, userIds, registeredAt }: { saleId: string; userIds: string[]; registeredAt?: Date },
): Promise<void> {
  if (userIds.length === 0) return;
  const createdAt = registeredAt ? sql`${registeredAt.toISOString()}::timestamptz` : sql`now()`;
  await db.execute(sql`
    with ins as (
      insert into sale_registrations (sale_id, user_id, created_at)
      select ${saleId}::uuid, unnest(${`{${userIds.join(",")}}`}::uuid[]), ${createdAt}
      on conflict do nothing
      returning user_id
    ), n as (select count(*)::int as n from ins)
    update sale_counters c
    set registrations = c.registrations + (n.n / ${REGISTRATION_SHARDS}::int)
      + case when c.shard < n.n % ${REGISTRATION_SHARDS}::int then 1 else 0 end
    from n
    where c.sale_id = ${saleId}::uuid`);
}
