import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/fixtures";

const PAGES = [
  ["homepage", "/"],
  ["product page", "/products/kite-9-pro"],
  ["product reviews tab", "/products/kite-9-pro?tab=reviews"],
  ["category", "/category/phones"],
  ["search", "/search?q=kite"],
  ["cart", "/cart"],
  ["sign in", "/sign-in"],
  ["sign up", "/sign-up"],
] as const;

test.describe("qa: accessibility (axe)", () => {
  for (const [name, path] of PAGES) {
    test(`${name} has no serious or critical violations @mobile`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      ).toEqual([]);
    });
  }
});
