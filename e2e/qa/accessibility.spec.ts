import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";

const PAGES = [
  ["product page", "/products/kite-9-pro"],
  ["category", "/category/phones"],
  ["search", "/search?q=kite"],
  ["cart", "/cart"],
  ["sign in", "/sign-in"],
  ["sign up", "/sign-up"],
] as const;

async function openAndCheck(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  await expectNoSeriousViolations(page, path);
}

test.describe("qa: accessibility (axe)", () => {
  test("homepage has no serious or critical violations @mobile", async ({ page, qa, freshSale }) => {
    // The hero counts down to a sale, as the demo's does: this test's own featured sale, ten minutes before its
    // start on this test's own store day.
    const sale = await freshSale({
      skuCode: "kite-9-pro-graphite-12-256",
      quantity: 10,
      salePriceMinor: 399_900,
      featured: true,
    });
    await qa.setClock(page.context(), new Date(Date.parse(sale.startsAt) - 10 * 60_000));
    await openAndCheck(page, "/");
    await expect(page.getByTestId("sale-hero").getByTestId("countdown")).toBeVisible();
    await openAndCheck(page, `/sales/${sale.slug}`);
    await expect(page.getByTestId("countdown")).toBeVisible();
  });

  for (const [name, path] of PAGES) {
    test(`${name} has no serious or critical violations @mobile`, async ({ page }) => {
      await openAndCheck(page, path);
    });
  }

  test("product reviews tab, as the URL opens it on the client, has no serious or critical violations @mobile", async ({
    page,
  }) => {
    // The cached HTML opens on the first tab; ?tab= is applied once hydrated. Check the tab that is then shown,
    // on a page of reviews that came from the reviews endpoint.
    await page.goto("/products/kite-9-pro?tab=reviews&sort=lowest&page=2");
    await expect(page.getByRole("tab", { name: /^Reviews/ })).toHaveAttribute("aria-selected", "true");
    const reviews = page.getByRole("tabpanel", { name: "Reviews" });
    await expect(reviews.getByText(/^Showing 6–10 of/)).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include("#product-panel-reviews")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("a sale page live and after its end has no serious or critical violations @mobile", async ({
    page,
    qa,
    freshSale,
  }) => {
    const sale = await freshSale({ skuCode: "kite-buds-2-white", quantity: 5, salePriceMinor: 29_900 });
    const startsAt = Date.parse(sale.startsAt);
    await qa.setClock(page.context(), new Date(startsAt + 60_000));
    await openAndCheck(page, `/sales/${sale.slug}`);
    await qa.setClock(page.context(), new Date(startsAt + 3 * 3_600_000));
    await openAndCheck(page, `/sales/${sale.slug}`);
    await expect(page.getByText(/ended/i).first()).toBeVisible();
  });

  test("the account page and a not-found page have no serious or critical violations @mobile", async ({
    shopperPage,
  }) => {
    await openAndCheck(shopperPage, "/account");
    const missing = await shopperPage.goto("/products/no-such-gadget");
    expect(missing?.status()).toBe(404);
    await expectNoSeriousViolations(shopperPage, "/products/no-such-gadget");
  });
});
