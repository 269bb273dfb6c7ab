import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Actor } from "@/lib/audit/log";
import { createSale } from "@/lib/sales/commands";
import { openSeededPglite } from "@/tests/helpers/db";
import { getKite9Pro, getSeededMarketer, getSeededProduct } from "@/tests/helpers/seeded";
import { getHero } from "./resolve";
import { listHeroCalendar, removeHeroEntry, saveHeroEntry } from "./schedule";

const NY = "America/New_York";
const SH = "Asia/Shanghai";
const utc = (iso: string) => new Date(iso);
/** When the marketer writes the schedule entries below: before every day they name, within a year of each. */
const WRITTEN_AT = utc("2040-01-01T00:00:00Z");

describe("getHero (PGlite)", () => {
  let handle: DbHandle;
  let proId: number;
  let padId: number;
  let proSkuId: number;
  let actor: Actor;

  beforeAll(async () => {
    handle = await openSeededPglite();
    actor = await getSeededMarketer(handle.db);
    ({ productId: proId, skuA: proSkuId } = await getKite9Pro(handle.db));
    ({ productId: padId } = await getSeededProduct(handle.db, { slug: "kite-pad-5" }));
  });
  afterAll(() => handle.close());

  async function sale(slug: string, startsAt: Date, hours = 2, featured = false) {
    const result = await createSale(handle.db, {
      slug,
      name: slug,
      productId: proId,
      featured,
      registrationOpensAt: new Date(startsAt.getTime() - 7 * 86_400_000),
      registrationClosesAt: startsAt,
      startsAt,
      endsAt: new Date(startsAt.getTime() + hours * 3_600_000),
      skus: [{ skuId: proSkuId, quantity: 100, salePriceMinor: 1 }],
    });
    if (!result.ok) throw new Error(result.message);
    return result.saleId;
  }

  it("falls back to the featured product when no sale is coming", async () => {
    const hero = await getHero(handle.db, { now: utc("2040-01-01T00:00:00Z"), timeZone: SH });
    expect(hero).toMatchObject({ kind: "product", storeDay: "2040-01-01", product: { slug: "kite-9-pro" } });
    expect(hero.revalidateAt).toEqual(utc("2040-01-01T16:00:00Z"));
  });

  it("prefers the running sale, then the next to start, and a marketer's entry for the day over both", async () => {
    const now = utc("2040-06-10T04:30:00Z"); // 12:30 in Shanghai
    const next = await sale("hero-next", utc("2040-06-12T04:00:00Z"));
    const later = await sale("hero-later", utc("2040-06-20T04:00:00Z"), 2, true);
    await sale("hero-past", utc("2040-06-09T04:00:00Z"));

    // A featured sale comes before the soonest among those not yet started.
    let hero = await getHero(handle.db, { now, timeZone: SH });
    expect(hero).toMatchObject({ kind: "sale", sale: { id: later } });

    const running = await sale("hero-running", utc("2040-06-10T04:00:00Z"));
    hero = await getHero(handle.db, { now, timeZone: SH });
    expect(hero).toMatchObject({ kind: "sale", sale: { id: running, boast: null } });
    // The running sale ends at 14:00 Shanghai, before midnight: cache until then.
    expect(hero.revalidateAt).toEqual(utc("2040-06-10T06:00:00Z"));

    // After it ends, the featured upcoming sale again.
    hero = await getHero(handle.db, { now: utc("2040-06-10T06:00:00Z"), timeZone: SH });
    expect(hero).toMatchObject({ kind: "sale", sale: { id: later } });
    expect(next).toBeTruthy();

    const set = await saveHeroEntry(handle.db, {
      actor,
      timeZone: SH,
      now: WRITTEN_AT,
      raw: {
        storeDay: "2040-06-10",
        target: `product:${padId}`,
        headline: "Kite Pad 5: draw on it",
        imageUrl: "/images/hero/kite-pad-5.svg",
        ctaLabel: "Shop Kite Pad 5",
        ctaHref: "/products/kite-pad-5",
      },
    });
    expect(set).toMatchObject({ ok: true, storeDay: "2040-06-10" });
    hero = await getHero(handle.db, { now, timeZone: SH });
    expect(hero).toMatchObject({
      kind: "schedule",
      headline: "Kite Pad 5: draw on it",
      product: { slug: "kite-pad-5" },
      sale: null,
    });
    // 23:59 Shanghai is still the 10th; one minute later the schedule entry no longer applies.
    expect((await getHero(handle.db, { now: utc("2040-06-10T15:59:00Z"), timeZone: SH })).kind).toBe(
      "schedule",
    );
    expect((await getHero(handle.db, { now: utc("2040-06-10T16:00:00Z"), timeZone: SH })).kind).toBe("sale");
    // The same instant is still the 9th in New York: no entry there.
    expect((await getHero(handle.db, { now, timeZone: NY })).storeDay).toBe("2040-06-10");
    expect((await getHero(handle.db, { now: utc("2040-06-10T03:00:00Z"), timeZone: NY })).storeDay).toBe(
      "2040-06-09",
    );

    const calendar = await listHeroCalendar(handle.db, { fromDay: "2040-06-09", days: 3 });
    expect(calendar).toHaveLength(1);
    expect(await removeHeroEntry(handle.db, { actor, entryId: calendar[0]?.id ?? 0 })).toMatchObject({
      ok: true,
      storeDay: "2040-06-10",
    });
    expect((await getHero(handle.db, { now, timeZone: SH })).kind).toBe("sale");
  });

  it("switches the scheduled hero at New York midnight on the day the clocks go forward", async () => {
    const entry = (storeDay: string, headline: string) =>
      saveHeroEntry(handle.db, {
        actor,
        timeZone: NY,
        now: WRITTEN_AT,
        raw: {
          storeDay,
          target: `product:${padId}`,
          headline,
          imageUrl: "/images/hero/kite-pad-5.svg",
          ctaLabel: "Shop",
          ctaHref: "/products/kite-pad-5",
        },
      });
    await entry("2040-03-11", "Sunday");
    await entry("2040-03-12", "Monday");
    const at = async (iso: string) => {
      const hero = await getHero(handle.db, { now: utc(iso), timeZone: NY });
      return hero.kind === "schedule" ? hero.headline : hero.kind;
    };
    expect(await at("2040-03-11T04:59:59Z")).toBe("sale");
    expect(await at("2040-03-11T05:00:00Z")).toBe("Sunday");
    expect(await at("2040-03-12T03:59:59Z")).toBe("Sunday");
    expect(await at("2040-03-12T04:00:00Z")).toBe("Monday");
    const sunday = await getHero(handle.db, { now: utc("2040-03-11T05:00:00Z"), timeZone: NY });
    expect(sunday.revalidateAt).toEqual(utc("2040-03-12T04:00:00Z"));
  });

  it("refuses a schedule entry with both or neither target, an outside link, or a date that does not exist", async () => {
    const base = {
      storeDay: "2040-07-01",
      headline: "x",
      imageUrl: "/images/hero/kite-pad-5.svg",
      ctaLabel: "Go",
      ctaHref: "/products/kite-9-pro",
    };
    const missingSale = "sale:8d7f0c3e-6f0b-4a43-9d0a-0f3a1c9e2b11";
    const bad = [
      { ...base },
      // The form has one select for the target: "both" can only arrive forged.
      { ...base, target: `product:${padId},${missingSale}` },
      { ...base, target: `product:${padId}`, ctaHref: "https://evil.example" },
      { ...base, target: `product:${padId}`, ctaHref: "//evil.example" },
      { ...base, target: `product:${padId}`, storeDay: "2040-02-30" },
    ];
    const save = (raw: Record<string, string>) =>
      saveHeroEntry(handle.db, { actor, raw, timeZone: SH, now: WRITTEN_AT });
    for (const raw of bad) {
      expect(await save(raw)).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await save({ ...base, target: missingSale })).toMatchObject({ ok: false, code: "not_found" });
    expect(await listHeroCalendar(handle.db, { fromDay: "2040-07-01", days: 1 })).toEqual([]);
  });
});
