import "server-only";
import { randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { tierFor } from "@/lib/points/rules";
import { FOREIGN_KEY_VIOLATION, isSqlInt, isUuid, sqlState } from "./db-errors";
import { newEntryId } from "./draw-order";
import { formatSaleTime, REGISTRATION_SHARDS } from "./rules";
import { changeSaleVersion, versionRemovedMeanwhile } from "./version-choice";
import { noVersionInDraw, type VersionChoiceCode, versionNotInSale } from "./version-choice-rules";

export type RegisterCode =
  | "not_found"
  | "registration_not_open"
  | "registration_closed"
  | "account_too_new"
  | "tier_too_low"
  | VersionChoiceCode
  | "conflict";

export type RegisterResult =
  | { ok: true; alreadyRegistered: boolean; draw?: true; skuId?: number | null }
  | { ok: false; code: RegisterCode; message: string; opensAt?: Date };

/**
 * The eligibility rules a sale sets, as SQL on the sale `s` and the fan: account created before the cutoff, and
 * enough lifetime points for the required tier. Part of the registering statement, so nothing is written for an
 * ineligible fan and no read comes before the write.
 */
const eligible = (userId: string) => sql`
  (s.eligible_created_before is null or exists (
    select 1 from users u where u.id = ${userId}::uuid and u.created_at < s.eligible_created_before))
  and (s.min_lifetime_points is null or coalesce((
    select p.lifetime_earned from points_accounts p where p.user_id = ${userId}::uuid), 0) >= s.min_lifetime_points)`;

/**
 * Registers a fan for a sale, once: the primary key (sale, user) refuses a second row, and the live count is
 * bumped in the same statement only when a row was inserted. Registering again is not an error. A draw sale's
 * registration is an entry in its draw (`sale_draw_entries`, with a random pseudonymous entry id) instead.
 * A fan the sale's eligibility rules leave out is refused with the reason.
 *
 * `skuId`, optional, is the version the fan chooses (first-come sales only): it must be one of the sale's, or
 * nothing is written. A fan already registered who registers again with a version changes their choice (until
 * the start, as changeSaleVersion).
 */
export async function registerForSale(
  db: Db,
  {
    saleId,
    userId,
    now,
    timeZone,
    skuId = null,
  }: { saleId: string; userId: string; now: Date; timeZone?: string; skuId?: number | null },
): Promise<RegisterResult> {
  if (!isUuid(saleId) || !isUuid(userId)) return notFound();
  if (skuId !== null && !isSqlInt(skuId)) return versionNotInSale();
  const nowIso = now.toISOString();
  const open = sql`s.id = ${saleId}::uuid and s.status = 'scheduled'
    and s.registration_opens_at <= ${nowIso}::timestamptz
    and s.registration_closes_at > ${nowIso}::timestamptz
    and ${eligible(userId)}`;
  const version = skuId === null ? sql`null::int` : sql`${skuId}::int`;
  const versionOk =
    skuId === null
      ? sql`true`
      : sql`exists (select 1 from sale_skus ss where ss.sale_id = s.id and ss.sku_id = ${skuId}::int)`;
  let inserted: number;
  let entered: number;
  try {
    const [row] = await queryRows<{ inserted: number; entered: number }>(
      db,
      sql`
        with ins as (
          insert into sale_registrations (sale_id, user_id, sku_id, created_at)
          select s.id, ${userId}::uuid, ${version}, ${nowIso}::timestamptz from sales s
          where ${open} and s.kind = 'first_come' and ${versionOk}
          on conflict do nothing
          returning sale_id
        ), entry as (
          insert into sale_draw_entries (sale_id, user_id, entry_id, created_at)
          select s.id, ${userId}::uuid, ${newEntryId()}, ${nowIso}::timestamptz from sales s
          where ${open} and s.kind = 'draw' and ${skuId === null ? sql`true` : sql`false`}
          on conflict do nothing
          returning sale_id
        ), bump as (
          update sale_counters set registrations = registrations + 1
          where sale_id = ${saleId}::uuid and shard = ${randomInt(REGISTRATION_SHARDS)}::smallint
            and (exists (select 1 from ins) or exists (select 1 from entry))
          returning 1
        )
        select (select count(*) from ins)::int as inserted, (select count(*) from entry)::int as entered,
          (select count(*) from bump)::int as bumped`,
    );
    inserted = row?.inserted ?? 0;
    entered = row?.entered ?? 0;
  } catch (error) {
    // The version taken out of the sale between the check and the insert: nothing was written.
    const removed = versionRemovedMeanwhile(error);
    if (removed) return removed;
    // A user id that no longer exists (a stale session): nothing was written.
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) return notFound();
    throw error;
  }
  if (inserted > 0) return { ok: true, alreadyRegistered: false, ...(skuId === null ? {} : { skuId }) };
  if (entered > 0) return { ok: true, alreadyRegistered: false, draw: true };

  const facts = await getRegistrationFacts(db, { saleId, userId });
  if (!facts) return notFound();
  if (facts.registered && skuId !== null) {
    const changed = await changeSaleVersion(db, { saleId, userId, skuId, now });
    return changed.ok ? { ok: true, alreadyRegistered: true, skuId: changed.skuId } : changed;
  }
  if (facts.registered)
    return { ok: true, alreadyRegistered: true, ...(facts.draw ? { draw: true as const } : {}) };
  const refusal = registrationRefusal(facts, { now, timeZone });
  if (refusal) return refusal;
  if (skuId !== null && facts.draw) return noVersionInDraw();
  return skuId !== null ? versionNotInSale() : notFound();
}

/** What decides whether a fan may register for a sale. */
export interface RegistrationFacts {
  status: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  registered: boolean;
  draw: boolean;
  eligibleCreatedBefore: Date | null;
  minLifetimePoints: number | null;
  accountCreatedAt: Date | null;
  lifetimeEarned: number;
}

/** The sale's registration rules and this fan's facts; null for an unknown sale or a draft. */
export async function getRegistrationFacts(
  db: Db,
  { saleId, userId }: { saleId: string; userId: string },
): Promise<RegistrationFacts | null> {
  if (!isUuid(saleId) || !isUuid(userId)) return null;
  const [sale] = await queryRows<{
    status: string;
    registrationOpensAt: Date | string;
    registrationClosesAt: Date | string;
    registered: boolean;
    draw: boolean;
    eligibleCreatedBefore: Date | string | null;
    minLifetimePoints: number | null;
    accountCreatedAt: Date | string | null;
    lifetimeEarned: number;
  }>(
    db,
    sql`
      select s.status, s.registration_opens_at as "registrationOpensAt",
        s.registration_closes_at as "registrationClosesAt",
        exists (select 1 from sale_registrations r where r.sale_id = s.id and r.user_id = ${userId}::uuid)
          or exists (select 1 from sale_draw_entries e where e.sale_id = s.id and e.user_id = ${userId}::uuid)
          as "registered", s.kind = 'draw' as draw,
        s.eligible_created_before as "eligibleCreatedBefore", s.min_lifetime_points as "minLifetimePoints",
        (select u.created_at from users u where u.id = ${userId}::uuid) as "accountCreatedAt",
        coalesce((select p.lifetime_earned from points_accounts p where p.user_id = ${userId}::uuid), 0)::int
          as "lifetimeEarned"
      from sales s where s.id = ${saleId}::uuid`,
  );
  if (!sale || sale.status === "draft") return null;
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...sale,
    registrationOpensAt: new Date(sale.registrationOpensAt),
    registrationClosesAt: new Date(sale.registrationClosesAt),
    eligibleCreatedBefore: date(sale.eligibleCreatedBefore),
    accountCreatedAt: date(sale.accountCreatedAt),
  };
}

/**
 * Why this fan cannot register now (not yet open, closed, account too new, tier too low), or null when they can.
 * The same words for the refusal and for the sale page's note before the fan clicks.
 */
export function registrationRefusal(
  facts: RegistrationFacts,
  { now, timeZone }: { now: Date; timeZone?: string | undefined },
): Extract<RegisterResult, { ok: false }> | null {
  const format = { timeZone: timeZone ?? env.STORE_TIMEZONE };
  const cutoff = facts.eligibleCreatedBefore;
  if (cutoff && (!facts.accountCreatedAt || facts.accountCreatedAt.getTime() >= cutoff.getTime())) {
    return {
      ok: false,
      code: "account_too_new",
      message: `This sale is for fans whose account was created before ${formatSaleTime(cutoff, format)}; yours is newer.`,
    };
  }
  if (facts.minLifetimePoints !== null && facts.lifetimeEarned < facts.minLifetimePoints) {
    const needed = tierFor(facts.minLifetimePoints);
    const short = facts.minLifetimePoints - facts.lifetimeEarned;
    return {
      ok: false,
      code: "tier_too_low",
      message: `This sale is for Kite Club ${needed.name} fans and above; you're ${tierFor(facts.lifetimeEarned).name} (${short.toLocaleString("en-US")} points to go).`,
    };
  }
  if (facts.status === "scheduled" && now.getTime() < facts.registrationOpensAt.getTime()) {
    return {
      ok: false,
      code: "registration_not_open",
      message: `Registration opens at ${formatSaleTime(facts.registrationOpensAt, format)}.`,
      opensAt: facts.registrationOpensAt,
    };
  }
  if (facts.status !== "scheduled" || now.getTime() >= facts.registrationClosesAt.getTime()) {
    return {
      ok: false,
      code: "registration_closed",
      message: `Registration for this sale closed at ${formatSaleTime(facts.registrationClosesAt, format)}.`,
    };
  }
  return null;
}

function notFound(): Extract<RegisterResult, { ok: false }> {
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
