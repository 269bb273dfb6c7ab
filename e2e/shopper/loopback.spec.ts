import { TEST_CARDS } from "../support/env";
import { expect, test } from "../support/fixtures";
import { AuthPages, ProductPage } from "../support/pages";

test.describe("shopper: the store on 127.0.0.1 instead of localhost", () => {
  test.skip(
    Boolean(process.env.BASE_URL),
    "a deployment has one https address: this is the local loopback trap",
  );

  test("signed in on 127.0.0.1, a payment comes back to 127.0.0.1 and the order, not a sign-in page", async ({
    browser,
    accounts,
    baseURL,
  }) => {
    // The README's address is localhost; a newcomer types 127.0.0.1. The session cookie lives on the host used.
    const loopback = (baseURL ?? "").replace("//localhost", "//127.0.0.1");
    expect(loopback).toContain("127.0.0.1");
    const account = await accounts.create();
    const context = await browser.newContext({ baseURL: loopback });
    const page = await context.newPage();
    try {
      await new AuthPages(page).signIn(account.email, account.password);
      await new ProductPage(page).open("kite-power-bank-20000");
      await new ProductPage(page).addToCart();
      await page.goto("/cart");
      await page.getByRole("button", { name: "Checkout" }).click();
      await page.waitForURL(/\/checkout\/cs_/);
      await page.getByLabel("Card number").fill(TEST_CARDS.success);
      await page.getByRole("button", { name: /^Pay / }).click();
      await page.waitForURL("**/checkout/success**");
      expect(new URL(page.url()).hostname).toBe("127.0.0.1");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, Kite fan!");
      await expect(page.getByTestId("order-status")).toHaveText("Paid");
    } finally {
      await context.close();
    }
  });
});
