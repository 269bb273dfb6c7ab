import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";
import { waitForMail } from "../support/mail";
import { payAndReturn } from "../support/pages";
import type { QaSale } from "../support/qa-api";

/*
 * F-codes from both sides: a marketer issues a batch for a version of a sale (codes shown once, with a CSV), gives
 * one to a fan by email; fans redeem codes from their share page and pay through the same hold → Stripe Checkout
 * path as any sale unit, before the public sale starts (the sale is days ahead; the codes work from now).
 */

const CODE = /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/;

/** A sale of the test's own (10 units of `skuCode`), then a batch of codes issued for it from the console. */
async function issueBatch(
  page: Page,
  freshSale: (input: { skuCode: string; quantity: number; salePriceMinor: number }) => Promise<QaSale>,
  {
    skuCode,
    salePriceMinor,
    label,
    codes,
    quota,
  }: { skuCode: string; salePriceMinor: number; label: string; codes: number; quota: number },
) {
  const sale = await freshSale({ skuCode, quantity: 10, salePriceMinor });
  await page.goto("/admin/fcodes");
  const form = page.getByTestId("issue-fcodes-form");
  await form.getByLabel("Sale and version").selectOption({ value: `${sale.saleId}:${sale.skuId}` });
  await form.getByLabel("Batch name").fill(label);
  await form.getByLabel("Codes", { exact: true }).fill(String(codes));
  await form.getByLabel("Units set aside").fill(String(quota));
  await form.getByRole("button", { name: "Issue codes" }).click();
  const issued = page.getByTestId("issued-codes");
  await expect(issued).toBeVisible({ timeout: 20_000 });
  const list = (await issued.getByLabel("Codes", { exact: true }).inputValue()).split("\n");
  expect(list).toHaveLength(codes);
  for (const code of list) expect(code).toMatch(CODE);
  return { issued, codes: list };
}

/** From a code's share page: redeem, then pay on the local Stripe page with the test card. */
async function redeemAndPay(page: Page, code: string, productName: RegExp) {
  await page.goto(`/f/${code}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(productName);
  await expect(page.getByText(/even before the public sale starts/)).toBeVisible();
  await page.getByRole("button", { name: "Redeem and buy" }).click();
  await page.waitForURL(/\/checkout\/cs_/, { timeout: 30_000 });
  await payAndReturn(page);
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
}

test.describe("F-codes", () => {
  test("a marketer issues codes; a fan redeems one and buys before the public start", async ({
    marketerPage,
    accounts,
    freshSale,
  }) => {
    test.slow();
    const { issued, codes } = await issueBatch(marketerPage, freshSale, {
      skuCode: "kite-9-lite-lavender-8-256",
      salePriceMinor: 149_900,
      label: "Kite Club moderators",
      codes: 3,
      quota: 2,
    });
    await expect(issued.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
      "href",
      /^data:text\/csv/,
    );
    const download = marketerPage.waitForEvent("download");
    await issued.getByRole("link", { name: "Download CSV" }).click();
    expect((await download).suggestedFilename()).toBe("kite-fcodes.csv");
    await marketerPage.screenshot({ path: test.info().outputPath("admin-fcodes.png"), fullPage: true });
    await expectNoSeriousViolations(marketerPage, "F-codes console");

    const row = marketerPage.getByTestId("fcode-batch-row").filter({ hasText: "Kite Club moderators" });
    await expect(row).toContainText("2 set aside · 0 held · 0 sold");

    // A wrong code is refused in words, and an unknown link says so.
    const fan = await accounts.signedIn({ name: "Fan Ling" });
    await fan.page.goto("/f/2222-3333-4444-5555");
    await expect(fan.page.getByRole("heading", { level: 1 })).toHaveText("We don't know this F-code");

    await fan.page.goto(`/f/${codes[0]}`);
    await fan.page.screenshot({ path: test.info().outputPath("fcode-page.png"), fullPage: true });
    await fan.page.setViewportSize({ width: 360, height: 800 });
    await fan.page.screenshot({ path: test.info().outputPath("fcode-page-360.png"), fullPage: true });
    await expectNoSeriousViolations(fan.page, "F-code page");
    await redeemAndPay(fan.page, codes[0] as string, /Kite 9 Lite/);

    // The same code cannot buy twice; the console counts it as redeemed and paid.
    await fan.page.goto(`/f/${codes[0]}`);
    await expect(
      fan.page.getByText("You bought your unit with this code. Thank you, Kite fan!"),
    ).toBeVisible();
    await marketerPage.reload();
    await expect(row).toContainText("1 set aside · 0 held · 1 sold");
    // Issued, given, redeemed, paid: the batch's name is the row's header cell.
    await expect(row.getByRole("cell").nth(2)).toHaveText("1");
    await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  });

  test("a marketer gives a code to a fan, who passes it to a friend who buys with it", async ({
    marketerPage,
    accounts,
    freshSale,
  }) => {
    test.slow();
    const { codes } = await issueBatch(marketerPage, freshSale, {
      skuCode: "kite-pad-5-mist-blue-8-256",
      salePriceMinor: 229_900,
      label: "Friends of the Pad",
      codes: 2,
      quota: 1,
    });
    const fan = await accounts.signedIn({ name: "Fan Mei" });
    const friend = await accounts.signedIn({ name: "Friend Ravi" });

    const give = marketerPage.getByTestId("give-fcode-form");
    await give.getByLabel("Code").fill(codes[0] as string);
    await give.getByLabel("Fan's email").fill(fan.account.email);
    await give.getByRole("button", { name: "Give code" }).click();
    await expect(give.getByTestId("form-message")).toContainText(`Given to ${fan.account.email}`);

    const mail = await waitForMail({ to: fan.account.email, subject: /Your Kite F-code for Kite Pad 5/ });
    expect(mail.text).toContain(codes[0] as string);

    // The fan's account page shows the code and the link to pass on.
    await fan.page.goto("/account");
    const mine = fan.page.getByTestId("fan-fcode");
    await expect(mine).toContainText(codes[0] as string);
    await expect(mine).toContainText("Ready to use");
    await fan.page.screenshot({ path: test.info().outputPath("account-fcodes.png"), fullPage: true });
    const link = await mine.getByTestId("fcode-share-link").innerText();
    expect(link).toContain(`/f/${codes[0]}`);

    await redeemAndPay(friend.page, codes[0] as string, /Kite Pad 5/);

    // The fan sees it was used by the friend; the fan cannot use it any more.
    await fan.page.reload();
    await expect(fan.page.getByTestId("fan-fcode")).toContainText("Used by a friend");
    await fan.page.goto(`/f/${codes[0]}`);
    await expect(fan.page.getByText("This code has already been used by another account.")).toBeVisible();
  });
});
