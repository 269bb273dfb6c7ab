import { expect, test } from "@playwright/test";
import { AuthPages } from "../support/pages";

const OUT = "docs/screenshots";

async function settle(page: import("@playwright/test").Page) {
  // Lazy images below the fold load before a full-page picture is taken.
  await page.evaluate(async () => {
    for (const img of Array.from(document.images)) img.loading = "eager";
    await Promise.all(
      Array.from(document.images).map((img) => (img.complete ? null : img.decode().catch(() => null))),
    );
  });
}

test("homepage", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("main")).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${OUT}/home.png` });
  await page.screenshot({ path: `${OUT}/home-full.png`, fullPage: true });
});

test("product page", async ({ page }) => {
  await page.goto("/products/kite-9-pro?sku=kite-9-pro-ocean-blue-12-512");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kite 9 Pro");
  await settle(page);
  await page.screenshot({ path: `${OUT}/product.png` });
  await page.goto("/products/kite-9-pro?tab=reviews");
  await page.getByRole("tab", { name: /Reviews/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/product-reviews.png` });
});

test("mobile product page", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto("/products/kite-9-pro");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kite 9 Pro");
  await settle(page);
  await page.screenshot({ path: `${OUT}/product-mobile.png` });
  await context.close();
});

test("flash sale states", async ({ page }) => {
  await page.goto("/sales/kite-9-pro-launch");
  await expect(page.getByTestId("countdown")).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${OUT}/sale-upcoming.png` });
  await page.goto("/sales/kite-band-4-flash");
  await expect(page.getByTestId("boast")).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${OUT}/sale-sold-out.png` });
});

test("help centre", async ({ page }) => {
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help centre");
  await page.screenshot({ path: `${OUT}/help.png` });
});

test("marketer console", async ({ page }) => {
  await new AuthPages(page).signIn("marketer@example.com", "kite-marketer-2026", "/admin");
  await page.goto("/admin/sales");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${OUT}/admin-sales.png` });
  await page.goto("/admin/hero");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${OUT}/admin-hero.png` });
});

test("a shopper's checkout, unfinished payment, receipt mail and account", async ({ page }) => {
  test.setTimeout(120_000);
  await new AuthPages(page).signIn("shopper@example.com", "kite-shopper-2026");
  await page.goto("/products/kite-buds-2?sku=kite-buds-2-white");
  await expect(page.getByTestId("buy-box").first()).toHaveAttribute("data-url-applied", "");
  await page
    .getByRole("button", { name: /^add to cart$/i })
    .first()
    .click();
  await expect(page.getByText(/added to your cart/i).first()).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByText("Deliver to").first()).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${OUT}/checkout-address.png` });

  // Declined, then back to the store: the order page says the order is held and offers to finish paying.
  await page.getByRole("button", { name: "Checkout" }).click();
  await page.waitForURL(/\/checkout\/cs_/);
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert")).toContainText("declined");
  await page.getByRole("link", { name: /cancel and return/i }).click();
  await page.waitForURL(/payment=unfinished/);
  await settle(page);
  await page.screenshot({ path: `${OUT}/payment-unfinished.png` });

  await page.getByRole("link", { name: "Finish paying" }).first().click();
  await page.waitForURL(/\/checkout\/cs_/);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay / }).click();
  await page.waitForURL("**/checkout/success**");

  await page.goto("/dev/mailbox");
  await page
    .getByRole("link", { name: /Your Kite order/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Your Kite order");
  await page.screenshot({ path: `${OUT}/mail-receipt.png` });

  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Orders" })).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${OUT}/account.png` });
});

test("Kite Club and the fans console: betas, F-codes, points", async ({ browser, page }) => {
  await page.goto("/club");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Kite Club");
  await page.screenshot({ path: `${OUT}/club.png` });

  const marketer = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await new AuthPages(marketer).signIn("marketer@example.com", "kite-marketer-2026", "/admin");
  for (const [path, file] of [
    ["/admin/betas", "admin-betas"],
    ["/admin/fcodes", "admin-fcodes"],
    ["/admin/points", "admin-points"],
  ] as const) {
    await marketer.goto(path);
    await expect(marketer.getByRole("heading", { level: 1 })).toBeVisible();
    await marketer.screenshot({ path: `${OUT}/${file}.png` });
  }
});
