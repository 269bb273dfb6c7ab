import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { payForSaleHold, withStormDatabase } from "@/tests/helpers/storm";
import { createSale } from "./commands";
import { releaseSaleHold } from "./holds";
import { reserveSaleUnit } from "./reserve";
import { resetSoldOutMemo } from "./sold-out-memo";
import { registerUsers } from "./test-support";

/*
 * The early-access lane on real PostgreSQL: a Gold fan reserves and pays before the public start; a Silver fan is
 * refused with a typed error that says when each may buy; a storm of lane presses never takes more than the lane's
 * quota; what the lane did not sell is on sale to everyone at the start, and every bucket's accounting stays exact.
 */

const TZ = "Europe/Berlin";
const START = new Date("2032-06-01T08:00:00Z"); // 10:00 in Berlin
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const CONNECTIONS = 16;
const db = withStormDatabase({ connections: CONNECTIONS, accounts: 160, usersPrefix: "lane" });

/** Lifetime points for each fan (a points account as the ledger keeps it; the balance is not the point here). */
async function givePoints(d: Db, userIds: string[], lifetime: number) {
  await d.execute(sql`
    insert into points_accounts (user_id, balance, lifetime_earned, referral_code)
    select u, 0, ${lifetime}::int, upper(substr(md5(u::text), 1, 8))
    from unnest(${`{${userIds.join(",")}}`}::uuid[]) u
    on conflict (user_id) do update set lifetime_earned = excluded.lifetime_earned`);
}

let n = 0;
async function laneSale({
  quantities,
  quota,
  registered,
}: {
  quantities: [number, number];
  quota: number;
  registered: string[];
}) {
  n += 1;
  const result = await createSale(db.db, {
    slug: `lane-${n}`,
    name: `Lane ${n}`,
    productId: db.productId,
    registrationOpensAt: at(-24 * 60),
    registrationClosesAt: START,
    startsAt: START,
    endsAt: at(120),
    perAccountLimit: 1,
    skus: [
      { skuId: db.skuA, quantity: quantities[0], salePriceMinor: 399900 },
      { skuId: db.skuB, quantity: quantities[1], salePriceMinor: 449900 },
    ],
    earlyAccess: { minTier: "Gold", minutes: 10, quota },
  });
  if (!result.ok) throw new Error(result.message);
  await registerUsers(db.db, { saleId: result.saleId, userIds: registered });
  return result.saleId;
}

const press = (saleId: string, userId: string, now: Date, skuId = db.skuA) =>
  reserveSaleUnit(db.db, {
    saleId,
    skuId,
    userId,
    now,
    holdMinutes: 10,
    timeZone: TZ,
    queueForCheckout: true,
  });

async function stock(saleId: string) {
  const [row] = await queryRows<{ quantity: number; available: number; held: number; sold: number }>(
    db.db,
    sql`select sum(quantity)::int as quantity, sum(available)::int as available, sum(held)::int as held,
          sum(sold)::int as sold from sale_buckets where sale_id = ${saleId}::uuid`,
  );
  return row;
}

describe("the early-access lane", () => {
  it("a Gold fan buys in the lane; a Silver fan and anyone before the lane opens get a typed refusal", async () => {
    resetSoldOutMemo(null);
    const [gold, silver, member] = db.take(3) as [string, string, string];
    await givePoints(db.db, [gold], 5_000);
    await givePoints(db.db, [silver], 1_500);
    const saleId = await laneSale({ quantities: [5, 5], quota: 3, registered: [gold, silver, member] });

    // 09:45: the lane is not open yet, even for Gold.
    expect(await press(saleId, gold, at(-15))).toMatchObject({
      ok: false,
      code: "early_access_only",
      message: "Gold and above from 09:50; everyone from 10:00 CEST.",
    });
    const silverTry = await press(saleId, silver, at(-5));
    expect(silverTry).toMatchObject({
      ok: false,
      code: "early_access_only",
      message: "Gold and above from 09:50; everyone from 10:00 CEST.",
    });
    expect(silverTry.ok === false && silverTry.startsAt?.getTime()).toBe(START.getTime());
    expect(await press(saleId, member, at(-5))).toMatchObject({ ok: false, code: "early_access_only" });

    const held = await press(saleId, gold, at(-5));
    expect(held).toMatchObject({ ok: true, existing: false });
    if (!held.ok) throw new Error(held.message);
    const [row] = await queryRows<{ earlyAccess: boolean }>(
      db.db,
      sql`select early_access as "earlyAccess" from sale_holds where id = ${held.hold.holdId}::uuid`,
    );
    expect(row?.earlyAccess).toBe(true);
    // A double click is the same hold, not a second unit.
    expect(await press(saleId, gold, at(-4))).toMatchObject({ ok: true, existing: true });
    expect(
      await payForSaleHold(db.db, { holdId: held.hold.holdId, userId: gold, now: at(-3), late: false }),
    ).toBe("converted");
    expect(await stock(saleId)).toEqual({ quantity: 10, available: 9, held: 0, sold: 1 });
    // Nothing was written for the refused fans.
    const [refusedHolds] = await queryRows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from sale_holds where sale_id = ${saleId}::uuid and user_id in (${silver}::uuid, ${member}::uuid)`,
    );
    expect(refusedHolds?.n).toBe(0);
    await db.expectExact(saleId);

    // At the public start the Silver fan buys like everyone.
    expect(await press(saleId, silver, at(0))).toMatchObject({ ok: true });
    await db.expectExact(saleId);
  });

  it("a fan who did not register is told to register; a sale without a lane still says it has not started", async () => {
    resetSoldOutMemo(null);
    const [gold] = db.take(1) as [string];
    await givePoints(db.db, [gold], 60_000);
    const saleId = await laneSale({ quantities: [2, 2], quota: 1, registered: [] });
    expect(await press(saleId, gold, at(-1))).toMatchObject({ ok: false, code: "not_registered" });

    n += 1;
    const plain = await createSale(db.db, {
      slug: `lane-${n}`,
      name: `No lane ${n}`,
      productId: db.productId,
      registrationOpensAt: at(-60),
      registrationClosesAt: START,
      startsAt: START,
      endsAt: at(60),
      skus: [{ skuId: db.skuA, quantity: 2, salePriceMinor: 399900 }],
    });
    if (!plain.ok) throw new Error(plain.message);
    await registerUsers(db.db, { saleId: plain.saleId, userIds: [gold] });
    expect(await press(plain.saleId, gold, at(-1))).toMatchObject({ ok: false, code: "not_started" });
  });

  it("a storm of lane presses takes exactly the quota; the rest go public at the start, invariant exact", async () => {
    resetSoldOutMemo(null);
    const golds = db.take(80);
    const publicFans = db.take(40);
    await givePoints(db.db, golds, 5_000);
    const QUOTA = 7;
    const saleId = await laneSale({
      quantities: [20, 10],
      quota: QUOTA,
      registered: [...golds, ...publicFans],
    });

    const results = await Promise.all(
      golds.map((userId, i) => press(saleId, userId, at(-2), i % 2 === 0 ? db.skuA : db.skuB)),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(QUOTA);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ ok: false, code: "sold_out" });
      expect(r.ok === false && r.message).toMatch(/early-access units \(7\) are all taken.*10:00 CEST/);
    }
    const [lane] = await queryRows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from sale_holds where sale_id = ${saleId}::uuid and early_access`,
    );
    expect(lane?.n).toBe(QUOTA);
    expect(await stock(saleId)).toEqual({ quantity: 30, available: 30 - QUOTA, held: QUOTA, sold: 0 });
    await db.expectExact(saleId);

    // A lane hold released before the start gives its place back to the lane.
    const first = won[0];
    if (!first?.ok) throw new Error("no hold");
    await releaseSaleHold(db.db, { holdId: first.hold.holdId, now: at(-1), reason: "cancelled" });
    const loser = golds.find((_, i) => !results[i]?.ok) as string;
    expect(await press(saleId, loser, at(-1))).toMatchObject({ ok: true });
    expect(await stock(saleId)).toMatchObject({ available: 30 - QUOTA, held: QUOTA });

    // The start: everything the lane did not sell is on sale to everyone; the crowd sells it to exactly zero.
    const crowd = [...publicFans, ...golds.filter((_, i) => !results[i]?.ok && golds[i] !== loser)];
    const publicResults = await Promise.all(
      crowd.map((userId, i) => press(saleId, userId, at(0), i % 3 === 0 ? db.skuB : db.skuA)),
    );
    const bought = publicResults.filter((r) => r.ok).length;
    const after = await stock(saleId);
    expect(after?.held).toBe(QUOTA + bought);
    expect(after?.quantity).toBe(30);
    expect(after?.available).toBe(30 - QUOTA - bought);
    expect(bought).toBeGreaterThan(20 - 4); // at least version A's and most of B's units went public
    await db.expectExact(saleId);
  });
});
