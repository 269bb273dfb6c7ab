import { expect, test } from "@playwright/test";

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
  await page.goto("/sign-in?callbackUrl=/admin");
  await page.getByLabel("Email").fill("marketer@example.com");
  await page.getByLabel("Password").fill("kite-marketer-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/admin");
  await page.goto("/admin/sales");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${OUT}/admin-sales.png` });
  await page.goto("/admin/hero");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${OUT}/admin-hero.png` });
});
