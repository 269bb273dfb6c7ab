import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, queryRows } from "@/db/client";
import { sales } from "@/db/schema";
import { openSeededPglite } from "@/tests/helpers/db";
import { countingLoader } from "@/tests/helpers/loaders";
import { getSeededProduct } from "@/tests/helpers/seeded";
import { createSale } from "./commands";
import { DEMO_PAST_SALE, seedDemoSales } from "./demo";
import type { SaleDraftInput as CreateSaleInput } from "./draft";
import { createMemoryFiguresStore, getSaleFigures, readSaleCounts } from "./figures";
import {
  attachOrderToSaleHold,
  convertSaleHoldForOrder,
  releaseSaleHold,
  sweepExpiredSaleHolds,
} from "./holds";
import { getSale } from "./queries";
import { isRegisteredForSale, registerForSale } from "./registration";
import { reserveSaleUnit } from "./reserve";
import {
  accountsOverLimit,
  bucketMismatches,
  insertPendingOrder,
  insertUsers,
  listBuckets,
  registerUsers,
} from "./test-support";

let handle: DbHandle;
let productId: number;
let skuIds: number[];
let otherProductSkuId: number;
let users: string[];

/** 12:00 in Shanghai on 10 March 2030: every sale here starts then. */
const T0 = new Date("2030-03-10T04:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const HOLD_MINUTES = 10;
let slugN = 0;

function saleInput(overrides: Partial<CreateSaleInput> = {}): CreateSaleInput {
  slugN += 1;
  return {
    slug: `test-sale-${slugN}`,
    name: `Test sale ${slugN}`,
    productId,
    registrationOpensAt: at(-3 * 86400),
    registrationClosesAt: T0,
    startsAt: T0,
    endsAt: at(7200),
    skus: [
      { skuId: skuIds[0] as number, quantity: 100, salePriceMinor: 399900 },
      { skuId: skuIds[1] as number, quantity: 50, salePriceMinor: 449900 },
    ],
    ...overrides,
  };
}

async function newSale(overrides: Partial<CreateSaleInput> = {}): Promise<string> {
  const result = await createSale(handle.db, saleInput(overrides));
  if (!result.ok)
    throw new Error(`createSale failed: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.saleId;
}

/** Everything a refused request must leave untouched. */
async function footprint() {
  const [row] = await queryRows<{ holds: number; available: number; held: number; registrations: number }>(
    handle.db,
    sql`
      select (select count(*) from sale_holds)::int as holds,
        (select coalesce(sum(available), 0) from sale_buckets)::int as available,
        (select coalesce(sum(held), 0) from sale_buckets)::int as held,
        (select count(*) from sale_registrations)::int as registrations`,
  );
  return row;
}

beforeAll(async () => {
  handle = await openSeededPglite();
  const pro = await getSeededProduct(handle.db, { slug: "kite-9-pro" });
  productId = pro.productId;
  skuIds = pro.skus.map((s) => s.id);
  const [other] = (await getSeededProduct(handle.db, { slug: "kite-band-4" })).skus;
  if (!other) throw new Error("kite-band-4 not seeded");
  otherProductSkuId = other.id;
  users = await insertUsers(handle.db, { prefix: "rules", count: 12 });
});
afterAll(() => handle.close());

const user = (i: number) => users[i] as string;

describe("createSale", () => {
  it("refuses bad input with field errors and writes nothing", async () => {
    const before = await handle.db.select({ id: sales.id }).from(sales);
    const cases: [Partial<CreateSaleInput>, string, string][] = [
      [{ endsAt: T0 }, "invalid", "endsAt"],
      [{ registrationClosesAt: at(60) }, "invalid", "registrationClosesAt"],
      [{ registrationOpensAt: T0 }, "invalid", "registrationClosesAt"],
      [
        { skus: [{ skuId: skuIds[0] as number, quantity: 0, salePriceMinor: 1 }] },
        "invalid",
        "skus.0.quantity",
      ],
      [
        { skus: [{ skuId: skuIds[0] as number, quantity: 1, salePriceMinor: -1 }] },
        "invalid",
        "skus.0.salePriceMinor",
      ],
      [{ skus: [] }, "invalid", "skus"],
      [
        {
          skus: [
            { skuId: skuIds[0] as number, quantity: 1, salePriceMinor: 1 },
            { skuId: skuIds[0] as number, quantity: 2, salePriceMinor: 1 },
          ],
        },
        "invalid",
        "skus.1.skuId",
      ],
      [{ perAccountLimit: 11 }, "invalid", "perAccountLimit"],
      [{ slug: "Not A Slug" }, "invalid", "slug"],
      [
        { skus: [{ skuId: otherProductSkuId, quantity: 5, salePriceMinor: 1 }] },
        "sku_not_in_product",
        "skus.0.skuId",
      ],
      [{ productId: 999_999 }, "product_not_found", "productId"],
    ];
    for (const [overrides, error, field] of cases) {
      const result = await createSale(handle.db, saleInput(overrides));
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe(error);
      expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(await handle.db.select({ id: sales.id }).from(sales)).toHaveLength(before.length);
  });

  it("refuses a slug that is taken", async () => {
    const input = saleInput();
    expect((await createSale(handle.db, input)).ok).toBe(true);
    const again = await createSale(handle.db, { ...input, name: "Another" });
    expect(again).toMatchObject({ ok: false, code: "slug_taken" });
  });

  it("splits each SKU's stock over buckets as evenly as possible", async () => {
    const saleId = await newSale({
      skus: [
        { skuId: skuIds[0] as number, quantity: 5003, salePriceMinor: 1 },
        { skuId: skuIds[1] as number, quantity: 5, salePriceMinor: 1 },
      ],
    });
    const buckets = await listBuckets(handle.db, { saleId });
    const first = buckets.filter((b) => b.skuId === skuIds[0]);
    const second = buckets.filter((b) => b.skuId === skuIds[1]);
    expect(first).toHaveLength(16);
    expect(first.reduce((n, b) => n + b.quantity, 0)).toBe(5003);
    expect(new Set(first.map((b) => b.quantity))).toEqual(new Set([313, 312]));
    expect(first.filter((b) => b.quantity === 313)).toHaveLength(11);
    expect(second.map((b) => b.quantity)).toEqual([1, 1, 1, 1, 1]);
    expect(buckets.every((b) => b.available === b.quantity && b.held === 0 && b.sold === 0)).toBe(true);
    const detail = await getSale(handle.db, { saleId });
    expect(detail?.totalQuantity).toBe(5008);
    expect(detail?.skus.map((s) => s.currency)).toEqual(["CNY", "CNY"]);
  });
});

describe("registerForSale", () => {
  it("registers once, counts once, and explains closed or unknown sales", async () => {
    const saleId = await newSale();
    const early = await registerForSale(handle.db, { saleId, userId: user(0), now: at(-4 * 86400) });
    expect(early).toMatchObject({ ok: false, code: "registration_not_open" });

    expect(await registerForSale(handle.db, { saleId, userId: user(0), now: at(-60) })).toEqual({
      ok: true,
      alreadyRegistered: false,
    });
    expect(await registerForSale(handle.db, { saleId, userId: user(0), now: at(-30) })).toEqual({
      ok: true,
      alreadyRegistered: true,
    });
    // Already registered is still fine after registration closed; a newcomer is told it closed.
    expect(await registerForSale(handle.db, { saleId, userId: user(0), now: at(10) })).toMatchObject({
      ok: true,
      alreadyRegistered: true,
    });
    const late = await registerForSale(handle.db, { saleId, userId: user(1), now: T0 });
    expect(late).toMatchObject({ ok: false, code: "registration_closed" });
    if (!late.ok) expect(late.message).toMatch(/closed at/);

    expect(await isRegisteredForSale(handle.db, { saleId, userId: user(0) })).toBe(true);
    expect(await isRegisteredForSale(handle.db, { saleId, userId: user(1) })).toBe(false);
    expect((await readSaleCounts(handle.db, { saleId }))?.registrations).toBe(1);

    const draft = await newSale({ status: "draft" });
    const before = await footprint();
    for (const forged of ["not-a-uuid", randomUUID(), "'; drop table sales; --"]) {
      expect(
        await registerForSale(handle.db, { saleId: forged, userId: user(2), now: at(-60) }),
      ).toMatchObject({
        ok: false,
        code: "not_found",
      });
    }
    expect(await registerForSale(handle.db, { saleId: draft, userId: user(2), now: at(-60) })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await footprint()).toEqual(before);
  });
});

describe("reserveSaleUnit", () => {
  it("refuses before the start, after the end, unregistered, other SKUs and forged ids, writing nothing", async () => {
    const saleId = await newSale();
    await registerUsers(handle.db, { saleId, userIds: [user(0)] });
    const draft = await newSale({ status: "draft" });
    await registerUsers(handle.db, { saleId: draft, userIds: [user(0)] });
    const base = { saleId, skuId: skuIds[0] as number, userId: user(0), holdMinutes: HOLD_MINUTES };
    const before = await footprint();

    const early = await reserveSaleUnit(handle.db, { ...base, now: at(-1), timeZone: "Asia/Shanghai" });
    expect(early).toMatchObject({ ok: false, code: "not_started", startsAt: T0 });
    if (!early.ok) expect(early.message).toMatch(/^The sale starts at Sun, Mar 10, 12:00\sPM GMT\+8\.$/);
    expect(await reserveSaleUnit(handle.db, { ...base, now: at(7200) })).toMatchObject({
      ok: false,
      code: "ended",
    });
    expect(await reserveSaleUnit(handle.db, { ...base, userId: user(1), now: at(5) })).toMatchObject({
      ok: false,
      code: "not_registered",
    });
    expect(
      await reserveSaleUnit(handle.db, { ...base, skuId: skuIds[2] as number, now: at(5) }),
    ).toMatchObject({
      ok: false,
      code: "sku_not_in_sale",
    });
    expect(await reserveSaleUnit(handle.db, { ...base, skuId: otherProductSkuId, now: at(5) })).toMatchObject(
      {
        ok: false,
        code: "sku_not_in_sale",
      },
    );
    for (const skuId of [-1, 0, 1.5, Number.NaN, 2 ** 40]) {
      expect(await reserveSaleUnit(handle.db, { ...base, skuId, now: at(5) })).toMatchObject({
        ok: false,
        code: "sku_not_in_sale",
      });
    }
    for (const forged of ["not-a-uuid", randomUUID(), draft]) {
      expect(await reserveSaleUnit(handle.db, { ...base, saleId: forged, now: at(5) })).toMatchObject({
        ok: false,
        code: "not_found",
      });
    }
    expect(await reserveSaleUnit(handle.db, { ...base, holdMinutes: 0, now: at(5) })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(
      await reserveSaleUnit(handle.db, { ...base, requestKey: "x".repeat(101), now: at(5) }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await footprint()).toEqual(before);
  });

  it("holds one unit; a double click or a retry gets the same hold; the limit is per account", async () => {
    const saleId = await newSale();
    await registerUsers(handle.db, { saleId, userIds: [user(0), user(1)] });
    const base = { saleId, skuId: skuIds[0] as number, holdMinutes: HOLD_MINUTES, now: at(1) };

    const first = await reserveSaleUnit(handle.db, { ...base, userId: user(0) });
    expect(first).toMatchObject({ ok: true, existing: false, hold: { seq: 1, status: "active" } });
    if (!first.ok) return;
    expect(first.hold.expiresAt).toEqual(at(1 + HOLD_MINUTES * 60));

    const again = await reserveSaleUnit(handle.db, { ...base, userId: user(0), now: at(2) });
    expect(again).toMatchObject({ ok: true, existing: true, hold: { holdId: first.hold.holdId } });
    const otherSku = await reserveSaleUnit(handle.db, {
      ...base,
      userId: user(0),
      skuId: skuIds[1] as number,
    });
    expect(otherSku).toMatchObject({ ok: false, code: "limit_reached" });

    const figures = await getSaleFigures(handle.db, { saleId, now: at(3) });
    expect(figures).toMatchObject({ quantity: 150, remaining: 149, held: 1, sold: 0, state: "live" });
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  });

  it("with a limit of 2, a request key makes a retry idempotent while new clicks take new units", async () => {
    const saleId = await newSale({ perAccountLimit: 2 });
    await registerUsers(handle.db, { saleId, userIds: [user(0)] });
    const base = {
      saleId,
      skuId: skuIds[0] as number,
      userId: user(0),
      holdMinutes: HOLD_MINUTES,
      now: at(1),
    };

    const a = await reserveSaleUnit(handle.db, { ...base, requestKey: "click-a" });
    const aRetry = await reserveSaleUnit(handle.db, { ...base, requestKey: "click-a" });
    const b = await reserveSaleUnit(handle.db, { ...base, requestKey: "click-b" });
    const c = await reserveSaleUnit(handle.db, {
      ...base,
      skuId: skuIds[1] as number,
      requestKey: "click-c",
    });
    expect(a).toMatchObject({ ok: true, existing: false, hold: { seq: 1 } });
    expect(aRetry).toMatchObject({ ok: true, existing: true });
    expect(b).toMatchObject({ ok: true, existing: false, hold: { seq: 2 } });
    if (a.ok && aRetry.ok) expect(aRetry.hold.holdId).toBe(a.hold.holdId);
    expect(c).toMatchObject({ ok: false, code: "limit_reached" });
    expect((await readSaleCounts(handle.db, { saleId }))?.held).toBe(2);
    expect(await accountsOverLimit(handle.db, { saleId })).toEqual([]);
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  });

  it("puts a new hold in the checkout line in the same statement, once, and only when asked", async () => {
    const saleId = await newSale();
    await registerUsers(handle.db, { saleId, userIds: [user(0), user(1)] });
    const base = { saleId, skuId: skuIds[0] as number, holdMinutes: HOLD_MINUTES, now: at(1) };
    const queued = async (holdId: string) =>
      (
        await queryRows<{ n: number }>(
          handle.db,
          sql`select count(*)::int as n from checkout_queue where hold_id = ${holdId}::uuid`,
        )
      )[0]?.n;

    const first = await reserveSaleUnit(handle.db, {
      ...base,
      userId: user(0),
      requestKey: "click-0001",
      queueForCheckout: true,
    });
    if (!first.ok) throw new Error(first.message);
    expect(await queued(first.hold.holdId)).toBe(1);
    const retry = await reserveSaleUnit(handle.db, {
      ...base,
      userId: user(0),
      requestKey: "click-0001",
      queueForCheckout: true,
    });
    expect(retry).toMatchObject({ ok: true, existing: true, hold: { holdId: first.hold.holdId } });
    expect(await queued(first.hold.holdId)).toBe(1);

    const unqueued = await reserveSaleUnit(handle.db, { ...base, userId: user(1) });
    if (!unqueued.ok) throw new Error(unqueued.message);
    expect(await queued(unqueued.hold.holdId)).toBe(0);
  });

  it("releases a hold back to its bucket once, and the fan can reserve again", async () => {
    const saleId = await newSale();
    await registerUsers(handle.db, { saleId, userIds: [user(0), user(1)] });
    const base = { saleId, skuId: skuIds[0] as number, userId: user(0), holdMinutes: HOLD_MINUTES };
    const held = await reserveSaleUnit(handle.db, { ...base, now: at(1) });
    if (!held.ok) throw new Error(held.message);
    const holdId = held.hold.holdId;

    expect(
      await releaseSaleHold(handle.db, { holdId, now: at(2), reason: "cancelled", userId: user(1) }),
    ).toEqual({
      released: false,
      reason: "not_found",
    });
    expect(
      await releaseSaleHold(handle.db, { holdId, now: at(2), reason: "cancelled", userId: user(0) }),
    ).toEqual({
      released: true,
      saleId,
      orderId: null,
    });
    expect(await releaseSaleHold(handle.db, { holdId, now: at(3), reason: "cancelled" })).toEqual({
      released: false,
      reason: "not_active",
    });
    expect(await readSaleCounts(handle.db, { saleId })).toMatchObject({ remaining: 150, held: 0 });

    const again = await reserveSaleUnit(handle.db, { ...base, now: at(4) });
    expect(again).toMatchObject({ ok: true, existing: false, hold: { seq: 1 } });
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  });

  it("sweeps expired holds only, and releases a fan's own expired hold when they come back", async () => {
    const saleId = await newSale();
    await registerUsers(handle.db, { saleId, userIds: [user(0), user(1)] });
    const base = { saleId, skuId: skuIds[0] as number, holdMinutes: 1 };
    await reserveSaleUnit(handle.db, { ...base, userId: user(0), now: at(1) });
    await reserveSaleUnit(handle.db, { ...base, userId: user(1), now: at(30) });

    expect((await sweepExpiredSaleHolds(handle.db, { now: at(60) })).released).toBe(0);
    const swept = await sweepExpiredSaleHolds(handle.db, { now: at(61) });
    expect(swept.released).toBe(1);
    expect(swept.holds[0]?.saleId).toBe(saleId);
    expect(await readSaleCounts(handle.db, { saleId })).toMatchObject({ remaining: 149, held: 1 });

    // user 1's hold expired at 90 s and no sweep ran: reserving again releases it first and takes a new unit.
    const back = await reserveSaleUnit(handle.db, { ...base, userId: user(1), now: at(95) });
    expect(back).toMatchObject({ ok: true, existing: false });
    expect(await readSaleCounts(handle.db, { saleId })).toMatchObject({ remaining: 149, held: 1 });
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  });

  it("sells to exactly zero, records the sold-out time once, and reopens when units come back", async () => {
    const saleId = await newSale({
      skus: [{ skuId: skuIds[0] as number, quantity: 3, salePriceMinor: 100 }],
    });
    await registerUsers(handle.db, { saleId, userIds: users.slice(0, 6) });
    const base = { saleId, skuId: skuIds[0] as number, holdMinutes: HOLD_MINUTES };
    const holds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await reserveSaleUnit(handle.db, { ...base, userId: user(i), now: at(10 + i) });
      if (!r.ok) throw new Error(r.message);
      holds.push(r.hold.holdId);
    }
    expect((await getSale(handle.db, { saleId }))?.soldOutAt).toEqual(at(12));
    const refused = await reserveSaleUnit(handle.db, { ...base, userId: user(3), now: at(13) });
    expect(refused).toMatchObject({ ok: false, code: "sold_out" });
    expect(await getSaleFigures(handle.db, { saleId, now: at(13) })).toMatchObject({
      remaining: 0,
      state: "sold_out",
      unitsBack: 0,
      boast: "3 units sold out in 12 seconds",
    });

    await releaseSaleHold(handle.db, { holdId: holds[0] as string, now: at(20), reason: "cancelled" });
    expect(await getSaleFigures(handle.db, { saleId, now: at(21) })).toMatchObject({
      remaining: 1,
      state: "live",
      unitsBack: 1,
    });
    expect(await reserveSaleUnit(handle.db, { ...base, userId: user(3), now: at(30) })).toMatchObject({
      ok: true,
    });
    // Sold out a second time: the first moment stands.
    expect((await getSale(handle.db, { saleId }))?.soldOutAt).toEqual(at(12));
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  });
});

describe("payments", () => {
  it("attaches an order to the fan's own active hold and converts it once", async () => {
    const saleId = await newSale();
    await registerUsers(handle.db, { saleId, userIds: [user(0), user(1)] });
    const held = await reserveSaleUnit(handle.db, {
      saleId,
      skuId: skuIds[0] as number,
      userId: user(0),
      holdMinutes: HOLD_MINUTES,
      now: at(1),
    });
    if (!held.ok) throw new Error(held.message);
    const holdId = held.hold.holdId;
    const orderId = await insertPendingOrder(handle.db, {
      userId: user(0),
      totalMinor: 399900,
      holdExpiresAt: at(600),
    });
    const otherOrder = await insertPendingOrder(handle.db, {
      userId: user(0),
      totalMinor: 1,
      holdExpiresAt: at(600),
    });

    expect(await attachOrderToSaleHold(handle.db, { holdId, userId: user(1), orderId })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(
      await attachOrderToSaleHold(handle.db, {
        holdId,
        userId: user(0),
        orderId,
        now: at(1 + HOLD_MINUTES * 60),
      }),
    ).toMatchObject({ ok: false, code: "not_active" });
    expect(await attachOrderToSaleHold(handle.db, { holdId, userId: user(0), orderId, now: at(5) })).toEqual({
      ok: true,
    });
    expect(await attachOrderToSaleHold(handle.db, { holdId, userId: user(0), orderId })).toEqual({
      ok: true,
    });
    expect(
      await attachOrderToSaleHold(handle.db, { holdId, userId: user(0), orderId: otherOrder }),
    ).toMatchObject({
      ok: false,
      code: "already_attached",
    });

    const first = await handle.db.transaction((tx) => convertSaleHoldForOrder(tx, { orderId, now: at(100) }));
    expect(first).toEqual({ saleHold: true, outcome: "converted", holds: 1 });
    const second = await handle.db.transaction((tx) =>
      convertSaleHoldForOrder(tx, { orderId, now: at(101) }),
    );
    expect(second).toEqual({ saleHold: true, outcome: "already_converted", holds: 1 });
    const none = await handle.db.transaction((tx) =>
      convertSaleHoldForOrder(tx, { orderId: otherOrder, now: at(101) }),
    );
    expect(none).toEqual({ saleHold: false });

    expect(await readSaleCounts(handle.db, { saleId })).toMatchObject({ remaining: 149, held: 0, sold: 1 });
    // A paid unit still counts against the limit.
    expect(
      await reserveSaleUnit(handle.db, {
        saleId,
        skuId: skuIds[0] as number,
        userId: user(0),
        holdMinutes: HOLD_MINUTES,
        now: at(200),
      }),
    ).toMatchObject({ ok: false, code: "limit_reached" });
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  });

  it("honours a payment for a released hold if a unit is left, else asks for a refund and changes nothing", async () => {
    const saleId = await newSale({
      skus: [{ skuId: skuIds[0] as number, quantity: 1, salePriceMinor: 100 }],
    });
    await registerUsers(handle.db, { saleId, userIds: [user(0), user(1)] });
    const base = { saleId, skuId: skuIds[0] as number, holdMinutes: 1 };

    const late = await reserveSaleUnit(handle.db, { ...base, userId: user(0), now: at(1) });
    if (!late.ok) throw new Error(late.message);
    const orderId = await insertPendingOrder(handle.db, {
      userId: user(0),
      totalMinor: 100,
      holdExpiresAt: at(61),
    });
    await attachOrderToSaleHold(handle.db, { holdId: late.hold.holdId, userId: user(0), orderId });
    await sweepExpiredSaleHolds(handle.db, { now: at(70) });

    // The unit went back and nobody took it: the late payment takes it again, straight to sold.
    const retaken = await handle.db.transaction((tx) =>
      convertSaleHoldForOrder(tx, { orderId, now: at(80) }),
    );
    expect(retaken).toEqual({ saleHold: true, outcome: "retaken", holds: 1 });
    expect(await readSaleCounts(handle.db, { saleId })).toMatchObject({ remaining: 0, held: 0, sold: 1 });
    expect((await getSale(handle.db, { saleId }))?.soldOutAt).toEqual(at(1));

    // Second fan: their hold expires, someone else... there is nobody else: make the unit gone first.
    const saleB = await newSale({ skus: [{ skuId: skuIds[0] as number, quantity: 1, salePriceMinor: 100 }] });
    await registerUsers(handle.db, { saleId: saleB, userIds: [user(0), user(1)] });
    const lost = await reserveSaleUnit(handle.db, { ...base, saleId: saleB, userId: user(0), now: at(1) });
    if (!lost.ok) throw new Error(lost.message);
    const orderB = await insertPendingOrder(handle.db, {
      userId: user(0),
      totalMinor: 100,
      holdExpiresAt: at(61),
    });
    await attachOrderToSaleHold(handle.db, { holdId: lost.hold.holdId, userId: user(0), orderId: orderB });
    await sweepExpiredSaleHolds(handle.db, { now: at(70) });
    expect(
      await reserveSaleUnit(handle.db, { ...base, saleId: saleB, userId: user(1), now: at(75) }),
    ).toMatchObject({
      ok: true,
    });
    const before = await readSaleCounts(handle.db, { saleId: saleB });
    const refund = await handle.db.transaction((tx) =>
      convertSaleHoldForOrder(tx, { orderId: orderB, now: at(80) }),
    );
    expect(refund).toEqual({ saleHold: true, outcome: "refund_needed", holds: 1 });
    expect(await readSaleCounts(handle.db, { saleId: saleB })).toEqual(before);
    expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
    expect(await bucketMismatches(handle.db, { saleId: saleB })).toEqual([]);
  });
});

describe("figures cache", () => {
  it("shares one load between concurrent callers and reloads after the TTL", async () => {
    let clock = 0;
    const store = createMemoryFiguresStore<number>({ ttlMs: 1000, clock: () => clock });
    const counter = countingLoader((loads) => loads, { delayMs: 20 });
    const values = await Promise.all(Array.from({ length: 50 }, () => store.get("sale", counter.load)));
    expect(counter.loads).toBe(1);
    expect(new Set(values)).toEqual(new Set([1]));
    clock = 999;
    expect(await store.get("sale", counter.load)).toBe(1);
    clock = 1000;
    expect(await store.get("sale", counter.load)).toBe(2);
    expect(await store.get("other", counter.load)).toBe(3);
  });
});

describe("a sale's picture", () => {
  it("is the product image in its first version's colour, not the product's first colour", async () => {
    const pro = await getSeededProduct(handle.db, { slug: "kite-9-pro" });
    const first = pro.skus[0];
    const otherColour = pro.skus.find((s) => s.colour !== first?.colour);
    if (!first || !otherColour) throw new Error("Kite 9 Pro needs two colours");
    const slugOf = (colour: string) => colour.toLowerCase().replaceAll(" ", "-");
    const saleId = await newSale({
      skus: [{ skuId: otherColour.id, quantity: 10, salePriceMinor: 399900 }],
    });
    const sale = await getSale(handle.db, { saleId });
    expect(sale?.product.imageUrl).toContain(`/${slugOf(otherColour.colour)}-1.`);
    expect(sale?.product.imageUrl).not.toContain(`/${slugOf(first.colour)}-`);
  });
});

describe("seedDemoSales", () => {
  it("creates an upcoming launch and a sold-out past sale, and a rerun changes nothing", async () => {
    const now = new Date("2030-06-01T02:00:00Z");
    const first = await seedDemoSales(handle.db, { now });
    const second = await seedDemoSales(handle.db, { now });
    expect(second).toEqual(first);

    const upcoming = await getSale(handle.db, { saleId: first.upcomingSaleId });
    expect(upcoming?.totalQuantity).toBe(10_000);
    expect(upcoming?.skus).toHaveLength(3);
    expect(upcoming?.startsAt).toEqual(new Date("2030-06-03T04:00:00Z"));
    expect(upcoming?.endsAt).toEqual(new Date("2030-06-03T06:00:00Z"));
    expect(
      await registerForSale(handle.db, { saleId: first.upcomingSaleId, userId: user(0), now }),
    ).toMatchObject({ ok: true });

    const past = await getSale(handle.db, { saleId: first.pastSaleId });
    expect(past?.boast).toBe("20,000 units sold out in 38 seconds");
    expect(past?.name).toBe(DEMO_PAST_SALE.name);
    expect(await getSaleFigures(handle.db, { saleId: first.pastSaleId, now })).toMatchObject({
      quantity: 20_000,
      remaining: 0,
      sold: 20_000,
      state: "ended",
    });
  });
});
