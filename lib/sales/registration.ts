import "server-only";
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { FOREIGN_KEY_VIOLATION, isUuid, sqlState } from "./db-errors";
import { formatSaleTime, REGISTRATION_SHARDS } from "./rules";

export type RegisterResult =
  | { ok: true; alreadyRegistered: boolean }
  | {
      ok: false;
      code: "not_found" | "registration_not_open" | "registration_closed";
      message: string;
      opensAt?: Date;
    };

/**
 * Registers a fan for a sale, once: the primary key (sale, user) refuses a second row, and the live count is
 * bumped in the same statement only when a row was inserted. Registering again is not an error.
 */
export async function registerForSale(
  db: Db,
  { saleId, userId, now, timeZone }: { saleId: string; userId: string; now: Date; timeZone?: string },
): Promise<RegisterResult> {
  if (!isUuid(saleId) || !isUuid(userId)) return notFound();
  const nowIso = now.toISOString();
  let inserted: number;
  try {
    const [row] = await queryRows<{ inserted: number }>(
      db,
      sql`
        with ins as (
          insert into sale_registrations (sale_id, user_id, created_at)
          select s.id, ${userId}::uuid, ${nowIso}::timestamptz from sales s
          where s.id = ${saleId}::uuid and s.status = 'scheduled'
            and s.registration_opens_at <= ${nowIso}::timestamptz
            and s.registration_closes_at > ${nowIso}::timestamptz
          on conflict do nothing
          returning sale_id
        ), bump as (
          update sale_counters set registrations = registrations + 1
          where sale_id = ${saleId}::uuid and shard = ${randomInt(REGISTRATION_SHARDS)}::smallint
            and exists (select 1 from ins)
          returning 1
        )
        select (select count(*) from ins)::int as inserted, (select count(*) from bump)::int as bumped`,
    );
    inserted = row?.inserted ?? 0;
  } catch (error) {
    // A user id that no longer exists (a stale session): nothing was written.
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) return notFound();
    throw error;
  }
  if (inserted > 0) return { ok: true, alreadyRegistered: false };

  const [sale] = await queryRows<{
    status: string;
    registrationOpensAt: Date | string;
    registrationClosesAt: Date | string;
    registered: boolean;
  }>(
    db,
    sql`
      select s.status, s.registration_opens_at as "registrationOpensAt",
        s.registration_closes_at as "registrationClosesAt",
        exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = ${userId}::uuid)
          as "registered"
      from sales s where s.id = ${saleId}::uuid`,
  );
  if (!sale || sale.status === "draft") return notFound();
  if (sale.registered) return { ok: true, alreadyRegistered: true };
  const format = { timeZone: timeZone ?? env.STORE_TIMEZONE };
  const opensAt = new Date(sale.registrationOpensAt);
  if (sale.status === "scheduled" && now.getTime() < opensAt.getTime()) {
    return {
      ok: false,
      code: "registration_not_open",
      message: `Registration opens at ${formatSaleTime(opensAt, format)}.`,
      opensAt,
    };
  }
  return {
    ok: false,
    code: "registration_closed",
    message: `Registration for this sale closed at ${formatSaleTime(new Date(sale.registrationClosesAt), format)}.`,
  };
}

function notFound(): RegisterResult {
  return { ok: false, code: "not_found", message: "We couldn't find that sale. It may have been removed." };
}

export async function isRegisteredForSale(
  db: Db,
  { saleId, userId }: { saleId: string; userId: string },
): Promise<boolean> {
  if (!isUuid(saleId) || !isUuid(userId)) return false;
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from sale_registrations where sale_id = ${saleId}::uuid and user_id = ${userId}::uuid`,
  );
  return rows.length > 0;
}
