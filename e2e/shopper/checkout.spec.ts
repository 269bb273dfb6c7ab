import type { Page } from "@playwright/test";
import { TEST_CARDS } from "../support/env";
import { expect, test } from "../support/fixtures";
import { checkoutFromCart, ProductPage, payOnStripe } from "../support/pages";
import { readStock } from "../support/qa-api";

// The shopper is the test's own (fixture); stock figures are the store's, so each flow buys a SKU of its own.
async function cartToCheckout(page: Page, slug: string, skuCode: string) {
  const product = new ProductPage(page);
  await product.open(slug, `?sku=${skuCode}`);
  await product.addToCart();
  await checkoutFromCart(page);
  // Stripe's hosted page (the local server's in tests), not the cart's own "Order summary".
  await expect(page.getByRole("heading", { name: "Order summary" })).toBeVisible();
}

test.describe("shopper: pay through Stripe Checkout", () => {
  test("pay with 4242 → order paid, unit sold @mobile", async ({
    shopperPage: page,
    request,
    baseURL,
  }, testInfo) => {
    const code =
      testInfo.project.name === "mobile" ? "kite-9-glacier-blue-8-256" : "kite-9-midnight-black-8-256";
    const before = await readStock(request, baseURL ?? "", code);
    await cartToCheckout(page, "kite-9", code);
    expect((await readStock(request, baseURL ?? "", code)).held).toBe(before.held + 1);
    await payOnStripe(page, TEST_CARDS.success);
    await page.waitForURL("**/checkout/success**");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, Kite fan!");
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const after = await readStock(request, baseURL ?? "", code);
    expect(after.sold).toBe(before.sold + 1);
    expect(after.held).toBe(before.held);
    expect(after.available + after.held + after.sold).toBe(after.quantity);
    await page.goto("/account");
    await expect(page.getByRole("list", { name: "Orders" }).getByText("Paid")).toBeVisible();
  });

  test("decline → not paid, stock still held until expiry", async ({
    shopperPage: page,
    request,
    baseURL,
  }) => {
    const code = "kite-9-lite-mint-8-128";
    const before = await readStock(request, baseURL ?? "", code);
    await cartToCheckout(page, "kite-9-lite", code);
    await payOnStripe(page, TEST_CARDS.decline);
    await expect(page.getByRole("alert")).toContainText("declined");
    const after = await readStock(request, baseURL ?? "", code);
    expect(after.held).toBe(before.held + 1);
    expect(after.sold).toBe(before.sold);
    await page.goto("/account");
    await expect(page.getByRole("list", { name: "Orders" }).getByText("Awaiting payment")).toBeVisible();
  });

  test("declined, back to the store, then paid: one order, and leaving Stripe's page cancels nothing", async ({
    shopperPage: page,
    request,
    baseURL,
  }) => {
    const code = "kite-cam-2k-cloud-white";
    const before = await readStock(request, baseURL ?? "", code);
    await cartToCheckout(page, "kite-cam-2k", code);
    const firstSession = page.url();
    await payOnStripe(page, TEST_CARDS.decline);
    await expect(page.getByRole("alert")).toContainText("declined");

    // Back to the store: the order page says the order is still held; nothing went back on sale.
    await page.getByRole("link", { name: /cancel and return/i }).click();
    await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}\?payment=unfinished/);
    const orderUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: "Payment not finished" })).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
    expect((await readStock(request, baseURL ?? "", code)).held).toBe(before.held + 1);

    // Pressing Checkout in the cart again is the same order and the same payment page…
    await page.goto("/cart");
    await page.getByRole("button", { name: "Checkout" }).click();
    await page.waitForURL(/\/checkout\/cs_/);
    expect(page.url()).toBe(firstSession);
    // … and so is "Finish paying" on the order page, where this time the card goes through.
    await page.goto(orderUrl);
    await page.getByRole("link", { name: "Finish paying" }).first().click();
    await page.waitForURL(/\/checkout\/cs_/);
    expect(page.url()).toBe(firstSession);
    await payOnStripe(page, TEST_CARDS.success);
    await page.waitForURL("**/checkout/success**");
    await expect(page.getByTestId("order-status")).toHaveText("Paid");

    const after = await readStock(request, baseURL ?? "", code);
    expect(after).toMatchObject({ held: before.held, sold: before.sold + 1 });
    await page.goto("/account");
    // One order for the two attempts.
    await expect(page.getByRole("list", { name: "Orders" }).getByRole("listitem")).toHaveCount(1);
  });

  test("an old session's return link changes nothing and leads to the order", async ({
    shopperPage: page,
  }) => {
    await cartToCheckout(page, "kite-watch-s", "kite-watch-s-obsidian");
    await page.getByRole("link", { name: /cancel and return/i }).click();
    await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}\?payment=unfinished/);
    const order = new URL(page.url()).pathname.split("/").pop() ?? "";
    // Sessions made before the return link moved still send buyers to /checkout/cancel: a GET that cancels nothing.
    await page.goto(`/checkout/cancel?order=${order}`);
    await page.waitForURL(`**/account/orders/${order}?payment=unfinished`);
    await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
  });

  test("a hold left to expire (moved clock) → stock back, session expired", async ({
    shopperPage: page,
    request,
    baseURL,
    qa,
  }) => {
    const code = "kite-band-4-black";
    const before = await readStock(request, baseURL ?? "", code);
    await cartToCheckout(page, "kite-band-4", code);
    const stripeUrl = page.url();
    expect((await readStock(request, baseURL ?? "", code)).held).toBe(before.held + 1);
    // Eleven minutes on, in real time: the hold is this shopper's own, and only their pages release it.
    await qa.setClock(page.context(), new Date(Date.now() + 11 * 60_000));
    await page.goto("/account");
    await expect(page.getByRole("list", { name: "Orders" }).getByText("Expired")).toBeVisible();
    const after = await readStock(request, baseURL ?? "", code);
    expect(after).toMatchObject({ available: before.available, held: before.held });
    await page.goto(stripeUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/expired/i);
  });
});
