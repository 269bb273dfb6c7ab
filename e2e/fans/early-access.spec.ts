import type { Page } from "@playwright/test";
import { TEST_CARDS } from "../support/env";
import { expect, test } from "../support/fixtures";

/*
 * The Kite Club early-access lane from a fan's side: the cached sale page says "Gold and above: from 11:50"; a Gold
 * fan (5,000+ lifetime points) registered for the sale gets Buy now ten minutes before the public start and pays
 * through the usual hold and Stripe Checkout; a Member fan at the same moment is told when each may buy.
 */

async function register(page: Page, slug: string) {
  await page.goto(`/sales/${slug}`);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText(/you're registered/i).first()).toBeVisible();
}

test.describe("fans: early access to a flash sale", () => {
  test("a Gold fan buys before the public start; a Member fan is told when", async ({
    accounts,
    freshSale,
    qa,
    storeDay,
  }) => {
    test.setTimeout(120_000);
    const sale = await freshSale({
      skuCode: "kite-buds-2-white",
      quantity: 5,
      salePriceMinor: 29_900,
      earlyAccess: { minTier: "Gold", minutes: 10, quota: 2 },
    });
    const startsAt = Date.parse(sale.startsAt);
    // The QA route starts the sale to the second from now, so noon may read 11:59: the times as the store shows them.
    const hhmm = (at: number) =>
      new Intl.DateTimeFormat("en-GB", {
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone: storeDay.timeZone,
      }).format(at);
    const opens = hhmm(startsAt - 10 * 60_000);
    const when = `Gold and above from ${opens}; everyone from ${hhmm(startsAt)}`;
    const gold = await accounts.signedIn({ name: "Gold Gao", lifetimePoints: 6_000 });
    const member = await accounts.signedIn({ name: "Member Mei" });
    await register(gold.page, sale.slug);
    await register(member.page, sale.slug);

    // The page everyone shares names the lane.
    await expect(gold.page.getByTestId("early-access")).toContainText(`Gold and above: from ${opens}`);
    await expect(gold.page.getByTestId("early-access")).toContainText("2 units set aside");

    // 11:45: not open yet, even for Gold; the fan is told their tier is in.
    await qa.setClock(gold.context, new Date(startsAt - 15 * 60_000));
    await gold.page.goto(`/sales/${sale.slug}`);
    await expect(gold.page.getByTestId("cannot-buy")).toContainText(
      `your tier is in the early-access lane: ${when}`,
    );
    await expect(gold.page.getByRole("button", { name: "Buy now" })).toHaveCount(0);

    // 11:55: the Member fan waits for the start, told when.
    await qa.setClock(member.context, new Date(startsAt - 5 * 60_000));
    await member.page.goto(`/sales/${sale.slug}`);
    await expect(member.page.getByTestId("cannot-buy")).toContainText(when);
    await expect(member.page.getByRole("button", { name: "Buy now" })).toHaveCount(0);

    // 11:55: the Gold fan buys in the lane, through the same checkout as everyone.
    await qa.setClock(gold.context, new Date(startsAt - 5 * 60_000));
    await gold.page.goto(`/sales/${sale.slug}`);
    await expect(gold.page.getByTestId("early-access-open")).toBeVisible();
    await gold.page.getByRole("button", { name: "Buy now" }).click();
    await gold.page.waitForURL(/\/checkout\/cs_/, { timeout: 30_000 });
    await gold.page.getByLabel("Card number").fill(TEST_CARDS.success);
    await gold.page.getByRole("button", { name: /^Pay / }).click();
    await gold.page.waitForURL("**/checkout/success**");
    await expect(gold.page.getByTestId("order-status")).toHaveText("Paid");
  });
});
