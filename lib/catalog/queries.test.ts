import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listReviews } from "@/lib/reviews/queries";
import { openSeededPglite } from "@/tests/helpers/db";
import { resolveSku } from "./product-url";
import { getProductDetail, listCategories, listProductCards } from "./queries";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openSeededPglite();
});
afterAll(() => handle.close());

describe("catalogue queries (PGlite)", () => {
  it("lists categories in order and cards with a from-price that is the cheapest SKU", async () => {
    const categories = await listCategories(handle.db);
    expect(categories.length).toBeGreaterThanOrEqual(3);
    const cards = await listProductCards(handle.db);
    expect(cards.length).toBeGreaterThanOrEqual(10);
    for (const card of cards) {
      const detail = await getProductDetail(handle.db, { slug: card.slug });
      expect(detail).not.toBeNull();
      const prices = detail?.skus.map((s) => s.priceMinor) ?? [];
      expect(card.fromPriceMinor).toBe(Math.min(...prices));
      expect(card.priceVaries).toBe(new Set(prices).size > 1);
      expect(card.available).toBe(detail?.skus.reduce((n, s) => n + s.available, 0));
    }
  });

  it("filters by category and by a search term, escaping LIKE wildcards", async () => {
    const phones = await listProductCards(handle.db, { categorySlug: "phones" });
    expect(phones.length).toBeGreaterThanOrEqual(3);
    expect(phones.every((p) => p.categorySlug === "phones")).toBe(true);
    const pro = await listProductCards(handle.db, { query: "9 pro" });
    expect(pro.map((p) => p.slug)).toContain("kite-9-pro");
    expect(await listProductCards(handle.db, { query: "%" })).toEqual([]);
    expect(await listProductCards(handle.db, { query: "no-such-gadget" })).toEqual([]);
  });

  it("returns null for an unknown slug and groups specifications", async () => {
    expect(await getProductDetail(handle.db, { slug: "does-not-exist" })).toBeNull();
    const detail = await getProductDetail(handle.db, { slug: "kite-9-pro" });
    expect(detail?.specGroups.length).toBeGreaterThan(1);
    const names = detail?.specGroups.map((g) => g.name) ?? [];
    expect(new Set(names).size).toBe(names.length);
    const total = detail?.rating.distribution.reduce((a, b) => a + b, 0);
    expect(total).toBe(detail?.rating.count);
  });

  it("resolves ?sku= to the product's own SKU, falling back on unknown or foreign values", async () => {
    const pro = await getProductDetail(handle.db, { slug: "kite-9-pro" });
    const lite = await getProductDetail(handle.db, { slug: "kite-9-lite" });
    if (!pro || !lite) throw new Error("seed is missing phones");
    const second = pro.skus[1];
    expect(resolveSku(pro.skus, second?.code)?.id).toBe(second?.id);
    const fallback = resolveSku(pro.skus, undefined);
    expect(fallback?.available).toBeGreaterThan(0);
    expect(resolveSku(pro.skus, "'; drop table skus;--")?.id).toBe(fallback?.id);
    expect(resolveSku(pro.skus, lite.skus[0]?.code)?.id).toBe(fallback?.id);
  });

  it("pages and sorts reviews, clamping out-of-range pages", async () => {
    const detail = await getProductDetail(handle.db, { slug: "kite-9-pro" });
    if (!detail) throw new Error("missing product");
    const first = await listReviews(handle.db, {
      productId: detail.id,
      sort: "lowest",
      page: 1,
      pageSize: 5,
    });
    expect(first.items.length).toBe(Math.min(5, first.total));
    const ratings = first.items.map((r) => r.rating);
    expect([...ratings].sort((a, b) => a - b)).toEqual(ratings);
    const beyond = await listReviews(handle.db, { productId: detail.id, page: 10_000, pageSize: 5 });
    expect(beyond.page).toBe(beyond.pageCount);
    const fives = await listReviews(handle.db, { productId: detail.id, rating: 5, pageSize: 100 });
    expect(fives.items.every((r) => r.rating === 5)).toBe(true);
    expect(fives.total).toBe(detail.rating.distribution[4]);
  });
});
