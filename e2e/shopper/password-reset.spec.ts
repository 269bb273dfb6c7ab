import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "../support/env";
import { localStoreOnly, test } from "../support/fixtures";
import { expectNoSeriousViolations } from "../support/layout";
import { openDevMail } from "../support/pages";

/** Opens the newest mail with this subject to this address in the dev mailbox and follows its link. */
async function followMailedLink(
  page: Page,
  { to, subject, link }: { to: string; subject: string; link: RegExp },
) {
  // The form's answer reads the same before and after a second submit: openDevMail reads the mailbox until it is there.
  const mail = await openDevMail(page, { to, subject });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  const href = await mail.locator("pre a").filter({ hasText: link }).first().getAttribute("href");
  if (!href) throw new Error(`no link in the ${subject} mail`);
  await page.goto(href);
  return href;
}

test.describe("shopper: password reset and account settings", () => {
  localStoreOnly("reads the mail in the dev mailbox, a 404 outside development and tests");

  test("forgot password → mail → new password → sign in; the link used again is refused @mobile", async ({
    page,
    accounts,
    auth,
  }) => {
    const account = await accounts.create();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
    await expectNoSeriousViolations(page, "/forgot-password");

    // An email without an account reads the same words as a real one.
    await page.getByLabel("Email").fill(uniqueEmail("nobody"));
    await page.getByRole("button", { name: "Send reset link" }).click();
    const said = page.getByTestId("form-message");
    await expect(said).toContainText("If an account exists for that email");
    const strangerAnswer = await said.textContent();
    await page.getByLabel("Email").fill(account.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(said).toHaveText(strangerAnswer ?? "");
    await expect(page.getByLabel("Email")).toHaveValue(account.email);

    const link = await followMailedLink(page, {
      to: account.email,
      subject: "Reset your Kite password",
      link: /reset-password\?token=/,
    });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
    await expectNoSeriousViolations(page, "/reset-password");

    // Refused input keeps no password and says what to fix.
    await page.getByLabel("New password", { exact: true }).fill("kite-new-pass-2030");
    await page.getByLabel("New password again").fill("kite-other-pass-2030");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("The two passwords differ.")).toBeVisible();
    await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

    await page.getByLabel("New password", { exact: true }).fill("kite-new-pass-2030");
    await page.getByLabel("New password again").fill("kite-new-pass-2030");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.waitForURL(/\/sign-in\?notice=password-reset/);
    await expect(page.getByText("Your password was changed.")).toBeVisible();
    await auth.signIn(account.email, "kite-new-pass-2030");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Hi, /);

    // The same link again: refused with a way to ask for a new one, and the password stays.
    await page.goto(link);
    await expect(page.getByTestId("link-refused")).toContainText("already been used");
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute(
      "href",
      "/forgot-password",
    );
    await expectNoSeriousViolations(page, "/reset-password (used link)");
  });

  test("settings: a new name, a new email confirmed from the mail, a new password", async ({ accounts }) => {
    const { page, account } = await accounts.signedIn();
    await page.goto("/account");
    await page
      .getByRole("navigation", { name: "Your account" })
      .getByRole("link", { name: /Settings/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
    await expectNoSeriousViolations(page, "/account/settings");

    const profile = page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("Display name").fill("Renamed Fan");
    await profile.getByRole("button", { name: "Save name" }).click();
    await expect(profile.getByTestId("form-message")).toContainText("Saved.");

    // A wrong current password: refused, the new email kept, the password not.
    const email = page.getByRole("region", { name: "Email" });
    const newEmail = uniqueEmail("moved");
    await email.getByLabel("New email").fill(newEmail);
    await email.getByLabel("Current password").fill("not-my-password-1");
    await email.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(email.getByText("That isn't your current password.")).toBeVisible();
    await expect(email.getByLabel("New email")).toHaveValue(newEmail);
    await expect(email.getByLabel("Current password")).toHaveValue("");
    await email.getByLabel("Current password").fill(account.password);
    await email.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(email.getByTestId("form-message")).toContainText(`We've sent a link to ${newEmail}`);

    await followMailedLink(page, {
      to: newEmail,
      subject: "Confirm your new Kite email",
      link: /confirm-email\?token=/,
    });
    await expectNoSeriousViolations(page, "/account/confirm-email");
    await page.getByRole("button", { name: `Use ${newEmail}` }).click();
    await page.waitForURL(/\/account\/settings\?notice=email-changed/);
    await expect(page.getByText("Your email is changed.")).toBeVisible();
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi, Renamed Fan");
    await expect(page.getByText(newEmail)).toBeVisible();

    await page.goto("/account/settings");
    const password = page.getByRole("region", { name: "Password" });
    await password.getByLabel("Current password").fill(account.password);
    await password.getByLabel("New password", { exact: true }).fill("kite-changed-2030");
    await password.getByLabel("New password again").fill("kite-changed-2030");
    await password.getByRole("button", { name: "Change password" }).click();
    await expect(password.getByTestId("form-message")).toContainText("Password changed.");
    // This browser stays signed in.
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hi, Renamed Fan");
  });
});
