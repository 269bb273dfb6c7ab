import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";

/**
 * Search with everyday words (issue 12): synonyms, names typed without spaces, typos, the query kept in the header's
 * box, ranked results and an honest empty state. Matching rules are unit-tested in lib/catalog/search.test.ts; this
 * is what a shopper sees. That no search costs a database statement is checked in qa/query-count.spec.ts.
 */
test.describe("shopper: search", () => {
  test("everyday words, names without spaces and typos find the right product @mobile", async ({ page }) => {
    const main = page.getByRole("main");
    const box = page.getByRole("searchbox", { name: "Search products" });

    await page.goto("/");
    await box.fill("earbuds");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=earbuds$/);
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("1 result for “earbuds”");
    await expect(main.getByRole("link", { name: "Kite Buds 2" })).toBeVisible();
    await expect(box).toHaveValue("earbuds");

    await page.goto("/search?q=kite9");
    await expect(main.getByRole("heading", { level: 2 }).first()).toHaveText("Kite 9");
    await expect(box).toHaveValue("kite9");

    await page.goto("/search?q=hedphones");
    await expect(main.getByRole("link", { name: "Kite Buds 2" })).toBeVisible();
    await expect(main.getByText("Read “hedphones” as “headphones”.")).toBeVisible();
    await expect(box).toHaveValue("hedphones");
    await expectNoSeriousViolations(page, "/search?q=hedphones");
  });

  test("results are ranked: the whole name first, then names that start with it", async ({ page }) => {
    await page.goto("/search?q=kite 9");
    await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
      "Kite 9",
      "Kite 9 Pro",
      "Kite 9 Lite",
    ]);
  });

  test("nothing found: says so, offers near words and links every category @mobile", async ({ page }) => {
    const main = page.getByRole("main");
    await page.goto("/search?q=banana");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("No products match “banana”");
    await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("banana");
    await expect(main.getByRole("link", { name: "band", exact: true })).toHaveAttribute(
      "href",
      "/search?q=band",
    );
    const categories = main.getByRole("list").filter({ has: page.getByRole("link", { name: "Phones" }) });
    for (const name of ["Phones", "Tablets", "Wearables", "Audio", "Accessories & smart home"]) {
      await expect(categories.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expectNoSeriousViolations(page, "/search?q=banana");

    await categories.getByRole("link", { name: "Audio", exact: true }).click();
    await expect(page).toHaveURL(/\/category\/audio$/);
    await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("");
  });

  test("no input breaks the page", async ({ page }) => {
    const inputs = ["🎧🎧🎧", "%00", "%", "سماعات لاسلكية", "<b>x</b>", "x".repeat(10_000)];
    for (const q of inputs) {
      const response = await page.goto(`/search?q=${q === "%00" ? q : encodeURIComponent(q)}`);
      expect(response?.status(), q.slice(0, 20)).toBe(200);
      await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
    }
    // The long one is cut to the box's length and still fits a 360 px screen.
    await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("x".repeat(100));
    await expectNoSeriousViolations(page, "/search?q=x…");
    const twice = await page.goto("/search?q=buds&q=phone");
    expect(twice?.status()).toBe(200);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("1 result for “buds”");
  });
});
