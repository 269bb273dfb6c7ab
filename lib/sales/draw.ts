import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { type Actor, writeAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { type DrawResult, enqueueDrawResultMails } from "@/lib/mail/events";
import { fail, ok, type Result } from "@/lib/result";
import { formatStoreDateTime } from "@/lib/store-time";
import { isUuid } from "./db-errors";
import { drawOrder } from "./draw-order";

/*
 * Draw sales. Registration is an entry (lib/sales/registration.ts) under a random pseudonymous id; the seed was
 * chosen and its SHA-256 published when the sale was created (./commands.ts). At or after registration closes,
 * `runDraw` reveals the seed, orders the entries by ./draw-order.ts, and holds a unit for each of the first
 * entries (as many as the sale has units), in one transaction under the sale row's lock: a second or concurrent
 * run finds the sale drawn and is refused, having written nothing.
 *
 * A winner's unit is an ordinary sale hold (seq 1, in a public bucket, with its place in the checkout line), so
 * checkout, payment, expiry and the sweep treat it like any other. The public reserve never reaches a draw's
 * units: it needs a `sale_registrations` row, and draw entries are not such rows. When a winner's hold ends
 * unpaid its unit is back in the bucket, and `promoteDrawReserves` (run by the hold sweep) holds it for the next
 * entry in the drawn order, with a window of its own.
 */

export type DrawCode = "not_found" | "not_a_draw" | "registration_open" | "already_drawn" | "sale_ended";

export type DrawOutcome = { entries: number; winners: number; seed: string; message: string };

interface LockedSale {
  name: string;
  kind: string;
  status: string;
  registrationClosesAt: Date | string;
  endsAt: Date | string;
  drawnAt: Date | string | null;
  drawSeed: string | null;
  purchaseWindowMinutes: number | null;
}

/** The sale row, locked against a concurrent draw or promotion (not against registrations or holds). */
async function lockDrawSale(tx: Tx, saleId: string, { skipLocked = false } = {}): Promise<LockedSale | null> {
  const [row] = await queryRows<LockedSale>(
    tx,
    sql`
      select name, kind, status, registration_closes_at as "registrationClosesAt", ends_at as "endsAt",
        drawn_at as "drawnAt", draw_seed as "drawSeed", purchase_window_minutes as "purchaseWindowMinutes"
      from sales where id = ${saleId}::uuid
      for no key update ${sql.raw(skipLocked ? "skip locked" : "")}`,
  );
  return row ?? null;
}

/** Why this sale cannot be drawn now, or null. */
function drawRefusal(sale: LockedSale | null, { now, timeZone }: { now: Date; timeZone: string }) {
  if (!sale || sale.status === "draft") return fail("not_found", "That sale doesn't exist (any more).");
  if (sale.kind !== "draw" || !sale.drawSeed || !sale.purchaseWindowMinutes) {
    return fail("not_a_draw", "This sale is first come, first served: it has no draw.");
  }
  if (sale.drawnAt) {
    return fail(
      "already_drawn",
      `This sale was already drawn at ${formatStoreDateTime(new Date(sale.drawnAt), timeZone)}; a draw runs once.`,
    );
  }
  if (sale.status === "ended" || new Date(sale.endsAt).getTime() <= now.getTime()) {
    return fail("sale_ended", "This sale has ended, so its draw can't run any more.");
  }
  const closes = new Date(sale.registrationClosesAt);
  if (now.getTime() < closes.getTime()) {
    return fail(
      "registration_open",
      `Registration is open until ${formatStoreDateTime(closes, timeZone)}; run the draw after it closes.`,
    );
  }
  return null;
}

/**
 * Runs a sale's draw once: reveals the seed, numbers every entry in drawn order, holds a unit for each of the
 * first ones (valid for the sale's purchase window), mails every entry its result, and records who ran it.
 */
export async function runDraw(
  db: Db,
  { saleId, now, timeZone, actor }: { saleId: string; now: Date; timeZone: string; actor: Actor | null },
): Promise<Result<DrawOutcome, DrawCode>> {
  if (!isUuid(saleId)) return fail("not_found", "That sale doesn't exist (any more).");
  return db.transaction(async (tx) => {
    const sale = await lockDrawSale(tx, saleId);
    const refusal = drawRefusal(sale, { now, timeZone });
    if (refusal || !sale?.drawSeed || !sale.purchaseWindowMinutes) {
      return refusal ?? fail("not_a_draw", "This sale has no draw.");
    }
    const seed = sale.drawSeed;
    const entries = await queryRows<{ entryId: string }>(
      tx,
      sql`select entry_id as "entryId" from sale_draw_entries where sale_id = ${saleId}::uuid`,
    );
    const order = drawOrder(
      seed,
      entries.map((e) => e.entryId),
    );
    await tx.execute(sql`
      update sale_draw_entries e set position = v.pos
      from jsonb_array_elements_text(${JSON.stringify(order)}::jsonb) with ordinality v(entry_id, pos)
      where e.sale_id = ${saleId}::uuid and e.entry_id = v.entry_id`);
    await tx.execute(sql`update sales set drawn_at = ${now.toISOString()}::timestamptz, updated_at = now()
      where id = ${saleId}::uuid`);
    const won = await offerDrawUnits(tx, { saleId, now, windowMinutes: sale.purchaseWindowMinutes });
    const winners = won.length;
    const reserve = await queryRows<{ userId: string; position: number }>(
      tx,
      sql`select user_id as "userId", position from sale_draw_entries
        where sale_id = ${saleId}::uuid and offered_at is null and position is not null order by position`,
    );
    await enqueueDrawResultMails({
      tx,
      saleId,
      results: [
        ...won.map((w) => ({ ...w, won: { ...w.won, promoted: false } })),
        ...reserve.map((r, i) => ({
          userId: r.userId,
          position: r.position,
          won: null,
          reservePlace: i + 1,
        })),
      ],
    });
    if (actor) {
      await writeAudit(tx, {
        actor,
        action: "sale.draw",
        entityType: "sale",
        entityId: saleId,
        summary: `Ran the draw of “${sale.name}”: ${winners} winners among ${order.length} entries`,
        diff: {
          drawnAt: { from: null, to: now.toISOString() },
          entries: { from: null, to: order.length },
          winners: { from: null, to: winners },
        },
      });
    }
    const message =
      order.length === 0
        ? "Drawn: nobody had entered, so no unit was held."
        : `Drawn: ${winners} of ${order.length} entries won a unit; the rest are the reserve list, in drawn order.`;
    return ok({ entries: order.length, winners, seed, message });
  });
}

type Offered = Omit<DrawResult, "won"> & { won: { holdId: string; deadline: Date } };

/**
 * Holds the sale's free units for the next entries in drawn order that were never offered one, as many as there
 * are units, in one statement: the holds (seq 1, one per entry), the buckets' available → held, the holds' places
 * in the checkout line and the entries' offer. The caller holds the sale row's lock, so offers never race.
 */
async function offerDrawUnits(
  tx: Tx,
  { saleId, now, windowMinutes }: { saleId: string; now: Date; windowMinutes: number },
): Promise<Offered[]> {
  const deadline = new Date(now.getTime() + windowMinutes * 60_000);
  const nowIso = now.toISOString();
  const rows = await queryRows<{ userId: string; position: number; holdId: string }>(
    tx,
    sql`
      with units as (
        select b.id as bucket_id, b.sku_id, row_number() over (order by b.bucket, g.n) as rn
        from sale_buckets b cross join lateral generate_series(1, b.available) g(n)
        where b.sale_id = ${saleId}::uuid and b.bucket >= 0 and b.available > 0
      ), next as (
        select e.user_id, row_number() over (order by e.position) as rn
        from sale_draw_entries e
        where e.sale_id = ${saleId}::uuid and e.position is not null and e.offered_at is null
        order by e.position
        limit (select count(*) from units)
      ), hold as (
        insert into sale_holds (sale_id, sku_id, bucket_id, user_id, seq, status, expires_at, created_at)
        select ${saleId}::uuid, units.sku_id, units.bucket_id, next.user_id, 1, 'active',
          ${deadline.toISOString()}::timestamptz, ${nowIso}::timestamptz
        from next join units using (rn)
        returning id, user_id, bucket_id
      ), taken as (
        update sale_buckets b set available = b.available - c.n, held = b.held + c.n
        from (select bucket_id, count(*)::int as n from hold group by bucket_id) c
        where b.id = c.bucket_id
        returning b.id
      ), queued as (
        insert into checkout_queue (hold_id, user_id, enqueued_at, not_before)
        select hold.id, hold.user_id, ${nowIso}::timestamptz, now() from hold
        returning hold_id
      ), marked as (
        update sale_draw_entries e set offered_at = ${nowIso}::timestamptz, hold_id = hold.id
        from hold where e.sale_id = ${saleId}::uuid and e.user_id = hold.user_id
        returning e.user_id, e.position, e.hold_id
      )
      -- taken and queued run although nothing reads them (data-modifying CTEs always do).
      select user_id as "userId", position, hold_id as "holdId" from marked order by position`,
  );
  return rows.map((r) => ({
    userId: r.userId,
    position: r.position,
    won: { holdId: r.holdId, deadline },
    reservePlace: null,
  }));
}

/**
 * Units that came back in drawn sales (a winner's hold ended unpaid) go to the next entries in drawn order, each
 * with a purchase window of its own and a mail. Run by the hold sweep after it released what ran out; a sale
 * another instance is promoting right now is left to it. Returns how many entries got a unit.
 */
export async function promoteDrawReserves(db: Db, { now }: { now: Date }): Promise<{ promoted: number }> {
  const due = await queryRows<{ id: string }>(
    db,
    sql`
      select s.id from sales s
      where s.kind = 'draw' and s.drawn_at is not null and s.status = 'scheduled'
        and s.ends_at > ${now.toISOString()}::timestamptz
        and exists (select 1 from sale_buckets b where b.sale_id = s.id and b.bucket >= 0 and b.available > 0)
        and exists (select 1 from sale_draw_entries e
          where e.sale_id = s.id and e.position is not null and e.offered_at is null)
      limit 50`,
  );
  let promoted = 0;
  for (const { id: saleId } of due) {
    promoted += await db.transaction(async (tx) => {
      const sale = await lockDrawSale(tx, saleId, { skipLocked: true });
      if (!sale?.drawnAt || !sale.purchaseWindowMinutes || sale.status !== "scheduled") return 0;
      const offered = await offerDrawUnits(tx, { saleId, now, windowMinutes: sale.purchaseWindowMinutes });
      await enqueueDrawResultMails({
        tx,
        saleId,
        results: offered.map((o) => ({ ...o, won: { ...o.won, promoted: true } })),
      });
      return offered.length;
    });
  }
  return { promoted };
}

// ─── Reading ────────────────────────────────────────────────────────────────

/** What a draw sale's page shows every visitor (cacheable: the same for all). */
export interface DrawPublic {
  commitment: string;
  purchaseWindowMinutes: number;
  /** Revealed once drawn. */
  drawnAt: Date | null;
  seed: string | null;
  entries: number;
  winners: number;
}

export async function getDrawPublic(db: Db, { saleId }: { saleId: string }): Promise<DrawPublic | null> {
  if (!isUuid(saleId)) return null;
  const [row] = await queryRows<{
    commitment: string | null;
    purchaseWindowMinutes: number | null;
    drawnAt: Date | string | null;
    seed: string | null;
    entries: number;
    winners: number;
  }>(
    db,
    sql`
      select s.draw_commitment as commitment, s.purchase_window_minutes as "purchaseWindowMinutes",
        s.drawn_at as "drawnAt", case when s.drawn_at is not null then s.draw_seed end as seed,
        (select count(*) from sale_draw_entries e where e.sale_id = s.id)::int as entries,
        (select count(*) from sale_draw_entries e where e.sale_id = s.id and e.offered_at = s.drawn_at)::int
          as winners
      from sales s where s.id = ${saleId}::uuid and s.kind = 'draw' and s.status <> 'draft'`,
  );
  if (!row?.commitment || !row.purchaseWindowMinutes) return null;
  return {
    commitment: row.commitment,
    purchaseWindowMinutes: row.purchaseWindowMinutes,
    drawnAt: row.drawnAt ? new Date(row.drawnAt) : null,
    seed: row.seed,
    entries: row.entries,
    winners: row.winners,
  };
}

/** The published draw: seed, units and entry ids (sorted by id), with the winners in drawn order. Null before. */
export interface PublishedDraw {
  saleId: string;
  commitment: string;
  seed: string;
  drawnAt: string;
  units: number;
  entries: string[];
  winners: string[];
}

export async function getPublishedDraw(
  db: Db,
  { saleId }: { saleId: string },
): Promise<PublishedDraw | null> {
  const draw = await getDrawPublic(db, { saleId });
  if (!draw?.seed || !draw.drawnAt) return null;
  const rows = await queryRows<{ entryId: string; won: boolean }>(
    db,
    sql`
      select e.entry_id as "entryId", e.offered_at = s.drawn_at as won
      from sale_draw_entries e join sales s on s.id = e.sale_id
      where e.sale_id = ${saleId}::uuid
      order by e.position`,
  );
  return {
    saleId,
    commitment: draw.commitment,
    seed: draw.seed,
    drawnAt: draw.drawnAt.toISOString(),
    units: draw.winners,
    entries: rows.map((r) => r.entryId).sort(),
    winners: rows.filter((r) => r.won).map((r) => r.entryId),
  };
}

/** One fan's draw state, for the per-visitor endpoint. */
export interface DrawVisitorState {
  entered: boolean;
  entryId: string | null;
  position: number | null;
  holdId: string | null;
  holdStatus: "active" | "converted" | "released" | null;
  holdExpiresAt: Date | null;
  /** Entries still waiting ahead of this one (reserve list), once drawn and not offered. */
  waitingAhead: number | null;
}

export async function getDrawVisitorState(
  db: Db,
  { saleId, userId }: { saleId: string; userId: string },
): Promise<DrawVisitorState> {
  const none: DrawVisitorState = {
    entered: false,
    entryId: null,
    position: null,
    holdId: null,
    holdStatus: null,
    holdExpiresAt: null,
    waitingAhead: null,
  };
  if (!isUuid(saleId) || !isUuid(userId)) return none;
  const [row] = await queryRows<{
    entryId: string;
    position: number | null;
    holdId: string | null;
    holdStatus: "active" | "converted" | "released" | null;
    holdExpiresAt: Date | string | null;
    waitingAhead: number | null;
  }>(
    db,
    sql`
      select e.entry_id as "entryId", e.position, e.hold_id as "holdId", h.status as "holdStatus",
        h.expires_at as "holdExpiresAt",
        case when e.position is not null and e.offered_at is null then (
          select count(*) from sale_draw_entries o
          where o.sale_id = e.sale_id and o.offered_at is null and o.position < e.position)::int end
          as "waitingAhead"
      from sale_draw_entries e left join sale_holds h on h.id = e.hold_id
      where e.sale_id = ${saleId}::uuid and e.user_id = ${userId}::uuid`,
  );
  if (!row) return none;
  return {
    ...row,
    entered: true,
    holdExpiresAt: row.holdExpiresAt ? new Date(row.holdExpiresAt) : null,
  };
}
