import { test as base, type Page } from "@playwright/test";
import { SEEDED } from "./env";
import { AuthPages, CartPage, HomePage, ProductPage } from "./pages";
import { QaApi } from "./qa-api";

type Fixtures = {
  home: HomePage;
  product: ProductPage;
  cart: CartPage;
  auth: AuthPages;
  qa: QaApi;
  /** A page signed in as the seeded shopper. */
  shopperPage: Page;
  /** A page signed in as the seeded marketer. */
  marketerPage: Page;
};

export const test = base.extend<Fixtures>({
  home: async ({ page }, use) => use(new HomePage(page)),
  product: async ({ page }, use) => use(new ProductPage(page)),
  cart: async ({ page }, use) => use(new CartPage(page)),
  auth: async ({ page }, use) => use(new AuthPages(page)),
  qa: async ({ request, baseURL }, use) => use(new QaApi(request, baseURL ?? "")),
  shopperPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signIn(SEEDED.shopper.email, SEEDED.shopper.password);
    await use(page);
    await context.close();
  },
  marketerPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await new AuthPages(page).signIn(SEEDED.marketer.email, SEEDED.marketer.password);
    await use(page);
    await context.close();
  },
});

export { expect } from "@playwright/test";
