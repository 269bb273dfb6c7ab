import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { variantLabel } from "@/lib/catalog/variant-label";
import { releaseOrder } from "@/lib/checkout/holds";
import type { Db, Tx } from "@/lib/db";
import { mailStore } from "@/lib/mail/events";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderWaitlistOfferMail } from "@/lib/mail/templates/waitlist-offer";
import { type Failure, fail, ok, Refusal, type Result, refusable } from "@/lib/result";
import { FOREIGN_KEY_VIOLATION, isSqlInt, isUuid, sqlState } from "./db-errors";
import { releaseSaleHold } from "./holds";

/*
 * The waitlist of a sold-out first-come sale. Joining is one insert guarded by a unique index (once per fan and
 * sale). Offering is not done here: a unit that comes back to a public bucket is handed, in the transaction that
 * returns it, to the first fan waiting for its version as a hold of their own (the trigger
 * kite_offer_returned_unit, db/migrations/0019), so every way a unit comes back (expiry sweep, release on read,
 * cancellation, failed payment, a returned order) feeds the line and the public reserve never sees such a unit.
 * This module mails the offers (from the hold sweep), tells each fan where they stand, and lets a fan leave (a unit
 * held for them then passes on at once, through the same trigger).
 */

export type JoinWaitlistCode =
  | "not_found"
  | "sku_not_in_sale"
  | "not_started"
  | "ended"
  | "not_sold_out"
  | "not_registered"
  | "has_unit"
  | "already_joined";

export type JoinWaitlistResult = Result<{ entryId: number }, JoinWaitlistCode>;

interface JoinFacts {
  found: boolean;
  status: string | null;
  startsAt: Date | string | null;
  endsAt: Date | string | null;
  skuInSale: boolean;
  available: number;
  registered: boolean;
  hasUnit: boolean;
  joined: boolean;
  entryId: number | null;
}

/**
 * Puts a registered fan without a unit of the sale in its waitlist for one version, when that version is sold
 * out. One statement: the facts that decide it and the insert read the same snapshot, and the unique index on
 * (sale, fan) turns a second join, however concurrent, into `already_joined`. A refusal writes nothing.
 */
export async function joinWaitlist(
  db: Db,
  { saleId, skuId, userId, now }: { saleId: string; skuId: number; userId: string; now: Date },
): Promise<JoinWaitlistResult> {
  if (!isUuid(saleId) || !isUuid(userId)) return notFound();
  if (!isSqlInt(skuId)) return skuNotInSale();
  const nowIso = now.toISOString();
  let facts: JoinFacts | undefined;
  try {
    [facts] = await queryRows<JoinFacts>(
      db,
      sql`
        with s as (
          select id, status, starts_at, ends_at from sales where id = ${saleId}::uuid and status <> 'draft'
        ), f as (
          select exists (select 1 from s) as found,
            (select status::text from s) as status, (select starts_at from s) as "startsAt",
            (select ends_at from s) as "endsAt",
            exists (select 1 from sale_skus where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int) as "skuInSale",
            (select coalesce(sum(available), 0)::int from sale_buckets
              where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int and bucket >= 0) as available,
            exists (select 1 from sale_registrations
              where sale_id = ${saleId}::uuid and user_id = ${userId}::uuid) as registered,
            exists (select 1 from sale_holds where sale_id = ${saleId}::uuid and user_id = ${userId}::uuid
              and status in ('active', 'converted')) as "hasUnit",
            exists (select 1 from sale_waitlist where sale_id = ${saleId}::uuid and user_id = ${userId}::uuid)
              as joined
        ), ins as (
          insert into sale_waitlist (sale_id, sku_id, user_id, created_at)
          select ${saleId}::uuid, ${skuId}::int, ${userId}::uuid, ${nowIso}::timestamptz
          from f
          where f.found and f.status = 'scheduled' and f."startsAt" <= ${nowIso}::timestamptz
            and f."endsAt" > ${nowIso}::timestamptz and f."skuInSale" and f.available = 0 and f.registered
            and not f."hasUnit" and not f.joined
          on conflict do nothing
          returning id
        )
        select f.*, (select id from ins) as "entryId" from f`,
    );
  } catch (error) {
    // A user id that no longer exists (a stale session): nothing was written.
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) return notFound();
    throw error;
  }
  if (!facts) return notFound();
  if (facts.entryId !== null) return { ok: true, entryId: Number(facts.entryId) };
  return whyNotJoined(facts, now);
}

function whyNotJoined(facts: JoinFacts, now: Date): Failure<JoinWaitlistCode> {
  if (!facts.found || !facts.startsAt || !facts.endsAt) return notFound();
  if (facts.status === "ended" || now >= new Date(facts.endsAt)) {
    return fail("ended", "This sale has ended, so its waitlist is closed.");
  }
  if (now < new Date(facts.startsAt)) {
    return fail("not_started", "The waitlist opens once the sale has started and sold out.");
  }
  if (!facts.skuInSale) return skuNotInSale();
  if (!facts.registered) {
    return fail(
      "not_registered",
      "Only fans who registered for this sale before it started can join its waitlist.",
    );
  }
  if (facts.hasUnit) {
    return fail(
      "has_unit",
      "You already have a unit of this sale: the waitlist is for fans who don't have one yet.",
    );
  }
  if (facts.available > 0) {
    return fail("not_sold_out", "This version isn't sold out: press Buy now on the sale page instead.");
  }
  // Joined before, or a second press that lost the race to the first: the unique index refused it.
  return fail(
    "already_joined",
    "You're already on this sale's waitlist. We'll mail you if a unit comes back.",
  );
}

function notFound(): Failure<"not_found"> {
  return fail("not_found", "We couldn't find that sale. It may have been removed.");
}

function skuNotInSale(): Failure<"sku_not_in_sale"> {
  return fail(
    "sku_not_in_sale",
    "That version isn't part of this sale. Choose one of the versions on the sale page.",
  );
}

export type LeaveWaitlistCode = "not_on_waitlist" | "bought" | "offer_over" | "conflict" | "unavailable";

export type LeaveWaitlistResult = Result<
  {
    /** The unit that was held for the fan and went on to the next fan in line (or back on sale), if any. */
    releasedHoldId: string | null;
    /** A Checkout Session started for that unit: the caller expires it so it can no longer be paid. */
    stripeSessionId: string | null;
    message: string;
  },
  LeaveWaitlistCode
>;

interface LeaveFacts {
  id: number;
  status: "waiting" | "offered" | "missed";
  holdId: string | null;
  holdStatus: string | null;
  orderId: string | null;
}

/**
 * Takes a fan out of a sale's waitlist. A fan still waiting just leaves the line (everyone behind moves up one).
 * A fan holding an offer gives its unit up at once through the one hold-release path (`releaseSaleHold`, or
 * `releaseOrder` when they had started paying for it), so the trigger kite_offer_returned_unit hands it, in the
 * same transaction, to the next fan waiting for that version (or, with nobody waiting, puts it back on sale).
 * The entry is locked first, so a leave racing an offer or a second leave is decided one way; a refusal (not on
 * the list, already paid, offer already over) writes nothing. Leaving for good frees the fan to join again later,
 * at the back of the line.
 */
export async function leaveWaitlist(
  db: Db,
  { saleId, userId, now }: { saleId: string; userId: string; now: Date },
): Promise<LeaveWaitlistResult> {
  if (!isUuid(saleId) || !isUuid(userId)) return notOnWaitlist();
  return refusable(() =>
    db.transaction(async (tx) => {
      const [entry] = await queryRows<LeaveFacts>(
        tx,
        sql`
          select w.id, w.status, w.hold_id as "holdId", h.status as "holdStatus", o.id as "orderId"
          from sale_waitlist w
          left join sale_holds h on h.id = w.hold_id
          left join orders o on o.id = h.order_id and o.status = 'pending'
          where w.sale_id = ${saleId}::uuid and w.user_id = ${userId}::uuid
          for update of w`,
      );
      if (!entry) throw new Refusal(notOnWaitlist());
      if (entry.status === "missed") throw new Refusal(offerOver());
      const released = entry.status === "offered" ? await giveUpOffer(tx, entry, { userId, now }) : null;
      await tx.execute(sql`delete from sale_waitlist where id = ${entry.id}::bigint`);
      return ok({
        releasedHoldId: released?.holdId ?? null,
        stripeSessionId: released?.stripeSessionId ?? null,
        message: released
          ? "You've left the waitlist. The unit we held for you has gone to the next fan in line."
          : "You've left the waitlist. You can join again while the sale is sold out, at the back of the line.",
      });
    }),
  ) as Promise<LeaveWaitlistResult>;
}

/** Releases the unit offered to a leaving fan (its pending order too, if they had started paying). */
async function giveUpOffer(
  tx: Tx,
  entry: LeaveFacts,
  { userId, now }: { userId: string; now: Date },
): Promise<{ holdId: string; stripeSessionId: string | null }> {
  if (!entry.holdId) throw new Refusal(offerOver());
  if (entry.holdStatus === "converted") {
    throw new Refusal(
      fail("bought", "You've already paid for the unit the waitlist found you, so there's no line to leave."),
    );
  }
  if (entry.holdStatus !== "active") throw new Refusal(offerOver());
  if (entry.orderId) {
    const order = await releaseOrder(tx, { orderId: entry.orderId, to: "cancelled", now, userId });
    if (order.released) return { holdId: entry.holdId, stripeSessionId: order.stripeSessionId };
  }
  const hold = await releaseSaleHold(tx, { holdId: entry.holdId, now, reason: "cancelled", userId });
  if (hold.released) return { holdId: entry.holdId, stripeSessionId: null };
  throw new Refusal(
    hold.reason === "busy"
      ? fail(
          "unavailable",
          "So many fans are buying right now that we couldn't let go of your unit. Try again.",
        )
      : fail(
          "conflict",
          "The unit held for you changed just now (paid or run out). Reload the page and look again.",
        ),
  );
}

function notOnWaitlist(): Failure<"not_on_waitlist"> {
  return fail(
    "not_on_waitlist",
    "You're not on this sale's waitlist (you may have left it already), so there was nothing to leave.",
  );
}

function offerOver(): Failure<"offer_over"> {
  return fail(
    "offer_over",
    "The unit held for you has already gone to the next fan in line, so you're no longer waiting.",
  );
}

/**
 * Where a fan stands in a waitlist:
 * - `waiting`: in line at `position` for their version; `pendingUnits` units of it are reserved and unpaid, so a
 *   unit can come back for them only while position <= pendingUnits;
 * - `units_back`: units of the version are on sale again (came back when nobody was waiting): buy now;
 * - `offer`: a unit is held for them until `expiresAt` (`holdId`): pay for it;
 * - `bought`: they paid for their offer;
 * - `missed`: their offer ran out (or they could not take one);
 * - `gone`: no unit can come back for them (`reason`): every unit ahead of them is paid for, or the sale is over.
 */
export type WaitlistSpot =
  | { state: "waiting"; skuId: number; position: number; pendingUnits: number }
  | { state: "units_back"; skuId: number; available: number }
  | { state: "offer"; skuId: number; holdId: string; expiresAt: Date }
  | { state: "bought"; skuId: number; holdId: string }
  | { state: "missed"; skuId: number }
  | { state: "gone"; skuId: number; reason: "sale_over" | "all_paid"; position: number };

/** What the database says about a fan's entry, their offer's hold, the line ahead and the version's units. */
interface SpotRow {
  skuId: number;
  status: "waiting" | "offered" | "missed";
  holdId: string | null;
  holdStatus: string | null;
  holdExpiresAt: Date | string | null;
  /** Among the fans still waiting for the version, 1 for the first. */
  position: number;
  /** Units of the version held and unpaid: the only ones that can come back. */
  pending: number;
  available: number;
  saleOver: boolean;
}

/** The fan's place in the sale's waitlist, or null when they never joined it. Two indexed reads in one query. */
export async function getWaitlistSpot(
  db: Db,
  { saleId, userId, now }: { saleId: string; userId: string; now: Date },
): Promise<WaitlistSpot | null> {
  if (!isUuid(saleId) || !isUuid(userId)) return null;
  const [row] = await queryRows<SpotRow>(
    db,
    sql`
      select w.sku_id as "skuId", w.status, w.hold_id as "holdId", h.status as "holdStatus",
        h.expires_at as "holdExpiresAt",
        (select count(*)::int from sale_waitlist o where o.sale_id = w.sale_id and o.sku_id = w.sku_id
          and o.status = 'waiting' and o.id <= w.id) as position,
        (select coalesce(sum(b.held), 0)::int from sale_buckets b
          where b.sale_id = w.sale_id and b.sku_id = w.sku_id and b.bucket >= 0) as pending,
        (select coalesce(sum(b.available), 0)::int from sale_buckets b
          where b.sale_id = w.sale_id and b.sku_id = w.sku_id and b.bucket >= 0) as available,
        (s.status = 'ended' or s.ends_at <= ${now.toISOString()}::timestamptz) as "saleOver"
      from sale_waitlist w
      join sales s on s.id = w.sale_id
      left join sale_holds h on h.id = w.hold_id
      where w.sale_id = ${saleId}::uuid and w.user_id = ${userId}::uuid`,
  );
  if (!row) return null;
  return judgeSpot(row, now);
}

/** Pure: the spot from what the database says (exported for tests). */
export function judgeSpot(row: SpotRow, now: Date): WaitlistSpot {
  const { skuId } = row;
  if (row.status === "offered" && row.holdId) {
    if (row.holdStatus === "converted") return { state: "bought", skuId, holdId: row.holdId };
    const expiresAt = row.holdExpiresAt ? new Date(row.holdExpiresAt) : null;
    if (row.holdStatus === "active" && expiresAt && expiresAt > now) {
      return { state: "offer", skuId, holdId: row.holdId, expiresAt };
    }
    return { state: "missed", skuId };
  }
  if (row.status !== "waiting") return { state: "missed", skuId };
  if (row.saleOver) return { state: "gone", skuId, reason: "sale_over", position: row.position };
  if (row.available > 0) return { state: "units_back", skuId, available: row.available };
  if (row.position > row.pending) {
    return { state: "gone", skuId, reason: "all_paid", position: row.position };
  }
  return { state: "waiting", skuId, position: row.position, pendingUnits: row.pending };
}

/**
 * Puts a mail in the outbox for each offer not mailed yet (called by the hold sweep, which is what usually makes
 * offers). Each offer is claimed by a conditional update in the transaction that enqueues its mail, under a key
 * naming the entry, so instances sweeping at once mail it once. Returns how many were mailed.
 */
export async function mailWaitlistOffers(db: Db, { now, limit = 200 }: { now: Date; limit?: number }) {
  const due = await queryRows<{ id: number }>(
    db,
    sql`
      select id from sale_waitlist
      where status = 'offered' and offer_mailed_at is null
      order by offered_at
      limit ${Math.max(1, Math.min(limit, 1000))}::int`,
  );
  let mailed = 0;
  for (const { id } of due) {
    const sent = await db.transaction(async (tx) => {
      const [offer] = await queryRows<{
        email: string;
        name: string;
        saleName: string;
        productName: string;
        colour: string | null;
        storage: string | null;
        holdId: string;
        expiresAt: Date | string;
      }>(
        tx,
        sql`
          with claimed as (
            update sale_waitlist set offer_mailed_at = ${now.toISOString()}::timestamptz
            where id = ${id}::bigint and status = 'offered' and offer_mailed_at is null
            returning user_id, sale_id, sku_id, hold_id
          )
          select u.email, u.name, s.name as "saleName", p.name as "productName", k.colour, k.storage,
            h.id as "holdId", h.expires_at as "expiresAt"
          from claimed c
          join users u on u.id = c.user_id
          join sales s on s.id = c.sale_id
          join skus k on k.id = c.sku_id
          join products p on p.id = k.product_id
          join sale_holds h on h.id = c.hold_id and h.status = 'active'`,
      );
      if (!offer) return false;
      return enqueueMail({
        tx,
        kind: "waitlist_offer",
        dedupeKey: `waitlist-offer:${id}`,
        to: offer.email,
        mail: renderWaitlistOfferMail({
          store: mailStore(),
          name: offer.name,
          saleName: offer.saleName,
          productName: offer.productName,
          variantLabel: variantLabel({ colour: offer.colour ?? "", storage: offer.storage }),
          holdId: offer.holdId,
          expiresAt: new Date(offer.expiresAt),
        }),
      });
    });
    if (sent) mailed += 1;
  }
  return mailed;
}
