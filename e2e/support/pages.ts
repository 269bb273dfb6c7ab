import { expect, type Locator, type Page } from "@playwright/test";
import { TEST_CARDS } from "./env";

/** Page objects: roles and names first, so the tests read like what a shopper does. */

export class HomePage {
  constructor(private readonly page: Page) {}
  async open() {
    await this.page.goto("/");
    await expect(this.page.getByRole("main")).toBeVisible();
  }
  hero(): Locator {
    return this.page.getByRole("main").locator("section").first();
  }
  productLink(name: string): Locator {
    return this.page.getByRole("main").getByRole("link", { name, exact: true }).first();
  }
}

export class ProductPage {
  constructor(readonly page: Page) {}
  /**
   * The page is one cached HTML showing the default SKU and tab; what the query chooses is applied once hydrated.
   * Wait for that, so an add-to-cart or a tab click that follows acts on what the URL asked for.
   */
  async open(slug: string, query = "") {
    const response = await this.page.goto(`/products/${slug}${query}`);
    if (response?.ok()) {
      await expect(this.page.getByTestId("buy-box").first()).toHaveAttribute("data-url-applied", "");
    }
  }
  heading(): Locator {
    return this.page.getByRole("main").getByRole("heading", { level: 1 });
  }
  colour(name: string): Locator {
    return this.page
      .getByRole("radiogroup", { name: /colou?r/i })
      .getByRole("radio", { name: new RegExp(name, "i") });
  }
  storage(name: string): Locator {
    return this.page
      .getByRole("radiogroup", { name: /storage|capacity|memory/i })
      .getByRole("radio", { name: new RegExp(name, "i") });
  }
  tab(name: "Overview" | "Specifications" | "Reviews"): Locator {
    return this.page.getByRole("tab", { name: new RegExp(`^${name}`) });
  }
  addToCartButton(): Locator {
    return this.page.getByRole("button", { name: /^add to cart$/i }).first();
  }
  async addToCart() {
    await this.addToCartButton().click();
    await expect(this.page.getByText(/added to your cart/i).first()).toBeVisible();
  }
  /** The main price shown for the selected SKU, parsed from its text. */
  async priceText(): Promise<string> {
    return (await this.page.getByRole("main").getByTestId("price").first().innerText()).trim();
  }
}

export class CartPage {
  constructor(private readonly page: Page) {}
  async open() {
    await this.page.goto("/cart");
  }
  lines(): Locator {
    return this.page.getByTestId("cart-line");
  }
  total(): Locator {
    return this.page.getByTestId("cart-total");
  }
}

export class AuthPages {
  constructor(private readonly page: Page) {}
  async signIn(email: string, password: string, callbackUrl = "/account") {
    await this.page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await this.page.waitForURL((url) => url.pathname === callbackUrl.split("?")[0]);
  }
  async signUp(name: string, email: string, password: string) {
    await this.page.goto("/sign-up?callbackUrl=/account");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }
  /** Signs up and waits until the new account's page is shown (the session exists). */
  async signUpAndWait(name: string, email: string, password: string) {
    await this.signUp(name, email, password);
    await this.page.waitForURL((url) => url.pathname === "/account");
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(`Hi, ${name}`);
  }
  async signOut() {
    await this.page.goto("/account");
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL("/");
  }
}

/**
 * From the cart page (already open, its choices made) to a paid order: Checkout, the card on Stripe's (local)
 * page, back on the success page with the order paid. `beforePay` runs on Stripe's page before the card.
 */
export async function payCart(page: Page, { beforePay }: { beforePay?: () => Promise<void> } = {}) {
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.waitForURL(/\/checkout\/cs_/);
  await beforePay?.();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL("**/checkout/success**");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
}

/** Money as the store prints it ("¥2,999.00") → minor units. */
export function parseMoney(text: string): number {
  const digits = text.replace(/[^0-9.]/g, "");
  return Math.round(Number.parseFloat(digits) * 100);
}

/** Types a delivery address into the address form as a person would, field by field. */
export async function fillAddress(
  form: Locator,
  a: Record<"recipientName" | "mobile" | "province" | "city" | "district" | "street" | "postcode", string>,
) {
  await form.getByLabel("Recipient").fill(a.recipientName);
  await form.getByLabel("Mobile number").fill(a.mobile);
  await form.getByLabel("Province").selectOption(a.province);
  await form.getByLabel("City").fill(a.city);
  await form.getByLabel("District").fill(a.district);
  await form.getByLabel("Street address").fill(a.street);
  await form.getByLabel("Postcode").fill(a.postcode);
}

/** From the cart to Stripe's hosted page (the local server's in tests), as a shopper clicks through it. */
export async function checkoutFromCart(page: Page) {
  await page.goto("/cart");
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.waitForURL(/\/checkout\/cs_/);
}

/** On Stripe's hosted page: types a test card (TEST_CARDS) and pays. */
export async function payOnStripe(page: Page, card: string = TEST_CARDS.success) {
  await page.getByLabel("Card number").fill(card);
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Pays with the card that succeeds and waits for the store's success page. */
export async function payAndReturn(page: Page) {
  await payOnStripe(page);
  await page.waitForURL("**/checkout/success**");
}

/** Opens the account's newest order from its account page; the order's id. */
export async function openNewestOrder(page: Page): Promise<string> {
  await page.goto("/account");
  await page.getByRole("list", { name: "Orders" }).getByRole("link").first().click();
  await page.waitForURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop() ?? "";
}

/**
 * Waits until the dev mailbox lists a mail with this subject to this address, then opens it; the page's main part.
 * A form's answer can read the same before its mail is written (on a loaded machine it was not, once), so the
 * mailbox is read again until the mail is there.
 */
export async function openDevMail(page: Page, { to, subject }: { to: string; subject: string | RegExp }) {
  const row = page.getByRole("main").getByRole("row").filter({ hasText: to }).filter({ hasText: subject });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.first().getByRole("link", { name: subject }).click();
  return page.getByRole("main");
}

/**
 * Checks out the signed-in shopper's cart and pays on the local Stripe page with the test card that succeeds, then
 * opens the newest order's page. The order's id.
 */
export async function payForCart(page: Page): Promise<string> {
  await checkoutFromCart(page);
  await payAndReturn(page);
  return openNewestOrder(page);
}
