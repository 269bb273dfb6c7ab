import { expect, test } from "../support/fixtures";

/**
 * Shopper pages are shared from cache (issue 16); a marketer's edit must still show on the very next load, because
 * the console's write expires exactly the tags of the pages that show the sale.
 */
test.describe("marketer: edits reach cached pages", () => {
  test("a sale renamed in the console shows on the next load of its cached page", async ({
    marketerPage,
    freshSale,
    page,
    request,
  }) => {
    const sale = await freshSale({
      skuCode: "kite-9-pro-graphite-12-256",
      quantity: 5,
      salePriceMinor: 399_900,
    });
    const path = `/sales/${sale.slug}`;

    // Served from cache from the second request on, and a CDN may keep it: shared, short, never private.
    await request.get(path);
    const cached = await request.get(path);
    expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(cached.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
    expect(cached.headers()["cache-control"]).not.toMatch(/private|no-store/);
    await page.goto(path);
    const before = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    expect(before.length).toBeGreaterThan(0);

    const renamed = `Renamed drop ${Math.random().toString(36).slice(2, 7)}`;
    await marketerPage.goto(`/admin/sales/${sale.saleId}`);
    await marketerPage.getByLabel("Name", { exact: true }).fill(renamed);
    await marketerPage.getByRole("button", { name: "Save changes" }).click();
    await expect(marketerPage.getByRole("status").filter({ hasText: /saved/i }).first()).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
    // And the next reader gets the new copy from cache, not a render per request.
    const after = await request.get(path);
    expect(await after.text()).toContain(renamed);
    expect((await request.get(path)).headers()["x-nextjs-cache"]).toBe("HIT");
  });
});
