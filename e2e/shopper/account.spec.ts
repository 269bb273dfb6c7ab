import { uniqueEmail } from "../support/env";
import { expect, test } from "../support/fixtures";

test.describe("shopper: accounts", () => {
  test("sign up, sign out, sign in again @mobile", async ({ page, auth }) => {
    const email = uniqueEmail();
    const password = "kite-fan-2026!";
    await auth.signUpAndWait("Ada Fan", email, password);
    await auth.signOut();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await auth.signIn(email, password);
    await expect(page.getByText(email)).toBeVisible();
  });

  test("sign-up refuses an existing email and a weak password, never echoing the password", async ({
    page,
    auth,
    accounts,
  }) => {
    const existing = await accounts.create();
    await auth.signUp("Someone", existing.email, "a-strong-pass-123");
    await expect(page.getByText(/already exists/i)).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveValue("");

    await auth.signUp("Someone", uniqueEmail(), "short");
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    expect(await page.content()).not.toContain('value="short"');
    await expect(page).toHaveURL(/sign-up/);
  });

  test("wrong password says so without revealing which part was wrong", async ({ page, accounts }) => {
    const account = await accounts.create();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  });

  test("a guest cart follows the shopper into their account", async ({ page, product, auth }) => {
    await product.open("kite-buds-2");
    await product.addToCart();
    await expect(page.getByTestId("cart-count").first()).toHaveText("1");
    const email = uniqueEmail("merge");
    await auth.signUpAndWait("Merge Fan", email, "kite-fan-2026!");
    await page.goto("/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Kite Buds 2" })).toBeVisible();
  });

  test("the account page asks a guest to sign in", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount|\/sign-in\?callbackUrl=\/account/);
  });
});
