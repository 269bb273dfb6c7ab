import { type BrowserContext, test as base, type Page } from "@playwright/test";
import { AuthPages, CartPage, HomePage, ProductPage } from "./pages";
import { type AccountInput, createAccount, createSale, type QaAccount, QaApi, type QaSale } from "./qa-api";
import { claimStoreDay, type StoreDay } from "./store-days";

/**
 * How tests stay apart, by construction (a new spec needs to know nothing of the others):
 *
 * - `storeDay`: a store day no other test of the run has (claimed atomically, after the demo sales' days). A test
 *   that moves the test clock to a day, or puts a sale on one, uses only its own day.
 * - `freshSale`: a sale of the test's own, on its own day (noon, two hours, unless told otherwise).
 * - `accounts`, `shopper`, `marketer` (and their `…Page`s): fresh accounts from the QA route, signed in through
 *   the real form, so carts, orders, registrations and audit rows are the test's own.
 *
 * The homepage hero: at a moment of your own day it shows your schedule entry for that day, else your running
 * sale, else your next *featured* sale; so a test that asserts the hero makes its sale featured (or schedules an
 * entry for its day) and sets its clock on its day. Without a clock a page shows real today, which no test
 * writes to: the demo state. Stock figures of regular products are the one thing still shared: a test that
 * asserts them buys a SKU no other test buys.
 */

export interface SignedIn {
  account: QaAccount;
  context: BrowserContext;
  page: Page;
}

export interface Accounts {
  /** A fresh account, not signed in anywhere. */
  create(input?: AccountInput): Promise<QaAccount>;
  /** A fresh account signed in in a browser context of its own (closed after the test). */
  signedIn(input?: AccountInput): Promise<SignedIn>;
}

type FreshSaleInput = Omit<Parameters<typeof createSale>[2], "startsAt" | "startsInSeconds"> & {
  /** Wall-clock start on the test's own store day; noon unless told. */
  hour?: number;
  minute?: number;
};

type Fixtures = {
  home: HomePage;
  product: ProductPage;
  cart: CartPage;
  auth: AuthPages;
  qa: QaApi;
  /** A store day of this test's own on the hero calendar (within 28 days). */
  storeDay: StoreDay;
  /** A store day of this test's own for its `freshSale`s, after the calendar's days. */
  saleDay: StoreDay;
  /** A fresh one-SKU sale on this test's own sale day. */
  freshSale: (input: FreshSaleInput) => Promise<QaSale>;
  accounts: Accounts;
  shopper: SignedIn;
  /** A page signed in as a fresh shopper of this test's own. */
  shopperPage: Page;
  marketer: SignedIn;
  /** A page signed in as a fresh marketer of this test's own. */
  marketerPage: Page;
};

export const test = base.extend<Fixtures>({
  home: async ({ page }, use) => use(new HomePage(page)),
  product: async ({ page }, use) => use(new ProductPage(page)),
  cart: async ({ page }, use) => use(new CartPage(page)),
  auth: async ({ page }, use) => use(new AuthPages(page)),
  qa: async ({ request, baseURL }, use) => use(new QaApi(request, baseURL ?? "")),
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
  storeDay: async ({}, use) => use(claimStoreDay()),
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from this pattern.
  saleDay: async ({}, use) => use(claimStoreDay("sale")),
  freshSale: async ({ request, baseURL, saleDay }, use) => {
    await use(({ hour = 12, minute = 0, ...input }) =>
      createSale(request, baseURL ?? "", { ...input, startsAt: saleDay.at(hour, minute).toISOString() }),
    );
  },
  accounts: async ({ browser, request, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    const create: Accounts["create"] = (input) => createAccount(request, baseURL ?? "", input);
    await use({
      create,
      async signedIn(input) {
        const account = await create(input);
        const context = await browser.newContext();
        contexts.push(context);
        const page = await context.newPage();
        await new AuthPages(page).signIn(account.email, account.password);
        return { account, context, page };
      },
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  shopper: async ({ accounts }, use) => use(await accounts.signedIn({ role: "shopper" })),
  shopperPage: async ({ shopper }, use) => use(shopper.page),
  marketer: async ({ accounts }, use) => use(await accounts.signedIn({ role: "marketer" })),
  marketerPage: async ({ marketer }, use) => use(marketer.page),
});

export { expect } from "@playwright/test";

/**
 * Skips the enclosing describe (or, at the top, the file) against a deployment (BASE_URL), saying why: what it
 * reads exists only on the store the suite starts itself (the dev mailbox, the loopback address).
 */
export function localStoreOnly(reason: string) {
  test.skip(Boolean(process.env.BASE_URL), reason);
}
