import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, queryCount, queryRows } from "@/db/client";
import { auditLog, orders, sales } from "@/db/schema";
import { type Actor, listAuditEntries } from "@/lib/audit/log";
import { CONSOLE_NOW, SHANGHAI, setUpConsoleFixture } from "@/lib/sales/console-fixture";
import { readSaleCounts } from "@/lib/sales/figures";
import { reserveSaleUnit } from "@/lib/sales/reserve";
import { atStoreTime } from "@/lib/sales/store-day";
import { insertUsers, registerUsers } from "@/lib/sales/test-support";
import { versionFields } from "@/tests/helpers/sale-form";
import { createSaleFromForm, endSale, publishSale, setFeaturedSale } from "./commands";
import { CONFIRM_EVERYDAY_PRICE_FIELD, skuField } from "./draft";
import { cachedLiveView, readSaleActivity, toLiveView } from "./live";
import { updateSaleFromForm } from "./update";

const SH = SHANGHAI;
/** The console's "now" in these tests: 1 March 2040, 10:00 in Shanghai. */
const NOW = CONSOLE_NOW;

const fx = setUpConsoleFixture();
const { saleForm, create, auditCount } = fx;
let handle: DbHandle;
let actor: Actor;
let proSkus: { id: number; currency: string }[];
beforeAll(() => {
  ({ handle, actor, proSkus } = fx);
});

async function saleCount() {
  const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from sales`);
  return row?.n ?? 0;
}

/** Edit form values for a sale as the page would prefill them, with overrides. */
function editForm(saleId: string, base: Record<string, string>, over: Record<string, string> = {}) {
  const { productId: _p, slug: _s, status: _st, ...rest } = base;
  return { ...rest, saleId, ...over };
}

describe("creating a sale", () => {
  it("writes the sale, its stock and the audit entry together, times read in the store's zone", async () => {
    const before = await auditCount();
    const result = await create();
    const [sale] = await handle.db.select().from(sales).where(eq(sales.id, result.saleId));
    expect(sale?.startsAt.toISOString()).toBe("2040-03-02T04:00:00.000Z");
    expect(sale?.totalQuantity).toBe(500);
    const counts = await readSaleCounts(handle.db, { saleId: result.saleId });
    expect(counts).toMatchObject({ quantity: 500, remaining: 500, held: 0, sold: 0 });
    expect(await auditCount()).toBe(before + 1);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, result.saleId));
    expect(entry).toMatchObject({
      action: "sale.create",
      actorId: actor.id,
      actorEmail: actor.email,
      entityType: "sale",
    });
    expect(entry?.summary).toContain("500 units in 2 versions");
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const sales0 = await saleCount();
    const audit0 = await auditCount();
    const cases: [Record<string, string>, string][] = [
      [{ productId: "" }, "productId"],
      [{ productId: "abc" }, "productId"],
      [{ productId: "999999" }, "productId"],
      [{ slug: "Not A Slug" }, "slug"],
      [{ status: "live" }, "status"],
      [
        {
          startsAt: "2040-02-28T12:00",
          registrationClosesAt: "2040-02-28T12:00",
          registrationOpensAt: "2040-02-27T12:00",
        },
        "startsAt",
      ],
      [{ endsAt: "2040-03-02T11:00" }, "endsAt"],
      [{ [skuField(proSkus[0]?.id ?? 0, "quantity")]: "-3" }, skuField(proSkus[0]?.id ?? 0, "quantity")],
      [{ [skuField(proSkus[0]?.id ?? 0, "price")]: "-0.01" }, skuField(proSkus[0]?.id ?? 0, "price")],
      [{ name: "" }, "name"],
      // A version of another product (the Pad's SKU in a Kite 9 Pro sale).
      [{ [skuField(999_999, "include")]: "on" }, "skus"],
    ];
    for (const [over, field] of cases) {
      const result = await createSaleFromForm(handle.db, {
        actor,
        raw: saleForm(over),
        timeZone: SH,
        now: NOW,
      });
      expect(result.ok, JSON.stringify(over)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(over)).toContain(field);
    }
    // A slug already taken: refused inside the transaction, so the claimed request key is rolled back too.
    const taken = await create();
    const dup = await createSaleFromForm(handle.db, {
      actor,
      raw: saleForm({ slug: taken.slug, requestKey: "key-taken-slug-0001" }),
      timeZone: SH,
      now: NOW,
    });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { slug: ["Choose another slug."] } });
    expect(await saleCount()).toBe(sales0 + 1);
    expect(await auditCount()).toBe(audit0 + 1);
  });

  it("turns a double submit (same form key) into one sale", async () => {
    const raw = saleForm({ requestKey: "double-submit-key-0001" });
    const [first, second] = await Promise.all([
      createSaleFromForm(handle.db, { actor, raw, timeZone: SH, now: NOW }),
      createSaleFromForm(handle.db, { actor, raw, timeZone: SH, now: NOW }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.saleId).toBe(second.saleId);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    const third = await createSaleFromForm(handle.db, { actor, raw, timeZone: SH, now: NOW });
    expect(third).toMatchObject({ ok: true, saleId: first.saleId, duplicate: true });
    expect(await auditCount(first.saleId)).toBe(1);
  });
});

describe("a sale price at or above the everyday price (Kite 9 Pro 12 GB + 256 GB: ¥4,499)", () => {
  it("is refused on create and on edit unless confirmed; the confirmed price is saved", async () => {
    const price = skuField(proSkus[0]?.id ?? 0, "price");
    const sales0 = await saleCount();
    const refused = await createSaleFromForm(handle.db, {
      actor,
      raw: saleForm({ [price]: "4499.00" }),
      timeZone: SH,
      now: NOW,
    });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    if (!refused.ok) expect(refused.fieldErrors?.[price]?.[0]).toContain("everyday price (¥4,499.00)");
    expect(await saleCount()).toBe(sales0);

    const base = saleForm({ [price]: "4600.00", [CONFIRM_EVERYDAY_PRICE_FIELD]: "on" });
    const created = await createSaleFromForm(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const unticked = editForm(created.saleId, base, { [CONFIRM_EVERYDAY_PRICE_FIELD]: "" });
    const edit = (over: Record<string, string>) =>
      updateSaleFromForm(handle.db, {
        actor,
        saleId: created.saleId,
        raw: { ...unticked, ...over },
        timeZone: SH,
        now: NOW,
      });
    // The saved price, left as it is, is not asked about again; a new price at or above the everyday one is.
    expect(await edit({ name: "Renamed" })).toMatchObject({ ok: true, changed: true });
    expect(await edit({ [price]: "4700.00" })).toMatchObject({
      ok: false,
      fieldErrors: { [price]: [expect.stringContaining("Above the everyday price")] },
    });
    expect(await edit({ [price]: "4700.00", [CONFIRM_EVERYDAY_PRICE_FIELD]: "on" })).toMatchObject({
      ok: true,
    });
    expect(await edit({ [price]: "4000.00" })).toMatchObject({ ok: true });
  });
});

describe("editing a sale", () => {
  it("changes anything before the start, versions included, with one audit entry", async () => {
    const base = saleForm();
    const created = await createSaleFromForm(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
    if (!created.ok) throw new Error("create failed");
    const [a, b, c] = proSkus;
    const edit = editForm(created.saleId, base, {
      name: "Renamed",
      startsAt: "2040-03-03T12:00",
      registrationClosesAt: "2040-03-03T12:00",
      endsAt: "2040-03-03T15:00",
      ...versionFields(a?.id ?? 0, { price: "3899.00", quantity: "350" }),
      ...versionFields(b?.id ?? 0, { include: "" }),
      ...versionFields(c?.id ?? 0, { include: "on", quantity: "50", price: "100" }),
    });
    const result = await updateSaleFromForm(handle.db, {
      actor,
      saleId: created.saleId,
      raw: edit,
      timeZone: SH,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, changed: true });
    const counts = await readSaleCounts(handle.db, { saleId: created.saleId });
    expect(counts?.skus.map((s) => [s.skuId, s.quantity])).toEqual(
      [
        [a?.id, 350],
        [c?.id, 50],
      ].sort((x, y) => Number(x[0]) - Number(y[0])),
    );
    const [sale] = await handle.db.select().from(sales).where(eq(sales.id, created.saleId));
    expect(sale).toMatchObject({ name: "Renamed", totalQuantity: 400 });
    expect(sale?.startsAt.toISOString()).toBe("2040-03-03T04:00:00.000Z");
    const history = await listAuditEntries(handle.db, { entity: { type: "sale", id: created.saleId } });
    expect(history.rows.map((r) => r.action)).toEqual(["sale.update", "sale.create"]);
    expect(Object.keys(history.rows[0]?.diff ?? {})).toEqual(
      expect.arrayContaining(["name", "startsAt", "endsAt", "totalQuantity"]),
    );
    // Saving the same form again changes nothing and records nothing.
    const again = await updateSaleFromForm(handle.db, {
      actor,
      saleId: created.saleId,
      raw: edit,
      timeZone: SH,
      now: NOW,
    });
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(await auditCount(created.saleId)).toBe(2);
  });

  it("locks price, start and versions once started; quantity grows but not below held + sold", async () => {
    const base = saleForm();
    const created = await createSaleFromForm(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
    if (!created.ok) throw new Error("create failed");
    const [a, b] = proSkus;
    const skuA = a?.id ?? 0;
    const startsAt = atStoreTime("2040-03-02", 12, 0, SH);
    const live = new Date(startsAt.getTime() + 60_000);
    const fans = await insertUsers(handle.db, { prefix: `edit-${created.saleId.slice(0, 6)}`, count: 5 });
    await registerUsers(handle.db, { saleId: created.saleId, userIds: fans });
    for (const userId of fans) {
      const r = await reserveSaleUnit(handle.db, {
        saleId: created.saleId,
        skuId: skuA,
        userId,
        now: live,
        holdMinutes: 10,
      });
      expect(r.ok).toBe(true);
    }
    const edit = (over: Record<string, string>) =>
      updateSaleFromForm(handle.db, {
        actor,
        saleId: created.saleId,
        raw: editForm(created.saleId, base, over),
        timeZone: SH,
        now: live,
      });
    const audit0 = await auditCount(created.saleId);

    const locked = await edit({
      startsAt: "2040-03-02T12:30",
      [skuField(skuA, "price")]: "1.00",
      [skuField(b?.id ?? 0, "include")]: "",
      perAccountLimit: "1",
    });
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.fieldErrors?.startsAt?.[0]).toContain("Locked");
      expect(locked.fieldErrors?.[skuField(skuA, "price")]?.[0]).toContain("Locked at 3999.00");
      expect(locked.fieldErrors?.skus?.[0]).toContain("can't be added or removed");
    }
    const tooFew = await edit({ [skuField(skuA, "quantity")]: "4" });
    expect(tooFew.ok).toBe(false);
    if (!tooFew.ok) expect(tooFew.fieldErrors?.[skuField(skuA, "quantity")]?.[0]).toContain("At least 5");

    const grown = await edit({ [skuField(skuA, "quantity")]: "1000", endsAt: "2040-03-02T16:00" });
    expect(grown).toMatchObject({ ok: true, changed: true });
    const shrunk = await edit({ [skuField(skuA, "quantity")]: "5", endsAt: "2040-03-02T16:00" });
    expect(shrunk).toMatchObject({ ok: true, changed: true });
    const counts = await readSaleCounts(handle.db, { saleId: created.saleId });
    const rowA = counts?.skus.find((s) => s.skuId === skuA);
    expect(rowA).toMatchObject({ quantity: 5, remaining: 0, held: 5, sold: 0 });
    expect(counts?.quantity).toBe(205);
    const [sale] = await handle.db.select().from(sales).where(eq(sales.id, created.saleId));
    expect(sale?.totalQuantity).toBe(205);
    expect(await auditCount(created.saleId)).toBe(audit0 + 2);
  });

  it("refuses to change an ended sale, an unknown id or an id of another kind", async () => {
    const base = saleForm();
    const created = await createSaleFromForm(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
    if (!created.ok) throw new Error("create failed");
    expect(await endSale(handle.db, { actor, saleId: created.saleId, now: NOW })).toMatchObject({ ok: true });
    expect(await endSale(handle.db, { actor, saleId: created.saleId, now: NOW })).toMatchObject({
      ok: true,
      message: "This sale had already ended.",
    });
    const ended = await updateSaleFromForm(handle.db, {
      actor,
      saleId: created.saleId,
      raw: editForm(created.saleId, base, { name: "x" }),
      timeZone: SH,
      now: NOW,
    });
    expect(ended).toMatchObject({ ok: false, message: "This sale has ended, so it can no longer change." });
    const [order] = await handle.db
      .insert(orders)
      .values({ userId: actor.id, currency: "CNY", totalMinor: 1, holdExpiresAt: NOW })
      .returning({ id: orders.id });
    for (const saleId of ["", "not-a-uuid", "1", order?.id ?? "", "00000000-0000-4000-8000-000000000000"]) {
      const r = await updateSaleFromForm(handle.db, { actor, saleId, raw: base, timeZone: SH, now: NOW });
      expect(r.ok, saleId).toBe(false);
      expect(await endSale(handle.db, { actor, saleId, now: NOW }), saleId).toMatchObject({ ok: false });
    }
  });

  it("schedules a draft once, and only with a start ahead", async () => {
    const created = await create({ status: "draft" });
    expect(
      await publishSale(handle.db, { actor, saleId: created.saleId, now: NOW, timeZone: SH }),
    ).toMatchObject({
      ok: true,
      message: "Scheduled: fans can see the sale now.",
    });
    expect(
      await publishSale(handle.db, { actor, saleId: created.saleId, now: NOW, timeZone: SH }),
    ).toMatchObject({
      ok: true,
      message: "This sale is already scheduled.",
    });
    const late = await create({ status: "draft" });
    const afterStart = new Date("2040-03-05T00:00:00Z");
    expect(
      await publishSale(handle.db, { actor, saleId: late.saleId, now: afterStart, timeZone: SH }),
    ).toMatchObject({
      ok: false,
    });
  });
});

describe("the featured sale", () => {
  it("is one sale at a time, even when two marketers pick at once", async () => {
    const [x, y] = [await create(), await create()];
    await Promise.all([
      setFeaturedSale(handle.db, { actor, saleId: x.saleId, now: NOW }),
      setFeaturedSale(handle.db, { actor, saleId: y.saleId, now: NOW }),
    ]);
    const featured = await handle.db.select({ id: sales.id }).from(sales).where(eq(sales.featured, true));
    expect(featured).toHaveLength(1);
    const draft = await create({ status: "draft" });
    expect(await setFeaturedSale(handle.db, { actor, saleId: draft.saleId, now: NOW })).toMatchObject({
      ok: false,
      fieldErrors: { saleId: ["That sale is a draft: schedule it before featuring it."] },
    });
    expect(await setFeaturedSale(handle.db, { actor, saleId: "nope", now: NOW })).toMatchObject({
      ok: false,
    });
    expect(await setFeaturedSale(handle.db, { actor, saleId: null, now: NOW })).toMatchObject({ ok: true });
    expect(await handle.db.select({ id: sales.id }).from(sales).where(eq(sales.featured, true))).toHaveLength(
      0,
    );
  });
});

describe("the live view", () => {
  it("counts reservations and sales per second since the start, and conversion", async () => {
    const created = await create();
    const skuA = proSkus[0]?.id ?? 0;
    const startsAt = atStoreTime("2040-03-02", 12, 0, SH);
    const fans = await insertUsers(handle.db, { prefix: `live-${created.saleId.slice(0, 6)}`, count: 8 });
    await registerUsers(handle.db, { saleId: created.saleId, userIds: fans });
    for (const [i, userId] of fans.slice(0, 6).entries()) {
      const r = await reserveSaleUnit(handle.db, {
        saleId: created.saleId,
        skuId: skuA,
        userId,
        now: new Date(startsAt.getTime() + (i < 4 ? 500 : 2500)),
        holdMinutes: 10,
      });
      expect(r.ok).toBe(true);
    }
    // Two of them paid in second 3.
    await handle.db.execute(sql`
      update sale_holds set status = 'converted', settled_at = ${new Date(startsAt.getTime() + 3200).toISOString()}::timestamptz
      where id in (select id from sale_holds where sale_id = ${created.saleId}::uuid order by created_at limit 2)`);
    await handle.db.execute(sql`
      update sale_buckets b set held = b.held - x.n, sold = b.sold + x.n
      from (select bucket_id, count(*)::int as n from sale_holds
            where sale_id = ${created.saleId}::uuid and status = 'converted' group by bucket_id) x
      where b.id = x.bucket_id`);
    const view = await cachedLiveView(handle.db, {
      saleId: created.saleId,
      now: new Date(startsAt.getTime() + 5000),
    });
    expect(view).toMatchObject({
      state: "live",
      held: 4,
      sold: 2,
      registrations: 8,
      buyers: 2,
      conversion: 0.25,
    });
    expect(view?.series.binSeconds).toBe(1);
    expect(view?.series.bars.slice(0, 4).map((b) => [b.reserved, b.sold])).toEqual([
      [4, 0],
      [0, 0],
      [2, 0],
      [0, 2],
    ]);
    expect(await cachedLiveView(handle.db, { saleId: "x", now: NOW })).toBeNull();
  });

  it("gives units sold, held and left and the sell-through per version, read in the same two statements", async () => {
    const created = await create();
    const [skuA, skuB] = [proSkus[0]?.id ?? 0, proSkus[1]?.id ?? 0];
    const startsAt = atStoreTime("2040-03-02", 12, 0, SH);
    const fans = await insertUsers(handle.db, { prefix: `sku-${created.saleId.slice(0, 6)}`, count: 5 });
    await registerUsers(handle.db, { saleId: created.saleId, userIds: fans });
    for (const [i, userId] of fans.entries()) {
      const r = await reserveSaleUnit(handle.db, {
        saleId: created.saleId,
        skuId: i < 3 ? skuA : skuB,
        userId,
        now: new Date(startsAt.getTime() + 1000),
        holdMinutes: 10,
      });
      expect(r.ok).toBe(true);
    }
    // One unit of A paid.
    await handle.db.execute(sql`
      update sale_holds set status = 'converted', settled_at = ${new Date(startsAt.getTime() + 2000).toISOString()}::timestamptz
      where id in (select id from sale_holds where sale_id = ${created.saleId}::uuid and sku_id = ${skuA}::int limit 1)`);
    await handle.db.execute(sql`
      update sale_buckets b set held = b.held - x.n, sold = b.sold + x.n
      from (select bucket_id, count(*)::int as n from sale_holds
            where sale_id = ${created.saleId}::uuid and status = 'converted' group by bucket_id) x
      where b.id = x.bucket_id`);
    const before = queryCount();
    const view = await readSaleActivity(handle.db, { saleId: created.saleId });
    expect(queryCount() - before).toBe(2);
    if (!view) throw new Error("no activity");
    const live = toLiveView(view, { now: new Date(startsAt.getTime() + 5000) });
    expect(live.variants.map((v) => [v.skuId, v.quantity, v.sold, v.held, v.remaining])).toEqual([
      [skuA, 300, 1, 2, 297],
      [skuB, 200, 0, 2, 198],
    ]);
    expect(live.variants[0]).toMatchObject({ sellThrough: 1 / 300, shareOfSold: 1 });
    expect(live.variants[0]?.label).toContain("12 GB + 256 GB");
    // The versions add up to the sale's totals.
    const sum = (k: "sold" | "held" | "remaining") => live.variants.reduce((n, v) => n + v[k], 0);
    expect([sum("sold"), sum("held"), sum("remaining")]).toEqual([live.sold, live.held, live.remaining]);
  });
});
