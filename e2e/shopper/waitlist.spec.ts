import type { Page } from "@playwright/test";
import { QA_SECRET } from "../support/env";
import { expect, localStoreOnly, test } from "../support/fixtures";
import { waitForMail } from "../support/mail";
import { payAndReturn } from "../support/pages";

async function register(page: Page, slug: string) {
  await page.goto(`/sales/${slug}`);
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText(/you're registered/i).first()).toBeVisible();
}

/** With WAITLIST_SHOTS=<dir>, the page at desktop width and at 360 px, for a person to look at. */
async function shoot(page: Page, name: string) {
  const dir = process.env.WAITLIST_SHOTS;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/waitlist-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: `${dir}/waitlist-${name}-360.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test.describe("shopper: waitlist of a sold-out sale", () => {
  localStoreOnly("reads the offer mail from the suite's own SMTP server");

  test("a waitlisted fan gets the unit another fan did not pay for, by mail, and pays for it", async ({
    accounts,
    freshSale,
    qa,
    request,
  }) => {
    test.setTimeout(150_000);
    const sale = await freshSale({ skuCode: "kite-cam-2k-cloud-white", quantity: 1, salePriceMinor: 19_900 });
    const startsAt = Date.parse(sale.startsAt);
    const buyer = await accounts.signedIn({ name: "Fan Quick" });
    const waiter = await accounts.signedIn({ name: "Fan Patient" });
    await register(buyer.page, sale.slug);
    await register(waiter.page, sale.slug);

    // Before the start nothing says sold out, and there is no waitlist yet.
    await qa.setClock(waiter.context, new Date(startsAt - 60_000));
    await waiter.page.goto(`/sales/${sale.slug}`);
    await expect(waiter.page.getByTestId("live-sale-status")).toBeVisible();
    await expect(waiter.page.getByTestId("boast")).toHaveCount(0);
    await expect(waiter.page.getByTestId("honest-numbers")).toHaveCount(0);

    // The buyer takes the only unit and goes to pay, but never does.
    await qa.setClock(buyer.context, new Date(startsAt + 2_000));
    await buyer.page.goto(`/sales/${sale.slug}`);
    await buyer.page.getByRole("button", { name: "Buy now" }).click();
    await buyer.page.waitForURL(/\/checkout\/cs_|\/sales\/holds\//, { timeout: 30_000 });

    // Sold out: the boast tells the numbers beside it, and the fan joins the waitlist.
    await qa.setClock(waiter.context, new Date(startsAt + 5_000));
    await waiter.page.goto(`/sales/${sale.slug}`);
    await expect(waiter.page.getByTestId("boast")).toContainText(/1 unit sold out in \d+ seconds?/);
    await expect(waiter.page.getByTestId("honest-numbers")).toContainText("2 fans registered");
    await shoot(waiter.page, "sale-sold-out");
    await waiter.page.getByRole("link", { name: "Join the waitlist" }).click();
    await waiter.page.waitForURL(`**/sales/${sale.slug}/waitlist`);
    await waiter.page.getByRole("button", { name: /^Wait for / }).click();
    const spot = waiter.page.getByTestId("waitlist-spot");
    await expect(spot).toContainText("You're number 1 in line");
    await expect(spot).toContainText("1 unit of it is reserved and not paid for yet");
    await waiter.page.reload();
    await expect(spot).toHaveAttribute("data-state", "waiting");
    await shoot(waiter.page, "waiting");

    // The buyer's hold runs out: the scheduled sweep, at a clock past it, offers the unit to the waitlist.
    const sweepAt = new Date(startsAt + 11 * 60_000);
    const token = await qa.clockToken(sweepAt);
    const swept = await request.post("/api/cron/release-holds", {
      headers: { authorization: `Bearer ${QA_SECRET}`, "x-kite-clock": token },
    });
    expect(swept.ok()).toBe(true);

    const mail = await waitForMail({ to: waiter.account.email, subject: /came back for you: pay by/ });
    expect(mail.text).toContain("you were next on the waitlist");

    await qa.setClock(waiter.context, new Date(sweepAt.getTime() + 60_000));
    await waiter.page.goto(`/sales/${sale.slug}/waitlist`);
    await expect(spot).toHaveAttribute("data-state", "offer");
    await shoot(waiter.page, "offer");
    await waiter.page.getByRole("link", { name: "Pay for your unit" }).click();
    await waiter.page.waitForURL(/\/checkout\/cs_/, { timeout: 30_000 });
    await payAndReturn(waiter.page);
    await expect(waiter.page.getByTestId("order-status")).toHaveText("Paid");
    await waiter.page.goto(`/sales/${sale.slug}/waitlist`);
    await expect(spot).toHaveAttribute("data-state", "bought");
  });
});
