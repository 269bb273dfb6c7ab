import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { TEST_CARDS } from "../support/env";
import { expect, test } from "../support/fixtures";
import { waitForMail } from "../support/mail";
import { runSaleDraw } from "../support/qa-api";

async function enter(page: Page, slug: string) {
  await page.goto(`/sales/${slug}`);
  await expect(page.getByTestId("draw-commitment")).toHaveText(/^[0-9a-f]{64}$/);
  await page.getByRole("button", { name: "Enter the draw" }).click();
  await expect(page.getByText(/you're entered/i).first()).toBeVisible();
}

test.describe("fans: a draw sale", () => {
  test("fans enter, the draw is published and checkable, the winner pays and the other is on the reserve list", async ({
    accounts,
    freshSale,
    qa,
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const sale = await freshSale({
      skuCode: "kite-buds-2-black",
      quantity: 1,
      salePriceMinor: 29_900,
      drawPurchaseWindowMinutes: 60,
    });
    const a = await accounts.signedIn({ name: "Draw Ada" });
    const b = await accounts.signedIn({ name: "Draw Bo" });
    await enter(a.page, sale.slug);
    await enter(b.page, sale.slug);
    // No Buy now on a draw sale: the units go to the draw's winners only.
    await expect(a.page.getByRole("button", { name: "Buy now" })).toHaveCount(0);

    // Registration closes at the start; the draw runs a minute later.
    const drawAt = new Date(Date.parse(sale.startsAt) + 60_000);
    const drawn = await runSaleDraw(qa, request, baseURL ?? "", { saleId: sale.saleId, at: drawAt });
    expect(drawn).toMatchObject({ entries: 2, winners: 1 });

    // The published draw reruns to the same winner with the README's script, reading the URL the page links.
    const url = `${baseURL}/api/sales/${sale.saleId}/draw`;
    const published = (await (await request.get(url)).json()) as { seed: string; winners: string[] };
    expect(published.seed).toBe(drawn.seed);
    const checked = execFileSync("node", ["scripts/verify-draw.mjs", url], { encoding: "utf8" });
    expect(checked).toContain("commitment matches the seed");
    expect(checked).toContain(`1. ${published.winners[0]}`);
    expect(checked).toContain("the published winners match");

    const later = new Date(drawAt.getTime() + 60_000);
    for (const fan of [a, b]) {
      await qa.setClock(fan.context, later);
      await fan.page.goto(`/sales/${sale.slug}`);
      await expect(fan.page.getByTestId("draw-seed")).toHaveText(drawn.seed);
      await expect(fan.page.getByTestId("draw-state")).toBeVisible();
    }
    const aWon = await a.page.getByRole("link", { name: "Pay for your unit" }).isVisible();
    const [winner, other] = aWon ? [a, b] : [b, a];
    await expect(other.page.getByTestId("draw-state")).toContainText(/Not this time/);
    await expect(winner.page.getByTestId("draw-state")).toContainText(/Your entry was drawn/);

    await winner.page.getByRole("link", { name: "Pay for your unit" }).click();
    await winner.page.waitForURL(/\/checkout\/cs_/, { timeout: 30_000 });
    await winner.page.getByLabel("Card number").fill(TEST_CARDS.success);
    await winner.page.getByRole("button", { name: /^Pay / }).click();
    await winner.page.waitForURL("**/checkout/success**");
    await expect(winner.page.getByTestId("order-status")).toHaveText("Paid");

    await waitForMail({ to: winner.account.email, subject: /You can buy/ });
    await waitForMail({ to: other.account.email, subject: /Not this time/ });
  });
});
