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

  test("a fan holding an offer leaves the waitlist at 360 px, and the unit goes at once to the next fan in line", async ({
    accounts,
    freshSale,
    qa,
    request,
  }) => {
    test.setTimeout(150_000);
    const sale = await freshSale({ skuCode: "kite-cam-2k-cloud-white", quantity: 1, salePriceMinor: 19_900 });
    const startsAt = Date.parse(sale.startsAt);
    const buyer = await accounts.signedIn({ name: "Fan Hasty" });
    const first = await accounts.signedIn({ name: "Fan First" });
    const second = await accounts.signedIn({ name: "Fan Second" });
    for (const fan of [buyer, first, second]) await register(fan.page, sale.slug);

    // The buyer takes the only unit and never pays; the two fans join the line, first before second.
    await qa.setClock(buyer.context, new Date(startsAt + 2_000));
    await buyer.page.goto(`/sales/${sale.slug}`);
    await buyer.page.getByRole("button", { name: "Buy now" }).click();
    await buyer.page.waitForURL(/\/checkout\/cs_|\/sales\/holds\//, { timeout: 30_000 });
    // One unit is unpaid, so only the first can get it back: the second is told at once that their chance is gone.
    for (const [fan, state] of [
      [first, "waiting"],
      [second, "gone"],
    ] as const) {
      await qa.setClock(fan.context, new Date(startsAt + 5_000));
      await fan.page.goto(`/sales/${sale.slug}/waitlist`);
      await fan.page.getByRole("button", { name: /^Wait for / }).click();
      await expect(fan.page.getByTestId("waitlist-spot")).toHaveAttribute("data-state", state);
    }

    // The buyer's hold runs out: the unit is offered to the first fan.
    const sweepAt = new Date(startsAt + 11 * 60_000);
    const swept = await request.post("/api/cron/release-holds", {
      headers: { authorization: `Bearer ${QA_SECRET}`, "x-kite-clock": await qa.clockToken(sweepAt) },
    });
    expect(swept.ok()).toBe(true);

    // The first fan, on a phone, leaves: asked first (staying changes nothing), then the unit moves on.
    const page = first.page;
    await page.setViewportSize({ width: 360, height: 800 });
    await qa.setClock(first.context, new Date(sweepAt.getTime() + 60_000));
    await page.goto(`/sales/${sale.slug}/waitlist`);
    const spot = page.getByTestId("waitlist-spot");
    await expect(spot).toHaveAttribute("data-state", "offer");
    await page.getByRole("button", { name: "Leave the waitlist…" }).click();
    await expect(
      page.getByText(/The unit held for you goes to the next fan in line right away/),
    ).toBeFocused();
    await page.getByRole("button", { name: "Stay in line" }).click();
    await expect(page.getByRole("button", { name: "Leave the waitlist…" })).toBeFocused();
    await page.getByRole("button", { name: "Leave the waitlist…" }).click();
    const confirm = page.getByRole("button", { name: "Yes, leave the waitlist" });
    await expect(confirm).toBeInViewport();
    await shoot(page, "leave-confirm");
    await confirm.click();
    await expect(page.getByTestId("waitlist-left")).toContainText("has gone to the next fan in line");
    await expect(page.getByTestId("waitlist-leave")).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    // The second fan holds it now, before the public sees it.
    await qa.setClock(second.context, new Date(sweepAt.getTime() + 90_000));
    await second.page.goto(`/sales/${sale.slug}/waitlist`);
    await expect(second.page.getByTestId("waitlist-spot")).toHaveAttribute("data-state", "offer");
    await expect(second.page.getByRole("link", { name: "Pay for your unit" })).toBeVisible();
  });
});
