import { expect, localStoreOnly, test } from "../support/fixtures";
import { AuthPages, checkoutFromCart, ProductPage, payAndReturn } from "../support/pages";

test.describe("shopper: the store on 127.0.0.1 instead of localhost", () => {
  localStoreOnly("a deployment has one https address: this is the local loopback trap");

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
      await checkoutFromCart(page);
      await payAndReturn(page);
      expect(new URL(page.url()).hostname).toBe("127.0.0.1");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, Kite fan!");
      await expect(page.getByTestId("order-status")).toHaveText("Paid");
    } finally {
      await context.close();
    }
  });
});
