import { TEST_CARDS } from "../support/env";
import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations, shootWidths } from "../support/layout";

const GRAPHITE = "Graphite · 12 GB + 256 GB";
const OCEAN = "Ocean Blue · 12 GB + 512 GB";
/** A radio named by its version (its name goes on with the price). */
const named = (label: string) => ({ name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });

test.describe("fans: choose the version at registration", () => {
  test("a fan registers with a version, changes it before the start, and buys it with one click at the start", async ({
    accounts,
    freshSale,
    qa,
  }, testInfo) => {
    test.setTimeout(120_000);
    const sale = await freshSale({
      skuCode: "kite-9-pro-graphite-12-256",
      quantity: 3,
      salePriceMinor: 399_900,
      moreSkus: [{ skuCode: "kite-9-pro-ocean-blue-12-512", quantity: 3, salePriceMinor: 449_900 }],
    });
    const fan = await accounts.signedIn({ name: "Version Ada" });
    const { page } = fan;
    const place = page.getByTestId("sale-action");

    // Registering: the sale's versions as a radio group, each with its sale price; the fan picks Graphite.
    await page.goto(`/sales/${sale.slug}`);
    const versions = place.getByRole("group", { name: "Choose your version" });
    await expect(versions.getByRole("radio")).toHaveCount(2);
    await expect(versions).toContainText("¥3,999.00");
    await expect(versions).toContainText("¥4,499.00");
    await versions.getByRole("radio", named(GRAPHITE)).check();
    await place.getByRole("button", { name: "Register" }).click();
    await expect(place.getByText(/you're registered/i).first()).toBeVisible();
    const choice = place.getByTestId("version-choice");
    await expect(choice).toContainText(`Your version: ${GRAPHITE}`);
    await shootWidths(page, (width) => testInfo.outputPath(`version-registered-${width}.png`));

    // Changing it before the start: Change opens the choice with Graphite selected; Ocean Blue is saved.
    await choice.getByRole("button", { name: "Change" }).click();
    const change = choice.getByRole("group", { name: "Choose your version" });
    await expect(change.getByRole("radio", named(GRAPHITE))).toBeChecked();
    await change.getByRole("radio", named(OCEAN)).check();
    await shootWidths(page, (width) => testInfo.outputPath(`version-change-${width}.png`));
    await expectNoSeriousViolations(page, "sale page, changing the version");
    await choice.getByRole("button", { name: "Save version" }).click();
    await expect(choice).toContainText(`Your version: ${OCEAN}`);
    await expect(choice.getByRole("status")).toContainText("Saved.");

    // The choice is the fan's own (from /api/me), not the cached page's: it is there after a reload.
    await page.reload();
    await expect(place.getByTestId("version-choice")).toContainText(`Your version: ${OCEAN}`);

    // At the start there is nothing left to change; Buy now has Ocean Blue selected, so one click buys it.
    await qa.setClock(fan.context, new Date(Date.parse(sale.startsAt) + 2_000));
    await page.goto(`/sales/${sale.slug}`);
    const buy = place.getByRole("button", { name: "Buy now" });
    await expect(buy).toBeVisible();
    await expect(place.getByRole("button", { name: "Change" })).toHaveCount(0);
    await expect(place.getByRole("radio", named(OCEAN))).toBeChecked();
    await shootWidths(page, (width) => testInfo.outputPath(`version-buy-now-${width}.png`));
    await buy.click();
    await page.waitForURL(/\/checkout\/cs_/, { timeout: 30_000 });
    await expect(page.getByText(/Ocean Blue/).first()).toBeVisible();
    await page.getByLabel("Card number").fill(TEST_CARDS.success);
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.waitForURL("**/checkout/success**");
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
  });
});
