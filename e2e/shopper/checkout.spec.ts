import type { APIRequestContext, Page } from "@playwright/test";
import { TEST_CARDS } from "../support/env";
import { expect, test } from "../support/fixtures";
import { checkoutFromCart, ProductPage, payOnStripe } from "../support/pages";
import { readStock } from "../support/qa-api";

// The shopper is the test's own (fixture); stock figures are the store's, so each flow buys a SKU of its own.
type Sku = { slug: string; code: string };
const SKUS = {
  paid: { slug: "kite-9", code: "kite-9-midnight-black-8-256" },
  paidOnMobile: { slug: "kite-9", code: "kite-9-glacier-blue-8-256" },
  declined: { slug: "kite-9-lite", code: "kite-9-lite-mint-8-128" },
  declinedThenPaid: { slug: "kite-cam-2k", code: "kite-cam-2k-cloud-white" },
  oldReturnLink: { slug: "kite-watch-s", code: "kite-watch-s-obsidian" },
  expired: { slug: "kite-band-4", code: "kite-band-4-black" },
} satisfies Record<string, Sku>;

async function cartToCheckout(page: Page, { slug, code }: Sku) {
  const product = new ProductPage(page);
  await product.open(slug, `?sku=${code}`);
  await product.addToCart();
  await checkoutFromCart(page);
  // Stripe's hosted page (the local server's in tests), not the cart's own "Order summary".
  await expect(page.getByRole("heading", { name: "Order summary" })).toBeVisible();
}

/**
 * The version's stock figures as they were (`before`), then one unit of it through the cart to Stripe's page;
 * `stock()` reads the figures again.
 */
async function checkoutOne(
  page: Page,
  { request, baseURL }: { request: APIRequestContext; baseURL: string | undefined },
  sku: Sku,
) {
  const stock = () => readStock(request, baseURL ?? "", sku.code);
  const before = await stock();
  await cartToCheckout(page, sku);
  return { before, stock };
}

/** The account page lists an order in this state. */
async function expectAccountOrder(page: Page, status: string) {
  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Orders" }).getByText(status)).toBeVisible();
}

test.describe("shopper: pay through Stripe Checkout", () => {
  test("pay with 4242 → order paid, unit sold @mobile", async ({
    shopperPage: page,
    request,
    baseURL,
  }, testInfo) => {
    const sku = testInfo.project.name === "mobile" ? SKUS.paidOnMobile : SKUS.paid;
    const { before, stock } = await checkoutOne(page, { request, baseURL }, sku);
    expect((await stock()).held).toBe(before.held + 1);
    await payOnStripe(page, TEST_CARDS.success);
    await page.waitForURL("**/checkout/success**");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, Kite fan!");
    await expect(page.getByTestId("order-status")).toHaveText("Paid");
    const after = await stock();
    expect(after.sold).toBe(before.sold + 1);
    expect(after.held).toBe(before.held);
    expect(after.available + after.held + after.sold).toBe(after.quantity);
    await expectAccountOrder(page, "Paid");
  });

  test("decline → not paid, stock still held until expiry", async ({
    shopperPage: page,
    request,
    baseURL,
  }) => {
    const { before, stock } = await checkoutOne(page, { request, baseURL }, SKUS.declined);
    await payOnStripe(page, TEST_CARDS.decline);
    await expect(page.getByRole("alert")).toContainText("declined");
    const after = await stock();
    expect(after.held).toBe(before.held + 1);
    expect(after.sold).toBe(before.sold);
    await expectAccountOrder(page, "Awaiting payment");
  });

  test("declined, back to the store, then paid: one order, and leaving Stripe's page cancels nothing", async ({
    shopperPage: page,
    request,
    baseURL,
  }) => {
    const { before, stock } = await checkoutOne(page, { request, baseURL }, SKUS.declinedThenPaid);
    const firstSession = page.url();
    await payOnStripe(page, TEST_CARDS.decline);
    await expect(page.getByRole("alert")).toContainText("declined");

    // Back to the store: the order page says the order is still held; nothing went back on sale.
    await page.getByRole("link", { name: /cancel and return/i }).click();
    await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}\?payment=unfinished/);
    const orderUrl = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { name: "Payment not finished" })).toBeVisible();
    await expect(page.getByTestId("order-status")).toHaveText("Awaiting payment");
    expect((await stock()).held).toBe(before.held + 1);

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

    const after = await stock();
    expect(after).toMatchObject({ held: before.held, sold: before.sold + 1 });
    await page.goto("/account");
    // One order for the two attempts.
    await expect(page.getByRole("list", { name: "Orders" }).getByRole("listitem")).toHaveCount(1);
  });

  test("an old session's return link changes nothing and leads to the order", async ({
    shopperPage: page,
  }) => {
    await cartToCheckout(page, SKUS.oldReturnLink);
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
    const { before, stock } = await checkoutOne(page, { request, baseURL }, SKUS.expired);
    const stripeUrl = page.url();
    expect((await stock()).held).toBe(before.held + 1);
    // Eleven minutes on, in real time: the hold is this shopper's own, and only their pages release it.
    await qa.setClock(page.context(), new Date(Date.now() + 11 * 60_000));
    await expectAccountOrder(page, "Expired");
    const after = await stock();
    expect(after).toMatchObject({ available: before.available, held: before.held });
    await page.goto(stripeUrl);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/expired/i);
  });
});
