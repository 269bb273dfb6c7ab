import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";

/**
 * The help centre and service pages (issue 12), About included: reachable from the footer of every page, each with the facts a
 * shopper came for, accessible and readable at 360 px, and served from cache like the other shared pages.
 */
const PAGES = [
  {
    link: "Help centre",
    path: "/help",
    h1: "Help centre",
    facts: ["Frequently asked questions", "Flash sales"],
  },
  { link: "Contact us", path: "/help/contact", h1: "Contact us", facts: ["400-000-5483", "9:00–21:00"] },
  { link: "Shipping", path: "/help/shipping", h1: "Shipping", facts: ["delivery on every order", "16:00"] },
  {
    link: "Returns & refunds",
    path: "/help/returns",
    h1: "Returns & refunds",
    facts: ["7 days", "no-reason returns", "15 days", "exchange for a fault"],
  },
  { link: "Warranty", path: "/help/warranty", h1: "Warranty", facts: ["1 year", "warranty on every device"] },
  { link: "Privacy", path: "/help/privacy", h1: "Privacy", facts: ["Your rights", "fictional brand"] },
  { link: "Terms of sale", path: "/help/terms", h1: "Terms of sale", facts: ["Flash sales", "F-codes"] },
  { link: "About Kite", path: "/help/about", h1: "About Kite", facts: ["Honest prices", "The Kite Club"] },
] as const;

/** One h1, and no heading more than one level below the one before it, in the page's main landmark. */
async function expectHeadingsInOrder(page: Page, path: string) {
  const levels = await page
    .getByRole("main")
    .locator("h1, h2, h3, h4, h5, h6")
    .evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
  expect(
    levels.filter((l) => l === 1),
    `${path}: one h1`,
  ).toHaveLength(1);
  expect(levels[0], `${path}: the h1 comes first`).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0)
      expect(level - (levels[i - 1] ?? 1), `${path}: heading ${i} skips a level`).toBeLessThanOrEqual(1);
  });
}

test.describe("shopper: service pages", () => {
  test("every service page is reachable from the footer, states its facts and passes axe at 360 px", async ({
    page,
  }) => {
    await page.goto("/");
    for (const p of PAGES) {
      await page.getByRole("contentinfo").getByRole("link", { name: p.link, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${p.path}$`));
      const main = page.getByRole("main");
      await expect(main.getByRole("heading", { level: 1 })).toHaveText(p.h1);
      for (const fact of p.facts) await expect(main.getByText(fact).first()).toBeVisible();
      expect(await page.title()).toMatch(/· Kite$/);
      await expectHeadingsInOrder(page, p.path);
      await expectNoSeriousViolations(page, p.path);
    }
  });

  test("the footer links every category the store has", async ({ page }) => {
    await page.goto("/help");
    const categories = await page
      .getByRole("navigation", { name: "Categories", exact: true })
      .getByRole("link")
      .evaluateAll((links) => links.map((l) => l.getAttribute("href")));
    expect(categories.length).toBeGreaterThanOrEqual(5);
    const shop = page.getByRole("contentinfo").getByRole("navigation", { name: "Shop" });
    for (const href of categories) await expect(shop.locator(`a[href="${href}"]`)).toHaveCount(1);
  });

  test("the help centre's questions open, and their links lead to the policy", async ({ page }) => {
    await page.goto("/help");
    const question = page.getByText("Can I return something I do not want?");
    await question.click();
    const answer = page.getByRole("group").filter({ has: question });
    await expect(answer.getByText(/within 7 days of signing for it/)).toBeVisible();
    await answer.getByRole("link", { name: "Returns & refunds" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Returns & refunds");
  });

  test("“Kite Club support” on a product page leads to its section on the contact page", async ({ page }) => {
    await page.goto("/products/kite-9-pro");
    await page.getByRole("link", { name: "Kite Club support" }).click();
    await expect(page).toHaveURL(/\/help\/contact#kite-club-support$/);
    await expect(page.getByRole("heading", { level: 2, name: "Kite Club support" })).toBeInViewport();
  });

  test("service pages are served from cache; a made-up one is the plain 404", async ({ request }) => {
    for (const { path } of PAGES) {
      await request.get(path);
      // A single instance stores the render as it answers; allow it a moment all the same (HIT within 2 s).
      await expect
        .poll(async () => (await request.get(path)).headers()["x-nextjs-cache"], { timeout: 2_000 })
        .toBe("HIT");
      const cached = await request.get(path);
      expect(cached.headers()["cache-control"], path).toMatch(/s-maxage=\d+/);
      expect(cached.headers()["cache-control"], path).not.toMatch(/private|no-store/);
    }
    // A made-up topic is the store's one static 404 (the proxy sends it there before any page renders), so junk
    // paths cannot add entries to the cache.
    for (const junk of ["/help/refund-please", "/help/returns/extra"]) {
      const res = await request.get(junk);
      expect(res.status(), junk).toBe(404);
      expect(await res.text(), junk).toContain("This page flew away");
      expect(res.headers()["cache-control"], junk).toMatch(/no-store/);
    }
  });
});
