import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { payForSaleHold, stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { readSaleCounts } from "./figures";
import { attachOrderToSaleHold, releaseSaleHold, sweepExpiredSaleHolds } from "./holds";
import { reserveSaleUnit } from "./reserve";
import { insertPendingOrder, insertUsers, listBuckets, registerUsers } from "./test-support";
import { getWaitlistSpot, joinWaitlist, leaveWaitlist } from "./waitlist";

/*
 * Leaving the waitlist on real PostgreSQL: a waiting fan leaves the line and those behind move up; a fan holding
 * an offer gives its unit up at once, and it passes to the next fan in line order (through the same trigger as
 * every returned unit) with every bucket's accounting exact; leaving twice, or a list one is not on, is a typed
 * refusal that writes nothing.
 */

const T0 = new Date("2031-04-01T04:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const db = withStormDatabase({ connections: 6, accounts: 60, usersPrefix: "leave" });
const nextSale = stormSales({ slug: "waitlist-leave", name: "Waitlist leave", t0: T0 });

/** A sale whose `units` A units are all reserved by `buyers`, with `waiters` registered and in line, in order. */
async function lineUp({ units, waiters }: { units: number; waiters: string[] }) {
  const buyers = db.take(units);
  const saleId = await nextSale(db.db, {
    product: db,
    perAccountLimit: 1,
    quantities: [units, 1],
    userIds: [...buyers, ...waiters],
  });
  const holds = await db.reserveEach({ saleId, skuId: db.skuA, userIds: buyers, now: T0 });
  for (const userId of waiters) {
    const r = await joinWaitlist(db.db, { saleId, skuId: db.skuA, userId, now: at(1) });
    if (!r.ok) throw new Error(r.message);
  }
  return { saleId, holds, buyers };
}

/** Everything a leave could write: the line, the sale's holds and its buckets. */
async function snapshot(saleId: string) {
  const [line, holds] = await Promise.all([
    queryRows<{ id: number; userId: string; status: string; holdId: string | null }>(
      db.db,
      sql`select id, user_id as "userId", status, hold_id as "holdId" from sale_waitlist
          where sale_id = ${saleId}::uuid order by id`,
    ),
    queryRows<{ id: string; status: string }>(
      db.db,
      sql`select id, status from sale_holds where sale_id = ${saleId}::uuid order by id`,
    ),
  ]);
  return { line, holds, buckets: await listBuckets(db.db, { saleId }) };
}

const spotOf = (saleId: string, userId: string, now = at(3)) =>
  getWaitlistSpot(db.db, { saleId, userId, now });

describe("leaving the waitlist", () => {
  it("without an offer: the fan leaves the line, those behind move up, no stock moves", async () => {
    const [w1, w2, w3] = db.take(3) as [string, string, string];
    const { saleId } = await lineUp({ units: 3, waiters: [w1, w2, w3] });
    const before = await snapshot(saleId);

    expect(await leaveWaitlist(db.db, { saleId, userId: w2, now: at(2) })).toMatchObject({
      ok: true,
      releasedHoldId: null,
      stripeSessionId: null,
    });
    expect(await spotOf(saleId, w2)).toBeNull();
    expect(await spotOf(saleId, w1)).toMatchObject({ state: "waiting", position: 1 });
    expect(await spotOf(saleId, w3)).toMatchObject({ state: "waiting", position: 2 });
    const after = await snapshot(saleId);
    expect(after.line.map((e) => e.userId)).toEqual([w1, w3]);
    expect(after.holds).toEqual(before.holds);
    expect(after.buckets).toEqual(before.buckets);

    // Leaving is for good: joining again puts the fan at the back of the line.
    expect(await joinWaitlist(db.db, { saleId, skuId: db.skuA, userId: w2, now: at(3) })).toMatchObject({
      ok: true,
    });
    expect(await spotOf(saleId, w2)).toMatchObject({ state: "waiting", position: 3 });
    await db.expectExact(saleId);
  });

  it("with an offer: the unit goes at once to the next fan in line order, never to the public", async () => {
    const waiters = db.take(4) as [string, string, string, string];
    const [w1, w2, w3, w4] = waiters;
    const [public1] = await insertUsers(db.db, { prefix: "leave-public", count: 1 });
    const { saleId, holds } = await lineUp({ units: 2, waiters });
    await registerUsers(db.db, { saleId, userIds: [public1 as string] });

    // A buyer cancels at T0+2: the unit is offered to w1.
    await releaseSaleHold(db.db, { holdId: holds[0] as string, now: at(2), reason: "cancelled" });
    const offer1 = await spotOf(saleId, w1);
    if (offer1?.state !== "offer") throw new Error(`w1 has no offer: ${JSON.stringify(offer1)}`);
    const countsBefore = await readSaleCounts(db.db, { saleId });

    // w1 leaves at T0+3: their unit goes to w2 (held until T0+13), w3 and w4 move up.
    const left = await leaveWaitlist(db.db, { saleId, userId: w1, now: at(3) });
    expect(left).toMatchObject({ ok: true, releasedHoldId: offer1.holdId, stripeSessionId: null });
    const [released] = await queryRows<{ status: string; reason: string }>(
      db.db,
      sql`select status, release_reason as reason from sale_holds where id = ${offer1.holdId}::uuid`,
    );
    expect(released).toEqual({ status: "released", reason: "cancelled" });
    expect(await spotOf(saleId, w1)).toBeNull();
    const offer2 = await spotOf(saleId, w2);
    expect(offer2).toMatchObject({ state: "offer", expiresAt: at(13) });
    if (offer2?.state !== "offer") throw new Error("w2 has no offer");
    expect(await spotOf(saleId, w3)).toMatchObject({ state: "waiting", position: 1 });
    expect(await spotOf(saleId, w4)).toMatchObject({ state: "waiting", position: 2 });
    // The public never saw it: still sold out, and the counts are as before (one unit held, one passed on).
    expect(
      await reserveSaleUnit(db.db, {
        saleId,
        skuId: db.skuA,
        userId: public1 as string,
        now: at(3),
        holdMinutes: 10,
      }),
    ).toMatchObject({ ok: false, code: "sold_out" });
    expect(await readSaleCounts(db.db, { saleId })).toEqual(countsBefore);
    await db.expectExact(saleId);

    // w2 had started paying (a pending order on the hold) and leaves: the order is cancelled, the unit goes to w3.
    const orderId = await insertPendingOrder(db.db, {
      userId: w2,
      totalMinor: 399900,
      holdExpiresAt: at(13),
    });
    expect(await attachOrderToSaleHold(db.db, { holdId: offer2.holdId, userId: w2, orderId })).toEqual({
      ok: true,
    });
    expect(await leaveWaitlist(db.db, { saleId, userId: w2, now: at(4) })).toMatchObject({
      ok: true,
      releasedHoldId: offer2.holdId,
    });
    const [order] = await queryRows<{ status: string }>(
      db.db,
      sql`select status from orders where id = ${orderId}::uuid`,
    );
    expect(order?.status).toBe("cancelled");
    expect(await spotOf(saleId, w3, at(4))).toMatchObject({ state: "offer", expiresAt: at(14) });
    expect(await spotOf(saleId, w4, at(4))).toMatchObject({ state: "waiting", position: 1 });
    await db.expectExact(saleId);

    // w3 pays: nothing left to leave. w3's offer is never taken back.
    const offer3 = await spotOf(saleId, w3, at(5));
    if (offer3?.state !== "offer") throw new Error("w3 has no offer");
    expect(await payForSaleHold(db.db, { holdId: offer3.holdId, userId: w3, now: at(5), late: false })).toBe(
      "converted",
    );
    const paid = await snapshot(saleId);
    expect(await leaveWaitlist(db.db, { saleId, userId: w3, now: at(6) })).toMatchObject({
      ok: false,
      code: "bought",
    });
    expect(await snapshot(saleId)).toEqual(paid);
    await db.expectExact(saleId);
  });

  it("twice, at once, or when not on it: a typed refusal that writes nothing", async () => {
    const [w1, w2, w3] = db.take(3) as [string, string, string];
    const [stranger] = await insertUsers(db.db, { prefix: "leave-stranger", count: 1 });
    const { saleId, holds } = await lineUp({ units: 1, waiters: [w1, w2, w3] });
    const leave = (userId: string, now = at(2)) => leaveWaitlist(db.db, { saleId, userId, now });

    expect(await leave(w1)).toMatchObject({ ok: true });
    const afterFirst = await snapshot(saleId);
    expect(await leave(w1)).toMatchObject({ ok: false, code: "not_on_waitlist" });
    expect(await leave(stranger as string)).toMatchObject({ ok: false, code: "not_on_waitlist" });
    expect(await leaveWaitlist(db.db, { saleId: "nope", userId: w2, now: at(2) })).toMatchObject({
      ok: false,
      code: "not_on_waitlist",
    });
    expect(await snapshot(saleId)).toEqual(afterFirst);

    // Two presses at once: exactly one leaves, the other is told.
    const both = await Promise.all([leave(w2), leave(w2)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: "not_on_waitlist" });

    // An offer that ran out: the fan is no longer waiting, and leaving says so and changes nothing.
    await releaseSaleHold(db.db, { holdId: holds[0] as string, now: at(3), reason: "payment_failed" });
    expect(await spotOf(saleId, w3)).toMatchObject({ state: "offer" });
    await sweepExpiredSaleHolds(db.db, { now: at(14) });
    expect(await spotOf(saleId, w3, at(14))).toMatchObject({ state: "missed" });
    const missed = await snapshot(saleId);
    expect(await leave(w3, at(15))).toMatchObject({ ok: false, code: "offer_over" });
    expect(await snapshot(saleId)).toEqual(missed);
    await db.expectExact(saleId);
  });
});
