import { existsSync } from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoBeta } from "@/lib/beta/demo";
import { tierFor } from "@/lib/points/rules";
import { type DbHandle, openDb, queryRows } from "./client";
import { resetDemoData } from "./reset";
import { categories, productImages, productSpecs, products, reviews, skus, users } from "./schema";
import { seedDemo } from "./seed";
import {
  DEMO_BETA,
  DEMO_PASSWORDS,
  DEMO_PRODUCTS,
  DEMO_SHOPPER_POINTS,
  STOCK_OVERRIDES,
  skusFor,
} from "./seed-data";

const TABLES = { categories, products, skus, productImages, productSpecs, reviews, users } as const;

let handle: DbHandle;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await handle.db.select({ n: count() }).from(table);
    out[name] = row?.n ?? 0;
  }
  return out;
}

beforeAll(async () => {
  handle = await openDb();
});

afterAll(async () => {
  await handle?.close();
});

describe("seedDemo", () => {
  it("is idempotent: a second run leaves the same rows", async () => {
    await seedDemo(handle.db);
    const first = await counts();
    const skusBefore = await handle.db.select().from(skus).orderBy(skus.code);
    const productsBefore = await handle.db.select().from(products).orderBy(products.slug);

    await seedDemo(handle.db);
    expect(await counts()).toEqual(first);
    expect(await handle.db.select().from(skus).orderBy(skus.code)).toEqual(skusBefore);
    expect(await handle.db.select().from(products).orderBy(products.slug)).toEqual(productsBefore);

    expect(first.products).toBeGreaterThanOrEqual(10);
    expect(first.categories).toBeGreaterThanOrEqual(3);
  });

  it("restores edited rows and free stock, keeping units already sold", async () => {
    const code = "kite-9-pro-graphite-12-512";
    const [before] = await handle.db.select().from(skus).where(eq(skus.code, code));
    if (!before) throw new Error(`no SKU ${code}`);
    await handle.db
      .update(skus)
      .set({ available: before.available - 7, sold: before.sold + 7, priceMinor: 1 })
      .where(eq(skus.code, code));
    await handle.db.update(products).set({ name: "Renamed" }).where(eq(products.slug, "kite-9-pro"));

    await seedDemo(handle.db);
    const [after] = await handle.db.select().from(skus).where(eq(skus.code, code));
    expect(after).toMatchObject({
      id: before.id,
      available: before.available,
      sold: before.sold + 7,
      quantity: before.quantity + 7,
      priceMinor: before.priceMinor,
    });
    const [product] = await handle.db.select().from(products).where(eq(products.slug, "kite-9-pro"));
    expect(product?.name).toBe("Kite 9 Pro");

    // Put the SKU back as the seed left it, for the tests below.
    await handle.db
      .update(skus)
      .set({ sold: before.sold, quantity: before.quantity })
      .where(eq(skus.code, code));
  });

  it("does nothing with onlyIfEmpty when a catalogue exists", async () => {
    const before = await counts();
    await handle.db.update(products).set({ name: "Edited" }).where(eq(products.slug, "kite-9"));
    await seedDemo(handle.db, { onlyIfEmpty: true });
    const [product] = await handle.db.select().from(products).where(eq(products.slug, "kite-9"));
    expect(product?.name, "an edit survives: the seed did not run").toBe("Edited");
    expect(await counts()).toEqual(before);
    await handle.db.update(products).set({ name: "Kite 9" }).where(eq(products.slug, "kite-9"));
  });

  it("gives every product at least three images, each a file under public/", async () => {
    const rows = await queryRows<{ slug: string; n: number }>(
      handle.db,
      sql`select p.slug, count(i.id)::int as n from ${products} p left join ${productImages} i on i.product_id = p.id group by p.slug`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) expect(row.n, row.slug).toBeGreaterThanOrEqual(3);

    const images = await handle.db.select({ url: productImages.url }).from(productImages);
    const missing = images.filter((i) => !existsSync(path.join(process.cwd(), "public", i.url)));
    expect(missing, "run `npx tsx scripts/generate-images.ts`").toEqual([]);
  });

  it("keeps the stock invariant and shows sold-out and low-stock SKUs", async () => {
    const rows = await handle.db.select().from(skus);
    expect(rows.length).toBe(DEMO_PRODUCTS.flatMap(skusFor).length);
    for (const s of rows) {
      expect(s.quantity, s.code).toBe(s.available + s.held + s.sold);
      expect(s.listPriceMinor).toBeGreaterThanOrEqual(s.priceMinor);
      expect(s.colourHex).toMatch(/^#[0-9a-f]{6}$/);
    }
    expect(rows.some((s) => s.available === 0)).toBe(true);
    expect(rows.some((s) => s.available >= 1 && s.available <= 5)).toBe(true);
    const codes = new Set(rows.map((s) => s.code));
    for (const code of Object.keys(STOCK_OVERRIDES)) expect(codes.has(code), code).toBe(true);
  });

  it("spreads ratings between 1 and 5 with at least three distinct values per product", async () => {
    const rows = await queryRows<{ slug: string; n: number; distinct: number; lo: number; hi: number }>(
      handle.db,
      sql`select p.slug, count(r.id)::int as n, count(distinct r.rating)::int as distinct,
            min(r.rating)::int as lo, max(r.rating)::int as hi
          from ${products} p join ${reviews} r on r.product_id = p.id group by p.slug`,
    );
    expect(rows.length).toBe(DEMO_PRODUCTS.length);
    for (const r of rows) {
      expect(r.n, r.slug).toBeGreaterThanOrEqual(12);
      expect(r.n, r.slug).toBeLessThanOrEqual(60);
      expect(r.distinct, r.slug).toBeGreaterThanOrEqual(3);
      expect(r.lo).toBeGreaterThanOrEqual(1);
      expect(r.hi).toBeLessThanOrEqual(5);
    }
  });

  it("creates exactly one featured product", async () => {
    const featured = await handle.db
      .select({ slug: products.slug })
      .from(products)
      .where(sql`${products.featured}`);
    expect(featured).toEqual([{ slug: "kite-9-pro" }]);
  });

  it("creates the demo users with working passwords", async () => {
    const rows = await handle.db.select().from(users);
    const shopper = rows.find((u) => u.email === "shopper@example.com");
    const marketer = rows.find((u) => u.email === "marketer@example.com");
    expect(shopper).toMatchObject({ name: "Lin Wei", role: "shopper" });
    expect(marketer).toMatchObject({ name: "Mara Chen", role: "marketer" });
    expect(await bcrypt.compare(DEMO_PASSWORDS.shopper, shopper?.passwordHash ?? "")).toBe(true);
    expect(await bcrypt.compare(DEMO_PASSWORDS.marketer, marketer?.passwordHash ?? "")).toBe(true);
    expect(await bcrypt.compare("wrong-password", shopper?.passwordHash ?? "")).toBe(false);
  });
});

describe("demo Kite Club data", () => {
  const shopperPoints = async () => {
    const [account] = await queryRows<{ balance: number; lifetime: number; entries: number }>(
      handle.db,
      sql`select p.balance, p.lifetime_earned as lifetime,
            (select count(*)::int from points_entries e where e.user_id = p.user_id) as entries
          from points_accounts p join users u on u.id = p.user_id where u.email = 'shopper@example.com'`,
    );
    return account;
  };

  it("makes the demo shopper Gold through one ledger entry, once however often it runs", async () => {
    await seedDemo(handle.db);
    const first = await shopperPoints();
    expect(first).toEqual({
      balance: DEMO_SHOPPER_POINTS.amount,
      lifetime: DEMO_SHOPPER_POINTS.amount,
      entries: 1,
    });
    expect(tierFor(first?.lifetime ?? 0).name).toBe("Gold");
    await seedDemo(handle.db);
    expect(await shopperPoints()).toEqual(first);
    const [entry] = await queryRows<{ reason: string; balanceAfter: number }>(
      handle.db,
      sql`select e.reason, e.balance_after as "balanceAfter" from points_entries e
          join users u on u.id = e.user_id where u.email = 'shopper@example.com'`,
    );
    expect(entry).toEqual({ reason: "adjustment", balanceAfter: DEMO_SHOPPER_POINTS.amount });
  });

  it("opens one realistic beta, idempotently, and reopens it when it closed with nobody in it", async () => {
    const now = new Date("2026-12-01T02:00:00Z");
    const id = await seedDemoBeta(handle.db, { now });
    expect(id).not.toBeNull();
    expect(await seedDemoBeta(handle.db, { now })).toBe(id);
    const open = async (at: Date) =>
      queryRows<{ title: string; seats: number; open: boolean }>(
        handle.db,
        sql`select title, seats, (opens_at <= ${at.toISOString()}::timestamptz
              and closes_at > ${at.toISOString()}::timestamptz) as open
            from betas where title = ${DEMO_BETA.title}`,
      );
    expect(await open(now)).toEqual([{ title: "Kite Buds 2 Pro beta: 300 seats", seats: 300, open: true }]);
    const later = new Date(now.getTime() + 30 * 24 * 3600_000);
    expect(await open(later)).toMatchObject([{ open: false }]);
    expect(await seedDemoBeta(handle.db, { now: later })).toBe(id);
    expect(await open(later)).toMatchObject([{ open: true }]);
  });

  it("a QA reset seeds the same: the shopper is Gold and the beta is open again", async () => {
    const now = new Date();
    await resetDemoData(handle.db);
    await seedDemoBeta(handle.db, { now });
    expect(await shopperPoints()).toEqual({
      balance: DEMO_SHOPPER_POINTS.amount,
      lifetime: DEMO_SHOPPER_POINTS.amount,
      entries: 1,
    });
    const [beta] = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from betas where closes_at > ${now.toISOString()}::timestamptz`,
    );
    expect(beta?.n).toBe(1);
  });
});
