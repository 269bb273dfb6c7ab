import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, queryRows } from "@/db/client";
import type { Actor } from "@/lib/audit/log";
import { readSaleCounts } from "@/lib/sales/figures";
import { releaseSaleHold } from "@/lib/sales/holds";
import { type ReserveResult, reserveSaleUnit } from "@/lib/sales/reserve";
import { atStoreTime } from "@/lib/sales/store-day";
import {
  accountsOverLimit,
  bucketMismatches,
  crowd,
  insertUsers,
  registerUsers,
} from "@/lib/sales/test-support";
import { openSeededPostgres } from "@/tests/helpers/db";
import { saleFormFields, versionFields } from "@/tests/helpers/sale-form";
import { getKite9Pro, getSeededMarketer } from "@/tests/helpers/seeded";
import { createSaleFromForm } from "./commands";
import { skuField } from "./draft";
import { updateSaleFromForm } from "./update";

/*
 * A marketer changes quantities while a crowd buys, on real PostgreSQL with many connections. Whatever the
 * interleaving: every bucket keeps quantity = available + held + sold with held and sold equal to its hold rows,
 * no unit that a fan holds or bought is ever taken back, sale_skus and the sale's total always equal the buckets,
 * and each accepted change is exactly what the marketer asked for.
 */

const SH = "Asia/Shanghai";
const NOW = new Date("2040-05-01T00:00:00Z");
const START = atStoreTime("2040-05-02", 12, 0, SH);
const LIVE = new Date(START.getTime() + 1000);

let handle: DbHandle;
let actor: Actor;
let skuA: number;
let skuB: number;
let productId: number;
let n = 0;

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 40 });
  actor = await getSeededMarketer(handle.db);
  ({ productId, skuA, skuB } = await getKite9Pro(handle.db));
});
afterAll(() => handle.close());

function form(quantities: { a: number; b: number }): Record<string, string> {
  return {
    ...saleFormFields({ name: `Quantity storm ${n}`, day: "2040-05-02" }),
    ...versionFields(skuA, { include: "on", quantity: String(quantities.a), price: "3999.00" }),
    ...versionFields(skuB, { include: "on", quantity: String(quantities.b), price: "4199.00" }),
  };
}

async function newSale(quantities: { a: number; b: number }, fans: number) {
  n += 1;
  const result = await createSaleFromForm(handle.db, {
    actor,
    raw: { ...form(quantities), productId: String(productId), slug: `qty-storm-${n}`, status: "scheduled" },
    timeZone: SH,
    now: NOW,
  });
  if (!result.ok) throw new Error(result.message);
  const userIds = await insertUsers(handle.db, { prefix: `qty-${n}`, count: fans });
  await registerUsers(handle.db, { saleId: result.saleId, userIds });
  return { saleId: result.saleId, userIds };
}

async function expectExact(saleId: string) {
  expect(await bucketMismatches(handle.db, { saleId })).toEqual([]);
  expect(await accountsOverLimit(handle.db, { saleId })).toEqual([]);
  const drift = await queryRows<{ skuId: number; declared: number; buckets: number }>(
    handle.db,
    sql`
      select ss.sku_id as "skuId", ss.quantity as declared, sum(b.quantity)::int as buckets
      from sale_skus ss join sale_buckets b on b.sale_id = ss.sale_id and b.sku_id = ss.sku_id
      where ss.sale_id = ${saleId}::uuid
      group by ss.sku_id, ss.quantity
      having ss.quantity <> sum(b.quantity)`,
  );
  expect(drift).toEqual([]);
  const [total] = await queryRows<{ ok: boolean }>(
    handle.db,
    sql`select s.total_quantity = (select sum(quantity) from sale_skus where sale_id = s.id) as ok
        from sales s where s.id = ${saleId}::uuid`,
  );
  expect(total?.ok).toBe(true);
  return readSaleCounts(handle.db, { saleId });
}

describe("quantity changes under concurrent buying (PostgreSQL)", () => {
  it("grows and shrinks exactly while 1,200 fans reserve and some cancel", async () => {
    const { saleId, userIds } = await newSale({ a: 400, b: 300 }, 1200);
    const results: ReserveResult[] = [];
    const accepted: { a: number; b: number }[] = [];
    const refusedBelowFloor: number[] = [];
    let crowdDone = false;

    const buying = crowd(userIds, 32, async (userId, i) => {
      const r = await reserveSaleUnit(handle.db, {
        saleId,
        skuId: i % 2 === 0 ? skuA : skuB,
        userId,
        now: LIVE,
        holdMinutes: 10,
      });
      results.push(r);
      // One in five changes their mind at once: units come back while the marketer edits.
      if (r.ok && i % 5 === 0) {
        await releaseSaleHold(handle.db, { holdId: r.hold.holdId, now: LIVE, reason: "cancelled" });
      }
    }).finally(() => {
      crowdDone = true;
    });

    const marketer = (async () => {
      let step = 0;
      const plan = [
        { a: 450, b: 320 },
        { a: 300, b: 250 },
        { a: 500, b: 400 },
        { a: 200, b: 150 },
        { a: 260, b: 200 },
        { a: 120, b: 100 },
      ];
      while (!crowdDone || step < plan.length) {
        const target = plan[step % plan.length] as { a: number; b: number };
        step += 1;
        const r = await updateSaleFromForm(handle.db, {
          actor,
          saleId,
          raw: form(target),
          timeZone: SH,
          now: LIVE,
        });
        if (r.ok) accepted.push(target);
        else if (r.fieldErrors) {
          for (const key of [skuField(skuA, "quantity"), skuField(skuB, "quantity")]) {
            const m = /At least ([\d,]+)/.exec(r.fieldErrors[key]?.[0] ?? "");
            if (m) refusedBelowFloor.push(Number(m[1]?.replaceAll(",", "")));
          }
        } else throw new Error(`unexpected refusal: ${r.message}`);
        if (step > 200) break;
      }
    })();

    await Promise.all([buying, marketer]);
    const unexpected = results.filter((r) => !r.ok && !["sold_out"].includes(r.code));
    expect(unexpected.map((r) => (r.ok ? "" : r.code))).toEqual([]);
    expect(accepted.length).toBeGreaterThan(0);

    const counts = await expectExact(saleId);
    const last = accepted.at(-1) as { a: number; b: number };
    const a = counts?.skus.find((s) => s.skuId === skuA);
    const b = counts?.skus.find((s) => s.skuId === skuB);
    // The sale has exactly what the last accepted change asked for.
    expect(a?.quantity).toBe(last.a);
    expect(b?.quantity).toBe(last.b);
    // And every unit held is a hold row that was never taken back.
    const held = results.filter((r) => r.ok).length;
    expect((counts?.held ?? 0) + (counts?.sold ?? 0)).toBeLessThanOrEqual(held);
  });

  it("a shrink racing a sell-out either takes only free units or is refused, never a held one", async () => {
    for (let round = 0; round < 5; round++) {
      const { saleId, userIds } = await newSale({ a: 300, b: 1 }, 300);
      const buying = crowd(userIds, 32, async (userId) => {
        await reserveSaleUnit(handle.db, { saleId, skuId: skuA, userId, now: LIVE, holdMinutes: 10 });
      });
      await sleep(round * 15);
      const shrink = updateSaleFromForm(handle.db, {
        actor,
        saleId,
        raw: form({ a: 100, b: 1 }),
        timeZone: SH,
        now: LIVE,
      });
      const [, result] = await Promise.all([buying, shrink]);
      const counts = await expectExact(saleId);
      const a = counts?.skus.find((s) => s.skuId === skuA);
      if (result.ok) {
        expect(a?.quantity).toBe(100);
        expect(a?.held).toBe(100);
      } else {
        expect(result.fieldErrors?.[skuField(skuA, "quantity")]?.[0]).toMatch(/^At least \d+/);
        expect(a?.quantity).toBe(300);
      }
      expect(a?.remaining).toBe(0);
    }
  });
});
