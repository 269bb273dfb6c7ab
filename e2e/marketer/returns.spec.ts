import type { Page } from "@playwright/test";
import { expect, localStoreOnly, type SignedIn, test } from "../support/fixtures";
import { expectNoSeriousViolations, expectNoSidewaysScroll, shootWidths } from "../support/layout";
import { checkoutFromCart, openDevMail, openNewestOrder, ProductPage, payAndReturn } from "../support/pages";

/*
 * Returns end to end: a shopper with a delivered order asks to return it, a marketer finds it under Open returns and
 * approves it, the order shows the refund and the refund mail is in the dev mailbox; then the parcel is received.
 * And the refused path: the marketer refuses with a reason, the shopper reads it on the order page and by mail.
 * The SKU is one no other spec buys; no stock figure is asserted here (the PostgreSQL tests count them).
 */

localStoreOnly("reads the mail in the dev mailbox, a 404 outside development and tests");

const SKU = { slug: "kite-router-ax3000", code: "kite-router-ax3000-black" };
const SHOTS = process.env.RETURNS_SHOTS_DIR ?? "/tmp";

function shoot(page: Page, name: string) {
  return shootWidths(page, (width) => `${SHOTS}/returns-${name}-${width}.png`);
}

/** The shopper buys one unit; the marketer packs, ships and delivers it through the console. The order's id. */
async function deliveredOrder(shopper: SignedIn, marketer: SignedIn): Promise<string> {
  const shop = shopper.page;
  const product = new ProductPage(shop);
  await product.open(SKU.slug, `?sku=${SKU.code}`);
  await product.addToCart();
  await checkoutFromCart(shop);
  await payAndReturn(shop);
  const orderId = await openNewestOrder(shop);

  const console = marketer.page;
  await console.goto(`/admin/orders/${orderId}`);
  await console.getByRole("button", { name: "Mark packed" }).click();
  await expect(console.getByTestId("form-message")).toContainText("Packed.");
  await console.getByLabel("Carrier").selectOption({ label: "SF Express" });
  await console.getByLabel("Tracking number").fill("SF1234567890123");
  await console.getByRole("button", { name: "Mark shipped" }).click();
  await expect(console.getByRole("button", { name: "Mark delivered" })).toBeVisible();
  await console.getByRole("button", { name: "Mark delivered" }).click();
  await expect(console.getByTestId("form-message")).toContainText("Marked delivered.");
  return orderId;
}

/** The shopper asks to return the order from its page (after a refused empty submit). */
async function askForReturn(shop: Page, orderId: string) {
  await shop.goto(`/account/orders/${orderId}`);
  const section = shop.getByTestId("returns");
  await expect(section.getByRole("heading", { name: "Return this order" })).toBeVisible();
  await section.getByRole("button", { name: "Request a return" }).click();
  await expect(section.getByTestId("form-message")).toContainText("Please check the highlighted fields.");
  await expect(shop.locator("#field-reason-error")).toContainText("Choose a reason from the list.");
  await section.getByLabel("Reason").selectOption({ label: "Arrived damaged" });
  await section.getByLabel(/Anything we should know/).fill("The corner of the box was crushed.");
  await section.getByRole("button", { name: "Request a return" }).click();
  await expect(section.getByTestId("return-stage")).toHaveText("Requested");
  await expect(section.getByRole("button", { name: "Request a return" })).toHaveCount(0);
  await expect(section).toContainText("The corner of the box was crushed.");
}

/** A delivered order whose shopper has asked to return it: its id, and the shopper's page. */
async function returnRequested(shopper: SignedIn, marketer: SignedIn) {
  const orderId = await deliveredOrder(shopper, marketer);
  await askForReturn(shopper.page, orderId);
  return { orderId, shop: shopper.page };
}

test.describe("marketer: returns", () => {
  // Each test walks an order through its whole life (pay, pack, ship, deliver, return) with two browsers.
  test.slow();
  test("delivered order → shopper asks → marketer approves → refunded, mailed, received", async ({
    shopper,
    marketer,
  }) => {
    const { orderId, shop } = await returnRequested(shopper, marketer);
    await expectNoSeriousViolations(shop, "/account/orders/[id] with a return");
    await shoot(shop, "shopper-requested");

    const console = marketer.page;
    await console.goto("/admin/orders?status=returns");
    const row = console.locator(`tr[data-order-id="${orderId}"]`);
    await expect(row.getByTestId("order-return")).toHaveText("Return requested");
    await expectNoSidewaysScroll(console, "/admin/orders?status=returns");
    await shoot(console, "console-open-returns");
    await row.getByRole("link").click();
    await console.waitForURL(`**/admin/orders/${orderId}`);
    const card = console.getByTestId("console-return");
    await expect(card.getByTestId("return-stage")).toHaveText("Requested");
    await expect(card).toContainText("Arrived damaged");
    await expectNoSeriousViolations(console, "/admin/orders/[id] with a return");
    await shoot(console, "console-requested");
    await card.getByRole("button", { name: "Approve and refund" }).click();
    await expect(card.getByTestId("form-message")).toContainText("Return approved and the order refunded");
    await expect(card.getByTestId("return-stage")).toHaveText("Refunded");
    await expect(console.getByTestId("order-status")).toHaveText("Refunded");
    await shoot(console, "console-refunded");

    await shop.reload();
    await expect(shop.getByTestId("order-status")).toHaveText("Refunded");
    await expect(shop.getByTestId("returns").getByTestId("return-stage")).toHaveText("Refunded");
    await shoot(shop, "shopper-refunded");

    const mail = await openDevMail(shop, {
      to: shopper.account.email,
      subject: /^Refund of .* for your Kite order/,
    });
    await expect(mail.getByText("We accepted your return, so we refunded the order in full.")).toBeVisible();
    await openDevMail(shop, { to: shopper.account.email, subject: /return of Kite order .* is approved/ });

    await console.getByRole("button", { name: "Mark received" }).click();
    await expect(card.getByTestId("form-message")).toContainText("1 unit is back on sale");
    await expect(card.getByTestId("return-stage")).toHaveText("Received and refunded");
    await console.goto("/admin/orders?status=returns");
    await expect(console.locator(`tr[data-order-id="${orderId}"]`)).toHaveCount(0);
    await console.goto("/admin/audit");
    await expect(
      console.getByText(/approved the return of order #[0-9A-F]{8} and refunded it/).first(),
    ).toBeVisible();
  });

  test("the marketer refuses with a reason; the shopper reads it on the order and by mail", async ({
    shopper,
    marketer,
  }) => {
    const { orderId, shop } = await returnRequested(shopper, marketer);

    const console = marketer.page;
    await console.goto(`/admin/orders/${orderId}`);
    const card = console.getByTestId("console-return");
    await card.getByRole("button", { name: "Refuse…" }).click();
    await card.getByRole("button", { name: "Refuse return" }).click();
    await expect(console.locator("#field-refusalReason-error")).toContainText("Say why");
    const reason = "The photos show the router itself is fine; only the outer carton was dented in transit.";
    await card.getByLabel("Why are you refusing it?").fill(reason);
    await expectNoSeriousViolations(console, "/admin/orders/[id] refusing a return");
    await shoot(console, "console-refusing");
    await card.getByRole("button", { name: "Refuse return" }).click();
    await expect(card.getByTestId("return-stage")).toHaveText("Refused");
    await expect(card.getByRole("button", { name: /Approve/ })).toHaveCount(0);

    await shop.reload();
    const section = shop.getByTestId("returns");
    await expect(section.getByTestId("return-stage")).toHaveText("Refused");
    await expect(section).toContainText(reason);
    await expect(shop.getByTestId("order-status")).toHaveText("Paid");
    // Still inside the window: the fan may ask again, with more to say.
    await expect(section.getByRole("button", { name: "Request a return" })).toBeVisible();
    await expectNoSeriousViolations(shop, "/account/orders/[id] with a refused return");
    await shoot(shop, "shopper-refused");
    const mail = await openDevMail(shop, {
      to: shopper.account.email,
      subject: /^About your return of Kite order/,
    });
    await expect(mail.getByText(`Why: ${reason}`)).toBeVisible();
  });
});
