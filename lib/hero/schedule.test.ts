import { inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, queryRows } from "@/db/client";
import { heroSchedule, orders } from "@/db/schema";
import { type Actor, listAuditEntries } from "@/lib/audit/log";
import { CONSOLE_NOW, SHANGHAI, setUpConsoleFixture } from "@/lib/sales/console-fixture";
import { getHeroPreview } from "./preview";
import { listHeroCalendar, removeHeroEntry, saveHeroEntry } from "./schedule";

const SH = SHANGHAI;
const NY = "America/New_York";
/** The console's "now" in these tests: 1 March 2040, 10:00 in Shanghai. */
const NOW = CONSOLE_NOW;

const fx = setUpConsoleFixture();
const { create, auditCount } = fx;
let handle: DbHandle;
let actor: Actor;
let padId: number;
beforeAll(() => {
  ({ handle, actor, padId } = fx);
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
      // Browsers read a backslash as a slash and drop tabs and newlines: each of these leaves the store.
      [{ storeDay: "2040-03-05", target: `product:${padId}`, ctaHref: "/\\evil.example" }, "ctaHref"],
      [{ storeDay: "2040-03-05", target: `product:${padId}`, ctaHref: "/\t/evil.example" }, "ctaHref"],
      [{ storeDay: "2040-03-05", target: `product:${padId}`, ctaHref: "/%5Cevil.example" }, "ctaHref"],
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
      message: "That calendar entry was removed meanwhile. Reload the page.",
    });
    expect((await handle.db.select({ id: heroSchedule.id }).from(heroSchedule)).length).toBe(rows0);
    expect(await auditCount()).toBe(audit0);
  });

  it("uses the sale's or product's own image when the image is left empty; an explicit choice wins", async () => {
    const sale = await create();
    const firstImage = async (slug: string) => {
      const [row] = await queryRows<{ url: string }>(
        handle.db,
        sql`select i.url from product_images i join products p on p.id = i.product_id
          where p.slug = ${slug} order by i.position, i.id limit 1`,
      );
      return row?.url;
    };
    const proImage = await firstImage("kite-9-pro");
    const padImage = await firstImage("kite-pad-5");
    expect(proImage && padImage).toBeTruthy();
    const save = (over: Record<string, string>) =>
      saveHeroEntry(handle.db, { actor, raw: heroForm({ imageUrl: "", ...over }), timeZone: SH, now: NOW });
    expect(await save({ storeDay: "2040-03-02", target: `sale:${sale.saleId}` })).toMatchObject({ ok: true });
    expect(await save({ storeDay: "2040-03-06", target: `product:${padId}` })).toMatchObject({ ok: true });
    const chosen = "/images/hero/kite-9-pro.svg";
    expect(
      await save({ storeDay: "2040-03-07", target: `product:${padId}`, imageUrl: chosen }),
    ).toMatchObject({
      ok: true,
    });
    const images = Object.fromEntries(
      (await listHeroCalendar(handle.db, { fromDay: "2040-03-02", days: 6 })).map((e) => [
        e.storeDay,
        e.imageUrl,
      ]),
    );
    expect(images).toMatchObject({ "2040-03-02": proImage, "2040-03-06": padImage, "2040-03-07": chosen });
    const preview = await getHeroPreview(handle.db, { asOf: new Date("2040-03-06T04:00:00Z"), timeZone: SH });
    expect(preview.entry?.imageUrl).toBe(padImage);
    await handle.db
      .delete(heroSchedule)
      .where(inArray(heroSchedule.storeDay, ["2040-03-02", "2040-03-06", "2040-03-07"]));
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
