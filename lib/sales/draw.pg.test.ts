import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import type { Actor } from "@/lib/audit/log";
import { drawOrder as scriptDrawOrder } from "@/scripts/verify-draw.mjs";
import { getSeededMarketer } from "@/tests/helpers/seeded";
import { payForSaleHold, withStormDatabase } from "@/tests/helpers/storm";
import { createSale } from "./commands";
import { getPublishedDraw, promoteDrawReserves, runDraw } from "./draw";
import { readSaleCounts } from "./figures";
import { sweepExpiredSaleHolds } from "./holds";
import { registerForSale } from "./registration";
import { reserveSaleUnit } from "./reserve";
import { bucketMismatches, unqueuedHolds } from "./test-support";

/*
 * Draw sales on real PostgreSQL: entries under eligibility rules, the draw once (also when many run it at the same
 * instant), winners that anyone can recompute with scripts/verify-draw.mjs, winners' holds inside the stock
 * invariant, and units of winners who do not pay moving to the next entries in drawn order.
 */

const T0 = new Date("2031-05-01T04:00:00Z");
const MIN = 60_000;
const HOUR = 60 * MIN;
const DURING_REGISTRATION = new Date(T0.getTime() - 3 * HOUR);
const CLOSES = new Date(T0.getTime() - HOUR);
const AFTER_CLOSE = new Date(CLOSES.getTime() + MIN);
const WINDOW_MINUTES = 30;
const ZONE = "UTC";

const storm = withStormDatabase({ connections: 12, accounts: 80, usersPrefix: "draw" });
let marketer: Actor;
beforeAll(async () => {
  marketer = await getSeededMarketer(storm.db);
});

let n = 0;
/** What every sale of this file shares: the Kite 9 Pro, registration from a day before T0 to CLOSES, on sale from T0. */
const onSaleAtT0 = (hours: number) => ({
  productId: storm.productId,
  registrationOpensAt: new Date(T0.getTime() - 24 * HOUR),
  registrationClosesAt: CLOSES,
  startsAt: T0,
  endsAt: new Date(T0.getTime() + hours * HOUR),
});

async function newDrawSale({
  units = 5,
  ...rules
}: {
  units?: number;
  eligibleCreatedBefore?: Date;
  minTier?: "Gold";
} = {}) {
  n += 1;
  const created = await createSale(storm.db, {
    slug: `draw-sale-${n}`,
    name: `Draw sale ${n}`,
    ...onSaleAtT0(48),
    skus: [{ skuId: storm.skuA, quantity: units, salePriceMinor: 399900 }],
    kind: "draw",
    purchaseWindowMinutes: WINDOW_MINUTES,
    ...rules,
  });
  if (!created.ok) throw new Error(created.message);
  return created.saleId;
}

async function enter(saleId: string, users: string[], now = DURING_REGISTRATION) {
  for (const userId of users) {
    const entered = await registerForSale(storm.db, { saleId, userId, now, timeZone: ZONE });
    expect(entered).toMatchObject({ ok: true, draw: true });
  }
}

async function footprint(saleId: string) {
  const [row] = await queryRows<Record<string, string | number | null>>(
    storm.db,
    sql`select
      (select count(*) from sale_draw_entries where sale_id = ${saleId}::uuid)::int as entries,
      (select count(*) from sale_draw_entries where sale_id = ${saleId}::uuid and position is not null)::int as drawn,
      (select count(*) from sale_registrations where sale_id = ${saleId}::uuid)::int as registrations,
      (select coalesce(sum(registrations), 0) from sale_counters where sale_id = ${saleId}::uuid)::int as counted,
      (select count(*) from sale_holds where sale_id = ${saleId}::uuid)::int as holds,
      (select count(*) from outbox_mail where kind = 'draw_result'
        and dedupe_key like ${`draw-result:${saleId}:%`})::int as mails,
      (select drawn_at::text from sales where id = ${saleId}::uuid) as "drawnAt"`,
  );
  return row;
}

async function holdsOf(saleId: string) {
  const rows = await queryRows<{ id: string; userId: string; status: string; expiresAt: Date | string }>(
    storm.db,
    sql`select id, user_id as "userId", status, expires_at as "expiresAt" from sale_holds
      where sale_id = ${saleId}::uuid order by created_at, id`,
  );
  return rows.map((r) => ({ ...r, expiresAt: new Date(r.expiresAt) }));
}

async function entriesOf(saleId: string) {
  return queryRows<{ userId: string; entryId: string; position: number | null; holdId: string | null }>(
    storm.db,
    sql`select user_id as "userId", entry_id as "entryId", position, hold_id as "holdId"
      from sale_draw_entries where sale_id = ${saleId}::uuid order by position nulls last, entry_id`,
  );
}

async function expectExactStock(saleId: string, units: number) {
  expect(await bucketMismatches(storm.db, { saleId })).toEqual([]);
  expect(await unqueuedHolds(storm.db, { saleId })).toBe(0);
  const [total] = await queryRows<{ q: number }>(
    storm.db,
    sql`select sum(quantity)::int as q from sale_buckets where sale_id = ${saleId}::uuid`,
  );
  expect(total?.q).toBe(units);
}

describe("draw sales", () => {
  it("commits to the seed at creation, refuses a draw before registration closes, and draws once", async () => {
    const saleId = await newDrawSale({ units: 5 });
    const fans = storm.users.slice(0, 20);
    await enter(saleId, fans);
    // Once per account: a second entry is the same entry.
    expect(
      await registerForSale(storm.db, { saleId, userId: fans[0] as string, now: DURING_REGISTRATION }),
    ).toEqual({
      ok: true,
      alreadyRegistered: true,
      draw: true,
    });
    expect((await readSaleCounts(storm.db, { saleId }))?.registrations).toBe(20);
    // Registering after the cutoff is refused, nothing written.
    const late = await registerForSale(storm.db, {
      saleId,
      userId: storm.users[30] as string,
      now: AFTER_CLOSE,
    });
    expect(late).toMatchObject({ ok: false, code: "registration_closed" });

    const [sale] = await queryRows<{ seed: string; commitment: string }>(
      storm.db,
      sql`select draw_seed as seed, draw_commitment as commitment from sales where id = ${saleId}::uuid`,
    );
    expect(sale?.commitment).toBe(
      createHash("sha256")
        .update(sale?.seed ?? "")
        .digest("hex"),
    );
    expect(await getPublishedDraw(storm.db, { saleId })).toBeNull();

    const before = await footprint(saleId);
    const early = await runDraw(storm.db, {
      saleId,
      now: DURING_REGISTRATION,
      timeZone: ZONE,
      actor: marketer,
    });
    expect(early).toMatchObject({ ok: false, code: "registration_open" });
    expect(await footprint(saleId)).toEqual(before);

    // Ten marketers press the button at the same instant: exactly one draw happens.
    const runs = await Promise.all(
      Array.from({ length: 10 }, () =>
        runDraw(storm.db, { saleId, now: AFTER_CLOSE, timeZone: ZONE, actor: marketer }),
      ),
    );
    expect(runs.filter((r) => r.ok)).toHaveLength(1);
    expect(runs.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(
      Array(9).fill("already_drawn"),
    );
    const drawn = runs.find((r) => r.ok);
    expect(drawn).toMatchObject({ ok: true, entries: 20, winners: 5, seed: sale?.seed });

    const after = await footprint(saleId);
    expect(after).toMatchObject({ entries: 20, drawn: 20, registrations: 0, holds: 5 });
    expect(Number(after?.mails) - Number(before?.mails)).toBe(20);
    const [audit] = await queryRows<{ n: number }>(
      storm.db,
      sql`select count(*)::int as n from audit_log where action = 'sale.draw' and entity_id = ${saleId}`,
    );
    expect(audit?.n).toBe(1);

    // Twice: refused, nothing written.
    const again = await runDraw(storm.db, { saleId, now: AFTER_CLOSE, timeZone: ZONE, actor: marketer });
    expect(again).toMatchObject({ ok: false, code: "already_drawn" });
    expect(await footprint(saleId)).toEqual(after);

    // Anyone can rerun it: the published seed and entries through the script's algorithm give the same winners.
    const published = await getPublishedDraw(storm.db, { saleId });
    if (!published) throw new Error("no published draw");
    expect(published.seed).toBe(sale?.seed);
    expect(published.entries).toHaveLength(20);
    expect(published.entries.some((id) => fans.includes(id))).toBe(false);
    expect(scriptDrawOrder(published.seed, published.entries).slice(0, published.units)).toEqual(
      published.winners,
    );
    // …whatever order the entries come in, and the winners are the ones holding units.
    expect(scriptDrawOrder(published.seed, [...published.entries].reverse())).toEqual(
      scriptDrawOrder(published.seed, published.entries),
    );
    const entries = await entriesOf(saleId);
    const holders = new Set((await holdsOf(saleId)).map((h) => h.userId));
    expect(entries.slice(0, 5).every((e) => holders.has(e.userId) && e.holdId)).toBe(true);
    expect(entries.slice(0, 5).map((e) => e.entryId)).toEqual(published.winners);
    const holds = await holdsOf(saleId);
    expect(holds.every((h) => h.expiresAt.getTime() === AFTER_CLOSE.getTime() + WINDOW_MINUTES * MIN)).toBe(
      true,
    );
    await expectExactStock(saleId, 5);

    // The public reserve cannot reach a draw's units, even at the start.
    const reserved = await reserveSaleUnit(storm.db, {
      saleId,
      skuId: storm.skuA,
      userId: entries[10]?.userId as string,
      now: T0,
      holdMinutes: 10,
    });
    expect(reserved).toMatchObject({ ok: false, code: "not_registered" });
  });

  it("gives units of winners who do not pay to the next entries in drawn order, each with its own window", async () => {
    const saleId = await newDrawSale({ units: 4 });
    await enter(saleId, storm.users.slice(20, 32));
    const drawn = await runDraw(storm.db, { saleId, now: AFTER_CLOSE, timeZone: ZONE, actor: null });
    expect(drawn).toMatchObject({ ok: true, winners: 4 });
    const entries = await entriesOf(saleId);
    // Two winners pay in their window; two do not.
    for (const e of entries.slice(0, 2)) {
      const paid = await payForSaleHold(storm.db, {
        holdId: e.holdId as string,
        userId: e.userId,
        now: new Date(AFTER_CLOSE.getTime() + 5 * MIN),
        late: false,
      });
      expect(paid).toBe("converted");
    }
    // Nothing to promote while the windows run.
    expect(await promoteDrawReserves(storm.db, { now: new Date(AFTER_CLOSE.getTime() + 10 * MIN) })).toEqual({
      promoted: 0,
    });
    const lapse = new Date(AFTER_CLOSE.getTime() + (WINDOW_MINUTES + 1) * MIN);
    await sweepExpiredSaleHolds(storm.db, { now: lapse });
    const mailsBefore = (await footprint(saleId))?.mails;
    // The sweep is store-wide: other drawn sales' lapsed units move too; this sale's two are checked below.
    const promoted = await promoteDrawReserves(storm.db, { now: lapse });
    expect(promoted.promoted).toBeGreaterThanOrEqual(2);
    const after = await entriesOf(saleId);
    const holds = await holdsOf(saleId);
    const statusOf = (holdId: string | null) => holds.find((h) => h.id === holdId)?.status;
    expect(after.slice(0, 2).map((e) => statusOf(e.holdId))).toEqual(["converted", "converted"]);
    expect(after.slice(2, 4).map((e) => statusOf(e.holdId))).toEqual(["released", "released"]);
    expect(after.slice(4, 6).map((e) => statusOf(e.holdId))).toEqual(["active", "active"]);
    expect(after.slice(6).every((e) => e.holdId === null)).toBe(true);
    const fresh = holds.filter((h) => h.status === "active");
    expect(fresh.every((h) => h.expiresAt.getTime() === lapse.getTime() + WINDOW_MINUTES * MIN)).toBe(true);
    expect(Number((await footprint(saleId))?.mails) - Number(mailsBefore)).toBe(2);
    await expectExactStock(saleId, 4);

    // Run again (another instance's sweep): nothing more to give.
    expect(await promoteDrawReserves(storm.db, { now: lapse })).toEqual({ promoted: 0 });
    await expectExactStock(saleId, 4);
  });

  /** Registering `userId` during registration is refused with `code`, a message that `says` why, and no write. */
  async function expectRegistrationRefused({
    saleId,
    userId,
    code,
    says,
  }: {
    saleId: string;
    userId: string;
    code: string;
    says: RegExp;
  }) {
    const before = await footprint(saleId);
    const refused = await registerForSale(storm.db, {
      saleId,
      userId,
      now: DURING_REGISTRATION,
      timeZone: ZONE,
    });
    expect(refused).toMatchObject({ ok: false, code });
    if (!refused.ok) expect(refused.message).toMatch(says);
    expect(await footprint(saleId)).toEqual(before);
  }

  it("refuses ineligible fans with the reason and writes nothing", async () => {
    // Every test account was created moments ago: a cutoff an hour back leaves them all out.
    const cutoff = new Date(Date.now() - HOUR);
    const old = await newDrawSale({ eligibleCreatedBefore: cutoff });
    const fan = storm.users[40] as string;
    await expectRegistrationRefused({
      saleId: old,
      userId: fan,
      code: "account_too_new",
      says: /created before/,
    });
    // Backdate the account: now it may enter.
    await storm.db.execute(sql`update users set created_at = ${new Date(cutoff.getTime() - HOUR).toISOString()}::timestamptz
      where id = ${fan}::uuid`);
    expect(
      await registerForSale(storm.db, { saleId: old, userId: fan, now: DURING_REGISTRATION }),
    ).toMatchObject({ ok: true });

    const gold = await newDrawSale({ minTier: "Gold" });
    const member = storm.users[41] as string;
    await expectRegistrationRefused({ saleId: gold, userId: member, code: "tier_too_low", says: /Gold/ });
    await storm.db.execute(sql`insert into points_accounts (user_id, lifetime_earned, referral_code)
      values (${member}::uuid, 5000, 'DRAWGOLD1')`);
    expect(
      await registerForSale(storm.db, { saleId: gold, userId: member, now: DURING_REGISTRATION }),
    ).toMatchObject({ ok: true });

    // A first-come sale takes the same rules.
    const firstCome = await createSale(storm.db, {
      slug: "draw-rules-first-come",
      name: "Rules, first come",
      ...onSaleAtT0(1),
      skus: [{ skuId: storm.skuA, quantity: 3, salePriceMinor: 399900 }],
      minTier: "Gold",
    });
    if (!firstCome.ok) throw new Error(firstCome.message);
    expect(
      await registerForSale(storm.db, {
        saleId: firstCome.saleId,
        userId: storm.users[42] as string,
        now: DURING_REGISTRATION,
      }),
    ).toMatchObject({ ok: false, code: "tier_too_low" });
    expect(
      await registerForSale(storm.db, { saleId: firstCome.saleId, userId: member, now: DURING_REGISTRATION }),
    ).toEqual({ ok: true, alreadyRegistered: false });
  });

  it("refuses a draw of a first-come sale, an unknown sale, and a draft's settings that make no sense", async () => {
    const unknown = await runDraw(storm.db, {
      saleId: "not-a-uuid",
      now: AFTER_CLOSE,
      timeZone: ZONE,
      actor: null,
    });
    expect(unknown).toMatchObject({ ok: false, code: "not_found" });
    const twoVersions = await createSale(storm.db, {
      slug: "draw-two-versions",
      name: "Two versions",
      ...onSaleAtT0(1),
      skus: [
        { skuId: storm.skuA, quantity: 3, salePriceMinor: 399900 },
        { skuId: storm.skuB, quantity: 3, salePriceMinor: 449900 },
      ],
      kind: "draw",
    });
    expect(twoVersions).toMatchObject({ ok: false, code: "invalid" });
    if (!twoVersions.ok) {
      expect(twoVersions.fieldErrors).toMatchObject({
        skus: [expect.stringMatching(/one version/)],
        purchaseWindowMinutes: [expect.any(String)],
      });
    }
  });
});
