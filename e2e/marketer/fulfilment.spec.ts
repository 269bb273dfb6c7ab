import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations, shootWidths } from "../support/layout";
import { checkoutFromCart, openNewestOrder, ProductPage, payAndReturn } from "../support/pages";

/*
 * An order's life after payment, end to end: a shopper buys, a marketer packs and ships it with a tracking
 * number (after a refused one), the shopper sees the tracking on the order page and in the order list, the CSV
 * upload answers line by line; and a shopper cancels a pending order. Regular stock figures are shared, and
 * nothing here asserts them.
 */

const SKU = { slug: "kite-band-4", code: "kite-band-4-cream" };
const TRACKING = "SF1234567890123";

/** A fresh order of the shopper's own, stopped on Stripe's page; its id. */
async function checkoutToStripe(page: Page): Promise<void> {
  const product = new ProductPage(page);
  await product.open(SKU.slug, `?sku=${SKU.code}`);
  await product.addToCart();
  await checkoutFromCart(page);
}

/** The page at 1280 and 360 px wide, full length, for a person to look at (in the test's output folder). */
function shoot(page: Page, testInfo: TestInfo, name: string) {
  return shootWidths(page, (width) => testInfo.outputPath(`${name}-${width}.png`));
}

test.describe("marketer: fulfilment", () => {
  test("shopper buys → marketer packs and ships with tracking → shopper sees it", async ({
    shopper,
    marketer,
  }, testInfo) => {
    // Two browsers, four axe checks and ten full-page pictures: near a minute on a quiet machine.
    test.slow();
    const shop = shopper.page;
    await checkoutToStripe(shop);
    await payAndReturn(shop);
    const orderId = await openNewestOrder(shop);
    await expect(shop.getByTestId("fulfilment").getByRole("heading")).toHaveText("Delivery: Preparing");

    const console = marketer.page;
    await console.goto("/admin/orders?status=to_pack");
    const row = console.locator(`tr[data-order-id="${orderId}"]`);
    await expect(row).toContainText(shopper.account.email);
    await expectNoSeriousViolations(console, "/admin/orders");
    await shoot(console, testInfo, "console-orders");
    await row.getByRole("link").click();
    await console.waitForURL(`**/admin/orders/${orderId}`);
    // The order kept the address it was sold with (QA accounts have a default one).
    await expect(console.getByTestId("shipping-address")).toContainText(
      "18 Wensan Road, Building 7, Room 301",
    );

    await console.getByRole("button", { name: "Mark packed" }).click();
    await expect(console.getByTestId("form-message")).toContainText("Packed.");
    // A number that is not SF Express's shape is refused and what was typed stays.
    await console.getByLabel("Carrier").selectOption({ label: "SF Express" });
    await console.getByLabel("Tracking number").fill("JD0001234567");
    await console.getByRole("button", { name: "Mark shipped" }).click();
    await expect(console.getByTestId("form-message")).toContainText("Check the carrier and tracking number");
    await expect(console.getByLabel("Tracking number")).toHaveValue("JD0001234567");
    await expect(console.locator("#field-trackingNumber-error")).toContainText(
      "doesn't look like a tracking number from SF Express",
    );
    await console.getByLabel("Tracking number").fill(TRACKING);
    await console.getByRole("button", { name: "Mark shipped" }).click();
    await expect(console.getByTestId("form-message")).toContainText(`Shipped with SF Express ${TRACKING}`);
    await expect(console.getByTestId("tracking")).toContainText(TRACKING);
    await expect(console.getByRole("button", { name: "Mark delivered" })).toBeVisible();
    await expectNoSeriousViolations(console, "/admin/orders/[id]");
    await shoot(console, testInfo, "console-order");

    await shop.reload();
    await expect(shop.getByTestId("fulfilment").getByRole("heading")).toHaveText("Delivery: Shipped");
    await expect(shop.getByTestId("tracking")).toContainText("SF Express");
    await expect(shop.getByTestId("tracking").getByText(TRACKING)).toBeVisible();
    await expect(shop.getByTestId("fulfilment")).toContainText(/GMT\+8|Asia\/Shanghai/);
    await expectNoSeriousViolations(shop, "/account/orders/[id]");
    await shoot(shop, testInfo, "shopper-order");
    await shop.goto("/account");
    await expect(
      shop.getByRole("list", { name: "Orders" }).getByTestId("order-fulfilment").first(),
    ).toContainText(`Shipped · SF Express ${TRACKING}`);
    await shoot(shop, testInfo, "shopper-orders");

    // The same line uploaded again ships nothing twice; a line that is no order is refused with its reason.
    await console.goto("/admin/orders/upload");
    await console
      .getByLabel("Rows")
      .fill(
        `order_id,carrier,tracking_number\n${orderId},SF Express,${TRACKING}\nnot-an-order,sf,${TRACKING}`,
      );
    await console.getByRole("button", { name: "Ship these orders" }).click();
    await expect(console.getByTestId("form-message")).toContainText("0 orders shipped, 1 already shipped");
    await expect(console.locator('tr[data-outcome="unchanged"]')).toContainText(orderId);
    await expect(console.locator('tr[data-outcome="refused"]')).toContainText("not an order id");
    await expectNoSeriousViolations(console, "/admin/orders/upload");
    await shoot(console, testInfo, "console-upload");

    await console.goto("/admin/audit");
    await expect(
      console.getByText(`shipped order #${orderId.slice(0, 8).toUpperCase()} with SF Express`),
    ).toBeVisible();
  });

  test("the owner cancels a pending order from its page @mobile", async ({ shopperPage: page }) => {
    await checkoutToStripe(page);
    await openNewestOrder(page);
    await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
    await page.getByRole("button", { name: "Cancel order…" }).click();
    await page.getByRole("button", { name: "Yes, cancel this order" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Order cancelled" })).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
    await expect(page.getByRole("button", { name: /Cancel order/ })).toHaveCount(0);
  });
});
