import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { getSeededProduct } from "@/tests/helpers/seeded";
import { withStormDatabase } from "@/tests/helpers/storm";
import { createSale } from "./commands";
import { registerForSale } from "./registration";
import { changeSaleVersion, getSaleRegistration } from "./version-choice";
import { SALE_STARTED_MESSAGE } from "./version-choice-rules";

/*
 * Choosing the version at registration on real PostgreSQL: a fan registers with a version of the sale's own,
 * changes it until the start (also after registration closed), is refused from the start on and with another
 * sale's version, and a refusal writes nothing (no row, no count, the earlier choice kept).
 */

const HOUR = 3_600_000;
const T0 = new Date("2031-06-01T04:00:00Z");
const DURING_REGISTRATION = new Date(T0.getTime() - 12 * HOUR);
/** Registration has closed; the sale has not started. */
const AFTER_CLOSE = new Date(T0.getTime() - 30 * 60_000);
const db = withStormDatabase({ connections: 4, accounts: 20, usersPrefix: "version" });
let otherSku: number;

beforeAll(async () => {
  const buds = await getSeededProduct(db.db, { slug: "kite-buds-2" });
  otherSku = buds.skus[0]?.id as number;
  // Another sale, of another product: its version is not one of the sales' below.
  await newSale({ productId: buds.productId, skuIds: [otherSku] });
});

let n = 0;
async function newSale({
  productId = db.productId,
  skuIds = [db.skuA, db.skuB],
  draw = false,
}: {
  productId?: number;
  skuIds?: number[];
  draw?: boolean;
} = {}) {
  n += 1;
  const created = await createSale(db.db, {
    slug: `version-sale-${n}`,
    name: `Version sale ${n}`,
    productId,
    registrationOpensAt: new Date(T0.getTime() - 24 * HOUR),
    registrationClosesAt: new Date(T0.getTime() - HOUR),
    startsAt: T0,
    endsAt: new Date(T0.getTime() + 2 * HOUR),
    skus: skuIds.map((skuId) => ({ skuId, quantity: 5, salePriceMinor: 399900 })),
    ...(draw ? { kind: "draw" as const, purchaseWindowMinutes: 60 } : {}),
  });
  if (!created.ok) throw new Error(`${created.message} ${JSON.stringify(created.fieldErrors)}`);
  return created.saleId;
}

let used = 0;
const fan = () => db.users[used++] as string;

/** What the database holds for this sale: its registrations (user → version) and its live count. */
async function written(saleId: string) {
  const rows = await queryRows<{ userId: string; skuId: number | null }>(
    db.db,
    sql`select user_id as "userId", sku_id as "skuId" from sale_registrations where sale_id = ${saleId}::uuid`,
  );
  const [count] = await queryRows<{ n: number }>(
    db.db,
    sql`select coalesce(sum(registrations), 0)::int as n from sale_counters where sale_id = ${saleId}::uuid`,
  );
  return { choices: Object.fromEntries(rows.map((r) => [r.userId, r.skuId])), count: count?.n };
}

describe("choosing the version at registration", () => {
  it("registers with a version of the sale's own; without one the choice is empty", async () => {
    const saleId = await newSale();
    const [a, b] = [fan(), fan()];
    expect(
      await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION, skuId: db.skuB }),
    ).toEqual({
      ok: true,
      alreadyRegistered: false,
      skuId: db.skuB,
    });
    expect(await registerForSale(db.db, { saleId, userId: b, now: DURING_REGISTRATION })).toMatchObject({
      ok: true,
      alreadyRegistered: false,
    });
    // Registering again without a version keeps the choice.
    expect(await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION })).toMatchObject({
      ok: true,
      alreadyRegistered: true,
    });
    expect(await written(saleId)).toEqual({ choices: { [a]: db.skuB, [b]: null }, count: 2 });
    expect(await getSaleRegistration(db.db, { saleId, userId: a })).toEqual({ skuId: db.skuB });
    expect(await getSaleRegistration(db.db, { saleId, userId: fan() })).toBeNull();
  });

  it("changes the version until the start, also after registration closed, then refuses", async () => {
    const saleId = await newSale();
    const a = fan();
    await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION });
    const change = (skuId: number, now: Date) => changeSaleVersion(db.db, { saleId, userId: a, skuId, now });

    expect(await change(db.skuA, DURING_REGISTRATION)).toEqual({ ok: true, skuId: db.skuA });
    expect(await change(db.skuB, AFTER_CLOSE)).toEqual({ ok: true, skuId: db.skuB });
    // Registering again with a version, while registered, is a change too (before the start).
    expect(await registerForSale(db.db, { saleId, userId: a, now: AFTER_CLOSE, skuId: db.skuA })).toEqual({
      ok: true,
      alreadyRegistered: true,
      skuId: db.skuA,
    });
    expect(await change(db.skuB, new Date(T0.getTime() - 1))).toEqual({ ok: true, skuId: db.skuB });

    for (const now of [T0, new Date(T0.getTime() + 60_000)]) {
      expect(await change(db.skuA, now)).toEqual({
        ok: false,
        code: "sale_started",
        message: SALE_STARTED_MESSAGE,
      });
    }
    expect(await registerForSale(db.db, { saleId, userId: a, now: T0, skuId: db.skuA })).toMatchObject({
      ok: false,
      code: "sale_started",
    });
    expect(await written(saleId)).toEqual({ choices: { [a]: db.skuB }, count: 1 });
  });

  it("refuses another sale's version, an unknown one and an unregistered fan, writing nothing", async () => {
    const saleId = await newSale();
    const [a, stranger, late] = [fan(), fan(), fan()];
    await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION, skuId: db.skuA });

    for (const skuId of [otherSku, 999_999]) {
      expect(
        await registerForSale(db.db, { saleId, userId: stranger, now: DURING_REGISTRATION, skuId }),
      ).toMatchObject({ ok: false, code: "version_not_in_sale" });
      expect(
        await changeSaleVersion(db.db, { saleId, userId: a, skuId, now: DURING_REGISTRATION }),
      ).toMatchObject({
        ok: false,
        code: "version_not_in_sale",
      });
    }
    expect(
      await changeSaleVersion(db.db, { saleId, userId: stranger, skuId: db.skuB, now: DURING_REGISTRATION }),
    ).toMatchObject({ ok: false, code: "not_registered" });
    // Registration's own refusals come first: after it closed, a new fan is told so, whatever the version.
    expect(
      await registerForSale(db.db, { saleId, userId: late, now: AFTER_CLOSE, skuId: otherSku }),
    ).toMatchObject({
      ok: false,
      code: "registration_closed",
    });
    expect(
      await changeSaleVersion(db.db, { saleId: "nope", userId: a, skuId: db.skuB, now: DURING_REGISTRATION }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await written(saleId)).toEqual({ choices: { [a]: db.skuA }, count: 1 });
  });

  it("a version taken out of the sale leaves its fans registered with no choice; a deleted sale takes all", async () => {
    const saleId = await newSale();
    const [a, b] = [fan(), fan()];
    await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION, skuId: db.skuA });
    await registerForSale(db.db, { saleId, userId: b, now: DURING_REGISTRATION, skuId: db.skuB });
    await db.db.execute(
      sql`delete from sale_skus where sale_id = ${saleId}::uuid and sku_id = ${db.skuB}::int`,
    );
    expect(await written(saleId)).toEqual({ choices: { [a]: db.skuA, [b]: null }, count: 2 });
    expect(
      await changeSaleVersion(db.db, { saleId, userId: b, skuId: db.skuB, now: DURING_REGISTRATION }),
    ).toMatchObject({ ok: false, code: "version_not_in_sale" });

    await db.db.execute(sql`delete from sales where id = ${saleId}::uuid`);
    expect((await written(saleId)).choices).toEqual({});
  });

  it("a draw sale (one version, drawn) has no version to choose: refused, nothing entered", async () => {
    const saleId = await newSale({ draw: true, skuIds: [db.skuA] });
    const a = fan();
    expect(
      await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION, skuId: db.skuA }),
    ).toMatchObject({ ok: false, code: "draw_sale" });
    const [entries] = await queryRows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from sale_draw_entries where sale_id = ${saleId}::uuid`,
    );
    expect(entries?.n).toBe(0);
    expect(await registerForSale(db.db, { saleId, userId: a, now: DURING_REGISTRATION })).toMatchObject({
      ok: true,
      draw: true,
    });
    expect(
      await changeSaleVersion(db.db, { saleId, userId: a, skuId: db.skuA, now: DURING_REGISTRATION }),
    ).toMatchObject({ ok: false, code: "draw_sale" });
    expect(await written(saleId)).toEqual({ choices: {}, count: 1 });
  });
});
