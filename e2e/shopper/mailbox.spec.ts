import { uniqueEmail } from "../support/env";
import { expect, localStoreOnly, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";

test.describe("shopper: mail in development", () => {
  // The development mailbox exists only where STORE_ENV is development or test: never on a deployment under test.
  localStoreOnly("the dev mailbox is a 404 outside development and tests");

  test("a new account's welcome mail waits in the outbox, readable at /dev/mailbox", async ({
    page,
    auth,
  }) => {
    const email = uniqueEmail("mail");
    await auth.signUpAndWait("Mei Mail", email, "kite-fan-2026!");
    await page.goto("/dev/mailbox");
    const main = page.getByRole("main");
    const row = main.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: "Welcome to Kite, Mei Mail" }).click();
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("Welcome to Kite, Mei Mail");
    await expect(main.getByText(`Your Kite account (${email}) was created on`)).toBeVisible();
    // The HTML part, drawn in its sandboxed frame.
    const html = page.frameLocator("iframe[title^='HTML of']");
    await expect(html.getByRole("paragraph").filter({ hasText: "Hi Mei Mail," })).toBeVisible();
    await expectNoSeriousViolations(page, "dev mail", { iframes: false });
    await page.goto("/dev/mailbox");
    await expectNoSeriousViolations(page, "dev mailbox");
  });
});
