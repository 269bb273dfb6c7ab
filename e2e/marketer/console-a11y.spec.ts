import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../support/fixtures";
import { expectNoSidewaysScroll } from "../support/layout";

const PAGES = [
  ["overview", "/admin"],
  ["sales", "/admin/sales"],
  ["new sale", "/admin/sales/new"],
  ["hero schedule", "/admin/hero"],
  ["homepage preview", "/admin/hero/preview"],
  ["audit log", "/admin/audit"],
] as const;

test.describe("marketer: console accessibility (axe)", () => {
  for (const [name, path] of PAGES) {
    test(`${name} has no serious or critical violations @mobile`, async ({ marketerPage }) => {
      await marketerPage.goto(path);
      await expect(marketerPage.getByRole("main").getByRole("heading", { level: 1 }).first()).toBeVisible();
      const results = await new AxeBuilder({ page: marketerPage })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      ).toEqual([]);
      await expectNoSidewaysScroll(marketerPage, path);
    });
  }
});
