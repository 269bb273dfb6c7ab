import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, queryRows } from "@/db/client";
import { auditLog, heroSchedule, orders, products, sales, skus, users } from "@/db/schema";
import { type Actor, listAuditEntries } from "@/lib/audit/log";
import { getHeroPreview } from "@/lib/hero/preview";
import { listHeroCalendar, removeHeroEntry, saveHeroEntry } from "@/lib/hero/schedule";
import { readSaleCounts } from "@/lib/sales/figures";
import { reserveSaleUnit } from "@/lib/sales/reserve";
import { atStoreTime } from "@/lib/sales/store-day";
import { insertUsers, registerUsers } from "@/lib/sales/test-support";
import { openSeededPglite } from "@/tests/helpers/db";
import { createConsoleSale, endSale, publishSale, setFeaturedSale, updateConsoleSale } from "./console";
import { skuField } from "./draft";
import { cachedLiveView } from "./live";

const SH = "Asia/Shanghai";
const NY = "America/New_York";
/** The console's "now" in these tests: 1 March 2040, 10:00 in Shanghai. */
const NOW = new Date("2040-03-01T02:00:00Z");

let handle: DbHandle;
let actor: Actor;
let proId: number;
let proSkus: { id: number; currency: string }[];
let padId: number;
let n = 0;

beforeAll(async () => {
  handle = await openSeededPglite();
  const [marketer] = await handle.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.email, "marketer@example.com"));
  if (!marketer) throw new Error("seeded marketer missing");
  actor = marketer;
  const rows = await handle.db.select({ id: products.id, slug: products.slug }).from(products);
  proId = rows.find((r) => r.slug === "kite-9-pro")?.id ?? 0;
  padId = rows.find((r) => r.slug === "kite-pad-5")?.id ?? 0;
  proSkus = await handle.db
    .select({ id: skus.id, currency: skus.currency })
    .from(skus)
    .where(eq(skus.productId, proId))
    .orderBy(asc(skus.position), asc(skus.id));
});
afterAll(() => handle.close());

function saleForm(over: Record<string, string> = {}): Record<string, string> {
  n += 1;
  const [a, b] = proSkus;
  return {
    productId: String(proId),
    slug: `console-${n}`,
    name: `Console sale ${n}`,
    headline: "A test batch",
    perAccountLimit: "1",
    status: "scheduled",
    registrationOpensAt: "2040-03-01T10:00",
    registrationClosesAt: "2040-03-02T12:00",
    startsAt: "2040-03-02T12:00",
    endsAt: "2040-03-02T14:00",
    [skuField(a?.id ?? 0, "include")]: "on",
    [skuField(a?.id ?? 0, "quantity")]: "300",
    [skuField(a?.id ?? 0, "price")]: "3999.00",
    [skuField(b?.id ?? 0, "include")]: "on",
    [skuField(b?.id ?? 0, "quantity")]: "200",
    [skuField(b?.id ?? 0, "price")]: "4199.00",
    ...over,
  };
}

async function create(over: Record<string, string> = {}) {
  const result = await createConsoleSale(handle.db, { actor, raw: saleForm(over), timeZone: SH, now: NOW });
  if (!result.ok) throw new Error(`${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result;
}

async function auditCount(entityId?: string) {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    entityId
      ? sql`select count(*)::int as n from audit_log where entity_id = ${entityId} and summary <> ''`
      : sql`select count(*)::int as n from audit_log`,
  );
  return row?.n ?? 0;
}

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
      const result = await createConsoleSale(handle.db, {
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
    const dup = await createConsoleSale(handle.db, {
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
      createConsoleSale(handle.db, { actor, raw, timeZone: SH, now: NOW }),
      createConsoleSale(handle.db, { actor, raw, timeZone: SH, now: NOW }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.saleId).toBe(second.saleId);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    const third = await createConsoleSale(handle.db, { actor, raw, timeZone: SH, now: NOW });
    expect(third).toMatchObject({ ok: true, saleId: first.saleId, duplicate: true });
    expect(await auditCount(first.saleId)).toBe(1);
  });
});

describe("editing a sale", () => {
  it("changes anything before the start, versions included, with one audit entry", async () => {
    const base = saleForm();
    const created = await createConsoleSale(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
    if (!created.ok) throw new Error("create failed");
    const [a, b, c] = proSkus;
    const result = await updateConsoleSale(handle.db, {
      actor,
      saleId: created.saleId,
      raw: editForm(created.saleId, base, {
        name: "Renamed",
        startsAt: "2040-03-03T12:00",
        registrationClosesAt: "2040-03-03T12:00",
        endsAt: "2040-03-03T15:00",
        [skuField(a?.id ?? 0, "price")]: "3899.00",
        [skuField(a?.id ?? 0, "quantity")]: "350",
        [skuField(b?.id ?? 0, "include")]: "",
        [skuField(c?.id ?? 0, "include")]: "on",
        [skuField(c?.id ?? 0, "quantity")]: "50",
        [skuField(c?.id ?? 0, "price")]: "100",
      }),
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
    const again = await updateConsoleSale(handle.db, {
      actor,
      saleId: created.saleId,
      raw: editForm(created.saleId, base, {
        name: "Renamed",
        startsAt: "2040-03-03T12:00",
        registrationClosesAt: "2040-03-03T12:00",
        endsAt: "2040-03-03T15:00",
        [skuField(a?.id ?? 0, "price")]: "3899.00",
        [skuField(a?.id ?? 0, "quantity")]: "350",
        [skuField(b?.id ?? 0, "include")]: "",
        [skuField(c?.id ?? 0, "include")]: "on",
        [skuField(c?.id ?? 0, "quantity")]: "50",
        [skuField(c?.id ?? 0, "price")]: "100",
      }),
      timeZone: SH,
      now: NOW,
    });
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(await auditCount(created.saleId)).toBe(2);
  });

  it("locks price, start and versions once started; quantity grows but not below held + sold", async () => {
    const base = saleForm();
    const created = await createConsoleSale(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
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
      updateConsoleSale(handle.db, {
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
    const created = await createConsoleSale(handle.db, { actor, raw: base, timeZone: SH, now: NOW });
    if (!created.ok) throw new Error("create failed");
    expect(await endSale(handle.db, { actor, saleId: created.saleId, now: NOW })).toMatchObject({ ok: true });
    expect(await endSale(handle.db, { actor, saleId: created.saleId, now: NOW })).toMatchObject({
      ok: true,
      message: "This sale had already ended.",
    });
    const ended = await updateConsoleSale(handle.db, {
      actor,
      saleId: created.saleId,
      raw: editForm(created.saleId, base, { name: "x" }),
      timeZone: SH,
      now: NOW,
    });
    expect(ended).toMatchObject({ ok: false, error: "This sale has ended, so it can no longer change." });
    const [order] = await handle.db
      .insert(orders)
      .values({ userId: actor.id, currency: "CNY", totalMinor: 1, holdExpiresAt: NOW })
      .returning({ id: orders.id });
    for (const saleId of ["", "not-a-uuid", "1", order?.id ?? "", "00000000-0000-4000-8000-000000000000"]) {
      const r = await updateConsoleSale(handle.db, { actor, saleId, raw: base, timeZone: SH, now: NOW });
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

describe("the hero schedule", () => {
  const heroForm = (over: Record<string, string>) => ({
    headline: "Noon drop",
    imageUrl: "/images/hero/kite-9-pro.svg",
    ctaLabel: "See the sale",
    ctaHref: "",
    ...over,
  });

  it("takes one entry per day, refuses a second, and lets the first be edited or removed", async () => {
    const sale = await create();
    const raw = heroForm({
      storeDay: "2040-03-02",
      target: `sale:${sale.saleId}`,
      requestKey: "hero-key-0000000001",
    });
    const first = await saveHeroEntry(handle.db, { actor, raw, timeZone: SH, now: NOW });
    expect(first).toMatchObject({ ok: true, storeDay: "2040-03-02", duplicate: false });
    // A double submit of the same form is the same entry.
    expect(await saveHeroEntry(handle.db, { actor, raw, timeZone: SH, now: NOW })).toMatchObject({
      ok: true,
      duplicate: true,
    });
    const second = await saveHeroEntry(handle.db, {
      actor,
      raw: heroForm({
        storeDay: "2040-03-02",
        target: `product:${padId}`,
        requestKey: "hero-key-0000000002",
      }),
      timeZone: SH,
      now: NOW,
    });
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.fieldErrors?.storeDay?.[0]).toContain("already has a hero (“Noon drop”)");

    const [entry] = await listHeroCalendar(handle.db, { fromDay: "2040-03-02", days: 1 });
    expect(entry).toMatchObject({
      saleId: sale.saleId,
      ctaHref: `/sales/${sale.slug}`,
      updatedBy: actor.email,
    });
    // Moving it onto a day that has its own entry is refused too.
    await saveHeroEntry(handle.db, {
      actor,
      raw: heroForm({ storeDay: "2040-03-04", target: `product:${padId}` }),
      timeZone: SH,
      now: NOW,
    });
    const moved = await saveHeroEntry(handle.db, {
      actor,
      raw: heroForm({ entryId: String(entry?.id), storeDay: "2040-03-04", target: `sale:${sale.saleId}` }),
      timeZone: SH,
      now: NOW,
    });
    expect(moved.ok).toBe(false);
    const edited = await saveHeroEntry(handle.db, {
      actor,
      raw: heroForm({
        entryId: String(entry?.id),
        storeDay: "2040-03-02",
        target: `sale:${sale.saleId}`,
        headline: "New words",
      }),
      timeZone: SH,
      now: NOW,
    });
    expect(edited).toMatchObject({ ok: true });
    const removed = await removeHeroEntry(handle.db, { actor, entryId: entry?.id ?? 0 });
    expect(removed).toMatchObject({ ok: true, storeDay: "2040-03-02" });
    expect(await removeHeroEntry(handle.db, { actor, entryId: entry?.id ?? 0 })).toMatchObject({
      ok: true,
      message: "That entry was already removed.",
    });
    const actions = (
      await listAuditEntries(handle.db, { entity: { type: "hero_day", id: "2040-03-02" } })
    ).rows.map((r) => r.action);
    expect(actions).toEqual(["hero.delete", "hero.set", "hero.set"]);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const draft = await create({ status: "draft" });
    const running = await create();
    const [order] = await handle.db
      .insert(orders)
      .values({ userId: actor.id, currency: "CNY", totalMinor: 1, holdExpiresAt: NOW })
      .returning({ id: orders.id });
    const rows0 = (await handle.db.select({ id: heroSchedule.id }).from(heroSchedule)).length;
    const audit0 = await auditCount();
    const cases: [Record<string, string>, string][] = [
      [{}, "storeDay"],
      [{ storeDay: "2040-03-05" }, "target"],
      [{ storeDay: "2040-03-05", target: "sale:not-a-uuid" }, "target"],
      // The id of another kind of object (an order) where a sale is expected.
      [{ storeDay: "2040-03-05", target: `sale:${order?.id}` }, "target"],
      [{ storeDay: "2040-03-05", target: `sale:${draft.saleId}` }, "target"],
      [{ storeDay: "2040-03-05", target: "product:999999" }, "target"],
      [{ storeDay: "2040-03-05", target: "product:-1" }, "target"],
      // The sale ends on 2 March: it can't headline 5 March.
      [{ storeDay: "2040-03-05", target: `sale:${running.saleId}` }, "target"],
      [{ storeDay: "2040-02-29", target: `product:${padId}` }, "storeDay"],
      [{ storeDay: "2040-02-30", target: `product:${padId}` }, "storeDay"],
      [{ storeDay: "tomorrow", target: `product:${padId}` }, "storeDay"],
      [{ storeDay: "2040-00-10", target: `product:${padId}` }, "storeDay"],
      [{ storeDay: "0000-01-01", target: `sale:${running.saleId}` }, "storeDay"],
      [{ storeDay: "2040-03-05", target: `product:${padId}`, headline: "" }, "headline"],
      [{ storeDay: "2040-03-05", target: `product:${padId}`, imageUrl: "/images/hero/nope.svg" }, "imageUrl"],
      [
        { storeDay: "2040-03-05", target: `product:${padId}`, imageUrl: "https://evil.example/x.png" },
        "imageUrl",
      ],
      [{ storeDay: "2040-03-05", target: `product:${padId}`, ctaHref: "https://evil.example" }, "ctaHref"],
      [{ storeDay: "2040-03-05", target: `product:${padId}`, ctaLabel: "" }, "ctaLabel"],
    ];
    for (const [over, field] of cases) {
      const result = await saveHeroEntry(handle.db, { actor, raw: heroForm(over), timeZone: SH, now: NOW });
      expect(result.ok, JSON.stringify(over)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(over)).toContain(field);
    }
    const missing = await saveHeroEntry(handle.db, {
      actor,
      raw: heroForm({ entryId: "987654", storeDay: "2040-03-05", target: `product:${padId}` }),
      timeZone: SH,
      now: NOW,
    });
    expect(missing).toMatchObject({
      ok: false,
      error: "That calendar entry was removed meanwhile. Reload the page.",
    });
    expect((await handle.db.select({ id: heroSchedule.id }).from(heroSchedule)).length).toBe(rows0);
    expect(await auditCount()).toBe(audit0);
  });

  it("resolves the day in the store's zone: local midnight, across daylight-saving changes", async () => {
    // Sun 11 March 2040 in New York has 23 hours; Sun 4 November has 25.
    for (const day of ["2040-03-10", "2040-03-11", "2040-03-12", "2040-11-03", "2040-11-04", "2040-11-05"]) {
      const r = await saveHeroEntry(handle.db, {
        actor,
        raw: heroForm({ storeDay: day, target: `product:${padId}`, headline: `NY ${day}` }),
        timeZone: NY,
        now: NOW,
      });
      expect(r.ok, day).toBe(true);
    }
    const headlineAt = async (iso: string, tz = NY) =>
      (await getHeroPreview(handle.db, { asOf: new Date(iso), timeZone: tz })).entry?.headline ?? null;
    expect(await headlineAt("2040-03-11T04:59:59Z")).toBe("NY 2040-03-10"); // 23:59:59 EST
    expect(await headlineAt("2040-03-11T05:00:00Z")).toBe("NY 2040-03-11"); // 00:00 EST
    expect(await headlineAt("2040-03-12T03:59:59Z")).toBe("NY 2040-03-11"); // 23:59:59 EDT
    expect(await headlineAt("2040-03-12T04:00:00Z")).toBe("NY 2040-03-12"); // 00:00 EDT
    expect(await headlineAt("2040-11-04T03:59:59Z")).toBe("NY 2040-11-03");
    expect(await headlineAt("2040-11-05T04:59:59Z")).toBe("NY 2040-11-04"); // 23:59:59 EST, 25 hours later
    expect(await headlineAt("2040-11-05T05:00:00Z")).toBe("NY 2040-11-05");
    // The same instant is already 12 March in Shanghai, which has no entry.
    const sh = await getHeroPreview(handle.db, { asOf: new Date("2040-03-11T18:00:00Z"), timeZone: SH });
    expect(sh.storeDay).toBe("2040-03-12");
    const preview = await getHeroPreview(handle.db, { asOf: new Date("2040-03-11T05:00:00Z"), timeZone: NY });
    expect(preview).toMatchObject({ source: "schedule", storeDay: "2040-03-11" });
    expect(preview.revalidateAt.toISOString()).toBe("2040-03-12T04:00:00.000Z");
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
});
