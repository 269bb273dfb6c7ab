import { REFERRAL_STORAGE_KEY } from "../../components/club/referral-capture";
import { REFERRAL_POINTS } from "../../lib/points/rules";
import { SHENZHEN_ADDRESS } from "../../lib/qa/sample-addresses";
import { uniqueEmail } from "../support/env";
import { expect, test } from "../support/fixtures";
import { AuthPages, fillAddress, ProductPage, payCart } from "../support/pages";

/**
 * The Kite Club from a fan's side: a paid order earns points and moves the fan up a tier, the product page then
 * shows the tier price (from /api/me: the page itself is the cached one everyone gets), checkout charges it and
 * takes points, and a share link carries the fan's referral code to a friend's sign-up form.
 */

// Kite Watch S: one size, ¥999.00; 10 points per ¥1.00 lifts a new fan from Member past Gold's 5,000.
const WATCH = { slug: "kite-watch-s", price: "¥999.00", goldPrice: "¥979.02" };

test.describe("fans: points and tiers", () => {
  test("a fan pays, earns points, moves up to Gold and sees the Gold price; points pay part of the next order", async ({
    shopperPage: page,
  }, testInfo) => {
    test.slow();
    await page.goto("/account/points");
    await expect(page.getByTestId("points-tier")).toHaveText("Member");
    await expect(page.getByTestId("points-balance")).toHaveText("0");
    await expect(page.getByText("No points yet.")).toBeVisible();

    const product = new ProductPage(page);
    await product.open(WATCH.slug);
    await expect(page.getByTestId("tier-price")).toContainText("Kite Club");
    await product.addToCart();
    await page.goto("/cart");
    await payCart(page);

    await page.goto("/account/points");
    await expect(page.getByTestId("points-tier")).toHaveText("Gold");
    await expect(page.getByTestId("points-balance")).toHaveText("9,990");
    const history = page.getByRole("list", { name: "Points history" });
    await expect(history.getByText("Earned on an order")).toBeVisible();
    await expect(history.getByText("+9,990")).toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveAccessibleName(/more points to Platinum/);
    await page.screenshot({ path: testInfo.outputPath("account-points.png"), fullPage: true });

    // The product page everyone shares, with this fan's Gold price filled in after load.
    await product.open(WATCH.slug);
    expect(await product.priceText()).toBe(WATCH.price);
    await expect(page.getByTestId("tier-price")).toContainText(`Your Gold price: ${WATCH.goldPrice}`);

    // The next order: the Gold price at checkout, and 4,000 points (¥40.00) off it.
    await product.addToCart();
    await page.goto("/cart");
    await expect(page.getByTestId("tier-saving")).toContainText("Gold price (−2 %)");
    await expect(page.getByTestId("cart-total")).toHaveText(WATCH.goldPrice);
    await page.getByLabel("Use Kite points").fill("4000");
    await payCart(page, {
      beforePay: async () => {
        await expect(page.getByText(/Gold price \(−2 %\)/).first()).toBeVisible();
        await expect(page.getByText("¥939.02").first()).toBeVisible();
      },
    });
    await page.goto("/account/points");
    // 9,990 − 4,000 spent + 9,390 earned on the ¥939.02 paid.
    await expect(page.getByTestId("points-balance")).toHaveText("15,380");
    await expect(
      page.getByRole("list", { name: "Points history" }).getByText("Used at checkout"),
    ).toBeVisible();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: testInfo.outputPath("account-points-360.png"), fullPage: true });
  });

  test("the club's rules are published and linked from the footer", async ({ page }, testInfo) => {
    await page.goto("/");
    await page
      .getByRole("contentinfo")
      .getByRole("link", { name: /Kite Club/ })
      .click();
    await page.waitForURL("**/club");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Kite Club");
    const tiers = page.getByRole("table", { name: "Kite Club tiers" });
    for (const [tier, threshold] of [
      ["Silver", "1,000+"],
      ["Gold", "5,000+"],
      ["Platinum", "20,000+"],
      ["Diamond", "50,000+"],
    ]) {
      await expect(tiers.getByRole("row", { name: new RegExp(`${tier} ${threshold}`) })).toBeVisible();
    }
    await page.screenshot({ path: testInfo.outputPath("club.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: testInfo.outputPath("club-360.png"), fullPage: true });
  });

  test("a share link carries the fan's referral code to a friend's sign-up; the friend's first paid order credits the fan", async ({
    shopper,
    browser,
  }) => {
    test.slow();
    const { page, context } = shopper;
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // Copy-link path (a browser with a share sheet would open it instead).
    await page.addInitScript(() => Object.defineProperty(navigator, "share", { value: undefined }));
    await page.goto("/account/points");
    const code = (await page.getByTestId("referral-code").innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    const product = new ProductPage(page);
    await product.open(WATCH.slug);
    await expect(page.locator("[data-share-link=ref]")).toBeVisible();
    await page.getByRole("button", { name: "Share with a friend" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toHaveText(
      "Link copied, with your referral code.",
    );
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).pathname).toBe(`/products/${WATCH.slug}`);
    expect(new URL(link).searchParams.get("ref")).toBe(code);

    // The friend opens it in a browser of their own, looks around, then signs up: the code came along.
    const friendContext = await browser.newContext();
    const friend = await friendContext.newPage();
    const path = new URL(link);
    await friend.goto(`${path.pathname}${path.search}`);
    await expect(friend.getByTestId("buy-box").first()).toBeVisible();
    // The page remembers the code once it has hydrated (a person looks around for longer than a test does).
    await expect
      .poll(() => friend.evaluate((key) => window.localStorage.getItem(key), REFERRAL_STORAGE_KEY))
      .toBe(code);
    await friend.goto("/sign-up?callbackUrl=/account");
    await expect(friend.getByLabel("Referral code (optional)")).toHaveValue(code);
    await new AuthPages(friend).signUpAndWait("Mira Friend", uniqueEmail("friend"), "kite-fan-2026!");

    await page.goto("/account/points");
    const referrals = page.getByRole("list", { name: "Referrals" });
    await expect(referrals.getByText("Mira")).toBeVisible();
    await expect(referrals).toContainText("waiting for a first paid order");
    await expect(page.getByTestId("points-balance")).toHaveText("0");

    // The friend's first order, paid, to an address of their own (not the referrer's): the referrer is credited.
    await new ProductPage(friend).open(WATCH.slug);
    await new ProductPage(friend).addToCart();
    await friend.goto("/cart");
    await friend.getByRole("link", { name: "Add a delivery address" }).click();
    const form = friend.getByTestId("address-form");
    await fillAddress(form, SHENZHEN_ADDRESS);
    await form.getByRole("button", { name: "Save address" }).click();
    await friend.waitForURL((url) => url.pathname === "/cart");
    await payCart(friend);
    await friendContext.close();

    await page.goto("/account/points");
    await expect(referrals).toContainText("First order paid: points earned");
    await expect(page.getByTestId("points-balance")).toHaveText(REFERRAL_POINTS.toLocaleString("en-US"));
    const history = page.getByRole("list", { name: "Points history" });
    await expect(history.getByText("A friend's first order")).toBeVisible();
    await expect(history.getByText(`+${REFERRAL_POINTS}`)).toBeVisible();
  });

  test("a friend offered one's own code is told so, and no account is made", async ({ shopper, page }) => {
    await shopper.page.goto("/account/points");
    const code = (await shopper.page.getByTestId("referral-code").innerText()).trim();
    await page.goto(`/sign-up?callbackUrl=/account&ref=${code}`);
    await expect(page.getByLabel("Referral code (optional)")).toHaveValue(code);
    await page.getByLabel("Name").fill("Same Fan");
    await page.getByLabel("Email").fill(shopper.account.email.replace("@", "+again@"));
    await page.getByLabel("Password", { exact: true }).fill("kite-fan-2026!");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "your own referral link" }).first(),
    ).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/sign-up");
  });
});
