import { describe, expect, it } from "vitest";
import { cachedPageRewrite, isCachedPagePath } from "./cached-pages";

const known = {
  categories: new Set(["phones"]),
  products: new Set(["kite-9-pro"]),
  sales: new Set(["kite-9-pro-first-drop"]),
};
const asked: string[] = [];
const isPageSlug = async (kind: keyof typeof known, slug: string) => {
  asked.push(`${kind}:${slug}`);
  return known[kind].has(slug);
};
const SHANGHAI = "Asia/Shanghai";

describe("cachedPageRewrite", () => {
  it("serves / from the store day's page, rolling over at local midnight, not UTC midnight", async () => {
    // 15:59:59 UTC is 23:59:59 in Shanghai; one second later it is the next store day there (still the 8th in UTC).
    expect(await cachedPageRewrite("/", new Date("2026-03-08T15:59:59Z"), SHANGHAI, isPageSlug)).toBe(
      "/home/2026-03-08",
    );
    expect(await cachedPageRewrite("/", new Date("2026-03-08T16:00:00Z"), SHANGHAI, isPageSlug)).toBe(
      "/home/2026-03-09",
    );
    expect(await cachedPageRewrite("/", new Date("2026-03-08T16:00:00Z"), "UTC", isPageSlug)).toBe(
      "/home/2026-03-08",
    );
  });

  it("sends a direct /home/… request and unknown slugs to the uncached 404, known slugs through", async () => {
    const now = new Date("2026-03-08T04:00:00Z");
    expect(await cachedPageRewrite("/home/2031-01-01", now, SHANGHAI, isPageSlug)).toBe("/_not-a-page");
    expect(await cachedPageRewrite("/products/junk-123", now, SHANGHAI, isPageSlug)).toBe("/_not-a-page");
    expect(await cachedPageRewrite("/category/nope", now, SHANGHAI, isPageSlug)).toBe("/_not-a-page");
    expect(await cachedPageRewrite("/sales/nope", now, SHANGHAI, isPageSlug)).toBe("/_not-a-page");
    expect(await cachedPageRewrite("/products/kite-9-pro", now, SHANGHAI, isPageSlug)).toBeNull();
    expect(await cachedPageRewrite("/category/phones", now, SHANGHAI, isPageSlug)).toBeNull();
    expect(await cachedPageRewrite("/sales/kite-9-pro-first-drop", now, SHANGHAI, isPageSlug)).toBeNull();
  });

  it("lets the help centre and its known topics through and sends any other /help/… path to the 404", async () => {
    const now = new Date("2026-03-08T04:00:00Z");
    asked.length = 0;
    for (const path of ["/help", "/help/returns", "/help/warranty", "/help/contact", "/help/terms"]) {
      expect(await cachedPageRewrite(path, now, SHANGHAI, isPageSlug), path).toBeNull();
    }
    for (const path of ["/help/", "/help/refunds", "/help/returns/extra", "/help/RETURNS", "/help/%2e%2e"]) {
      expect(await cachedPageRewrite(path, now, SHANGHAI, isPageSlug), path).toBe("/_not-a-page");
    }
    // A fixed list in the code: no lookup, no database.
    expect(asked).toEqual([]);
  });

  it("lets /club through and sends any /club/… path to the 404", async () => {
    const now = new Date("2026-03-08T04:00:00Z");
    expect(await cachedPageRewrite("/club", now, SHANGHAI, isPageSlug)).toBeNull();
    for (const path of ["/club/", "/club/gold", "/club/%2e%2e"]) {
      expect(await cachedPageRewrite(path, now, SHANGHAI, isPageSlug), path).toBe("/_not-a-page");
    }
  });

  it("leaves hold pages and every other path alone without a lookup", async () => {
    const now = new Date("2026-03-08T04:00:00Z");
    asked.length = 0;
    for (const path of ["/sales/holds", "/cart", "/account", "/search", "/sales/holds/abc"]) {
      expect(await cachedPageRewrite(path, now, SHANGHAI, isPageSlug), path).toBeNull();
    }
    expect(asked).toEqual([]);
  });
});

const SHARED_PAGES = [
  "/",
  "/home/2026-03-08",
  "/category/phones",
  "/products/kite-9-pro",
  "/sales/drop",
  "/help",
  "/club",
];
const VISITOR_PAGES = [
  "/cart",
  "/account",
  "/checkout/success",
  "/sign-in",
  "/admin",
  "/sales/holds/x",
  "/helpdesk",
  "/account/points",
  "/clubs",
];

describe("isCachedPagePath", () => {
  it.each([...SHARED_PAGES, "/help/returns"])("%s is a shared, cached page", (path) => {
    expect(isCachedPagePath(path)).toBe(true);
  });
  it.each([...VISITOR_PAGES, "/products/kite-9-pro/extra"])(
    "%s carries a visitor's data: never cached",
    (path) => {
      expect(isCachedPagePath(path)).toBe(false);
    },
  );
});
