import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { payForSaleHold, stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { readSaleCounts } from "./figures";
import { releaseSaleHold, sweepExpiredSaleHolds } from "./holds";
import { reserveSaleUnit } from "./reserve";
import { resetSoldOutMemo, SOLD_OUT_MEMO_MS } from "./sold-out-memo";
import { crowd, insertUsers, registerUsers } from "./test-support";
import { getWaitlistSpot, joinWaitlist, mailWaitlistOffers } from "./waitlist";

/*
 * The waitlist on real PostgreSQL: units that come back go to waiting fans in line order, before the public; an
 * offer not paid in its window goes to the next fan; a storm of public reserves while units come back never takes
 * a unit a waiting fan is owed, and every bucket's accounting stays exact.
 */

const T0 = new Date("2031-03-01T04:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const CONNECTIONS = 24;
const db = withStormDatabase({ connections: CONNECTIONS, accounts: 700, usersPrefix: "wait" });
const nextSale = stormSales({ slug: "waitlist", name: "Waitlist", t0: T0 });

/** A sale of `units` of version A (and 1 of B), with `buyers` + `waiters` registered, every A unit reserved. */
async function soldOutSale({
  units,
  buyers,
  waiters,
}: {
  units: number;
  buyers: string[];
  waiters: string[];
}) {
  const saleId = await nextSale(db.db, {
    product: db,
    perAccountLimit: 1,
    quantities: [units, 1],
    userIds: [...buyers, ...waiters],
  });
  const holds = await db.reserveEach({
    saleId,
    skuId: db.skuA,
    userIds: buyers.slice(0, units),
    now: T0,
  });
  return { saleId, holds };
}

describe("joining the waitlist", () => {
  it("is for registered fans without a unit, on a sold-out version, once; refusals write nothing", async () => {
    const buyers = db.take(2);
    const [w1, w2] = db.take(2) as [string, string];
    const { saleId } = await soldOutSale({ units: 2, buyers, waiters: [w1, w2] });
    const [stranger] = await insertUsers(db.db, { prefix: "wait-stranger", count: 1 });
    const join = (userId: string, skuId = db.skuA, now = at(1)) =>
      joinWaitlist(db.db, { saleId, skuId, userId, now });

    expect(await join(w1, db.skuA, new Date(T0.getTime() - 1))).toMatchObject({
      ok: false,
      code: "not_started",
    });
    expect(await join(w1, db.skuB)).toMatchObject({ ok: false, code: "not_sold_out" });
    expect(await join(stranger as string)).toMatchObject({ ok: false, code: "not_registered" });
    expect(await join(buyers[0] as string)).toMatchObject({ ok: false, code: "has_unit" });
    expect(await join(w1, db.skuA, at(200))).toMatchObject({ ok: false, code: "ended" });
    expect(await join(w1, 999_999)).toMatchObject({ ok: false, code: "sku_not_in_sale" });
    expect(
      await joinWaitlist(db.db, { saleId: "nope", skuId: db.skuA, userId: w1, now: at(1) }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const [none] = await queryRows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from sale_waitlist where sale_id = ${saleId}::uuid`,
    );
    expect(none?.n).toBe(0);

    expect(await join(w1)).toMatchObject({ ok: true });
    // Twice, and twice at once: exactly one row, the others a typed refusal.
    const again = await Promise.all([join(w1), join(w2), join(w2), join(w2)]);
    expect(again[0]).toMatchObject({ ok: false, code: "already_joined" });
    expect(again.filter((r) => r.ok)).toHaveLength(1);
    expect(again.filter((r) => !r.ok && r.code === "already_joined")).toHaveLength(3);
    expect(await getWaitlistSpot(db.db, { saleId, userId: w2, now: at(1) })).toEqual({
      state: "waiting",
      skuId: db.skuA,
      position: 2,
      pendingUnits: 2,
    });
  });
});

describe("units coming back", () => {
  it("go to waiting fans in line order before the public, and what is left goes back on sale", async () => {
    const buyers = db.take(5);
    const waiters = db.take(3);
    const [public1] = db.take(1) as [string];
    const { saleId, holds } = await soldOutSale({ units: 5, buyers, waiters: [...waiters, public1] });
    for (const userId of waiters)
      expect(await joinWaitlist(db.db, { saleId, skuId: db.skuA, userId, now: at(1) })).toMatchObject({
        ok: true,
      });

    // A cancellation at T0+2: the unit is offered to the first in line, not to the public.
    expect(
      await releaseSaleHold(db.db, { holdId: holds[0] as string, now: at(2), reason: "cancelled" }),
    ).toMatchObject({
      released: true,
    });
    expect(await getWaitlistSpot(db.db, { saleId, userId: waiters[0] as string, now: at(2) })).toMatchObject({
      state: "offer",
      expiresAt: at(12),
    });
    expect(await getWaitlistSpot(db.db, { saleId, userId: waiters[1] as string, now: at(2) })).toMatchObject({
      state: "waiting",
      position: 1,
    });
    expect(
      await reserveSaleUnit(db.db, { saleId, skuId: db.skuA, userId: public1, now: at(2), holdMinutes: 10 }),
    ).toMatchObject({ ok: false, code: "sold_out" });

    // The other four holds expire at T0+10: two offers, and two units back on sale.
    const swept = await sweepExpiredSaleHolds(db.db, { now: at(10) });
    expect(swept.holds.filter((h) => h.saleId === saleId)).toHaveLength(4);
    const spots = await Promise.all(
      waiters.map((userId) => getWaitlistSpot(db.db, { saleId, userId, now: at(10) })),
    );
    expect(spots.map((s) => s?.state)).toEqual(["offer", "offer", "offer"]);
    const counts = await readSaleCounts(db.db, { saleId });
    expect(counts?.skus.find((s) => s.skuId === db.skuA)).toMatchObject({ remaining: 2, held: 3 });
    await db.expectExact(saleId);

    // Each offer is mailed once, however often the sweep runs (the sweep mails every sale's offers).
    expect(await mailWaitlistOffers(db.db, { now: at(10) })).toBeGreaterThanOrEqual(3);
    expect(await mailWaitlistOffers(db.db, { now: at(10) })).toBe(0);
    const mails = await queryRows<{ userId: string; n: number; subject: string }>(
      db.db,
      sql`select u.id as "userId", count(*)::int as n, max(m.subject) as subject
          from outbox_mail m join users u on u.email = m.recipient
          where m.kind = 'waitlist_offer' and u.id = any(${`{${waiters.join(",")}}`}::uuid[])
          group by u.id`,
    );
    expect(mails.map((m) => m.n)).toEqual([1, 1, 1]);
    expect(mails[0]?.subject).toMatch(/came back for you: pay by/);
  });

  it("an offer not paid in its window goes to the next fan; the fan who pays gets the unit", async () => {
    const buyers = db.take(2);
    const [w1, w2, w3] = db.take(3) as [string, string, string];
    const { saleId, holds } = await soldOutSale({ units: 2, buyers, waiters: [w1, w2, w3] });
    for (const userId of [w1, w2, w3])
      await joinWaitlist(db.db, { saleId, skuId: db.skuA, userId, now: at(1) });

    await releaseSaleHold(db.db, { holdId: holds[0] as string, now: at(1), reason: "payment_failed" });
    // Buyer 2 pays: that unit can never come back, so only one unit stands behind the line now.
    expect(
      await payForSaleHold(db.db, {
        holdId: holds[1] as string,
        userId: buyers[1] as string,
        now: at(2),
        late: false,
      }),
    ).toBe("converted");
    expect(await getWaitlistSpot(db.db, { saleId, userId: w2, now: at(2) })).toMatchObject({
      state: "waiting",
      position: 1,
      pendingUnits: 1,
    });
    expect(await getWaitlistSpot(db.db, { saleId, userId: w3, now: at(2) })).toMatchObject({
      state: "gone",
      reason: "all_paid",
    });

    // w1's offer (until T0+11) runs out: it passes to w2.
    const swept = await sweepExpiredSaleHolds(db.db, { now: at(11) });
    expect(swept.holds.filter((h) => h.saleId === saleId)).toHaveLength(1);
    expect(await getWaitlistSpot(db.db, { saleId, userId: w1, now: at(11) })).toEqual({
      state: "missed",
      skuId: db.skuA,
    });
    const offer = await getWaitlistSpot(db.db, { saleId, userId: w2, now: at(11) });
    expect(offer).toMatchObject({ state: "offer", expiresAt: at(21) });
    if (offer?.state !== "offer") throw new Error("no offer");
    expect(await payForSaleHold(db.db, { holdId: offer.holdId, userId: w2, now: at(12), late: false })).toBe(
      "converted",
    );
    expect(await getWaitlistSpot(db.db, { saleId, userId: w2, now: at(12) })).toMatchObject({
      state: "bought",
    });
    // Every unit is paid for: the fan still waiting is told at once, and when the sale ends, why.
    expect(await getWaitlistSpot(db.db, { saleId, userId: w3, now: at(12) })).toMatchObject({
      state: "gone",
      reason: "all_paid",
    });
    expect(await getWaitlistSpot(db.db, { saleId, userId: w3, now: at(121) })).toMatchObject({
      state: "gone",
      reason: "sale_over",
    });
    await db.expectExact(saleId);
  });
});

describe("a storm of public reserves while units come back", () => {
  it("never takes a unit a waiting fan is owed, serves the line in order, and the accounting stays exact", async () => {
    resetSoldOutMemo(null);
    const UNITS = 150;
    const WAITERS = 90;
    const buyers = db.take(UNITS);
    const waiters = db.take(WAITERS);
    const crowdFans = db.take(300);
    const { saleId, holds } = await soldOutSale({ units: UNITS, buyers, waiters });
    await registerUsers(db.db, { saleId, userIds: crowdFans });
    for (const userId of waiters) {
      const r = await joinWaitlist(db.db, { saleId, skuId: db.skuA, userId, now: at(1) });
      if (!r.ok) throw new Error(r.message);
    }

    /** Returns `returned` holds from 12 callers while 32 callers of the crowd press Buy now again and again. */
    async function returnUnderStorm(returned: string[]): Promise<number> {
      let releasing = true;
      let publicWins = 0;
      const press = () =>
        crowd(crowdFans, 32, async (userId) => {
          const r = await reserveSaleUnit(db.db, {
            saleId,
            skuId: db.skuA,
            userId,
            now: at(3),
            holdMinutes: 10,
            queueForCheckout: true,
          });
          if (r.ok && !r.existing) publicWins += 1;
        });
      const storm = (async () => {
        while (releasing) await press();
        // Once every unit is back: a last round after the sold-out memo's second, so nothing left on sale is missed.
        await sleep(SOLD_OUT_MEMO_MS + 100);
        await press();
      })();
      await crowd(returned, 12, async (holdId) => {
        for (;;) {
          const r = await releaseSaleHold(db.db, { holdId, now: at(2), reason: "cancelled" });
          if (r.released || r.reason !== "busy") return;
        }
      });
      releasing = false;
      await storm;
      return publicWins;
    }
    const offeredIds = async () =>
      (
        await queryRows<{ userId: string }>(
          db.db,
          sql`select user_id as "userId" from sale_waitlist
              where sale_id = ${saleId}::uuid and status = 'offered' order by id`,
        )
      ).map((r) => r.userId);

    // 60 units come back to a line of 90: all 60 go to the first 60 fans in line, none to the crowd.
    expect(await returnUnderStorm(holds.slice(0, 60))).toBe(0);
    expect(await offeredIds()).toEqual(waiters.slice(0, 60));
    await db.expectExact(saleId);
    // 60 more: 30 for the rest of the line, then 30 for the crowd.
    expect(await returnUnderStorm(holds.slice(60, 120))).toBe(30);
    expect(await offeredIds()).toEqual(waiters);
    const counts = await readSaleCounts(db.db, { saleId });
    expect(counts?.skus.find((s) => s.skuId === db.skuA)).toMatchObject({
      remaining: 0,
      held: UNITS,
      quantity: UNITS,
    });
    await db.expectExact(saleId);
  });
});
