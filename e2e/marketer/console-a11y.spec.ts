import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";

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
      await expectNoSeriousViolations(marketerPage, path);
    });
  }

  test("a sale's editor and live view have no serious or critical violations @mobile", async ({
    marketerPage,
    freshSale,
  }) => {
    const sale = await freshSale({ skuCode: "kite-buds-2-white", quantity: 5, salePriceMinor: 29_900 });
    for (const path of [`/admin/sales/${sale.saleId}`, `/admin/sales/${sale.saleId}/live`]) {
      await marketerPage.goto(path);
      await expect(marketerPage.getByRole("main").getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectNoSeriousViolations(marketerPage, path);
    }
  });
});
