import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectNoSidewaysScroll } from "../support/layout";

const PAGES = [
  ["product page", "/products/kite-9-pro"],
  ["category", "/category/phones"],
  ["search", "/search?q=kite"],
  ["cart", "/cart"],
  ["sign in", "/sign-in"],
  ["sign up", "/sign-up"],
] as const;

async function expectNoSeriousViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("main")).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
  await expectNoSidewaysScroll(page, path);
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
    await expectNoSeriousViolations(page, "/");
    await expect(page.getByTestId("sale-hero").getByTestId("countdown")).toBeVisible();
    await expectNoSeriousViolations(page, `/sales/${sale.slug}`);
    await expect(page.getByTestId("countdown")).toBeVisible();
  });

  for (const [name, path] of PAGES) {
    test(`${name} has no serious or critical violations @mobile`, async ({ page }) => {
      await expectNoSeriousViolations(page, path);
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
});
