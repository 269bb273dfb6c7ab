import { SHENZHEN_ADDRESS } from "../../lib/qa/sample-addresses";
import { expect, test } from "../support/fixtures";
import { expectNoSeriousViolations, expectNoSidewaysScroll } from "../support/layout";
import { fillAddress } from "../support/pages";

test.describe("shopper: delivery addresses", () => {
  test("add, fix a refused field, edit, make default and remove, from the account @mobile", async ({
    accounts,
  }) => {
    const { page } = await accounts.signedIn({ address: false });
    await page.goto("/account");
    await expect(page.getByText("No delivery address yet.")).toBeVisible();
    await page.getByRole("link", { name: "Add an address" }).first().click();
    await expect(page).toHaveURL(/\/account\/addresses/);
    await page.getByRole("link", { name: "Add an address" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Add an address" })).toBeVisible();

    const form = page.getByTestId("address-form");
    await fillAddress(form, {
      recipientName: "Li Wei",
      mobile: "12345",
      province: "Beijing",
      city: "Beijing",
      district: "Chaoyang",
      street: "88 Jianguo Road, Building 3, Room 1201",
      postcode: "1000",
    });
    await form.getByRole("button", { name: "Save address" }).click();
    // Refused: the two bad fields say what to do, and everything typed is still there.
    await expect(form.getByText(/11-digit mainland mobile number/)).toBeVisible();
    await expect(form.getByText(/six-digit postcode/)).toBeVisible();
    await expect(form.getByLabel("Mobile number")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Street address")).toHaveValue("88 Jianguo Road, Building 3, Room 1201");
    await expect(form.getByLabel("Province")).toHaveValue("Beijing");
    await expectNoSeriousViolations(page, "address form with errors");
    await expectNoSidewaysScroll(page, "/account/addresses/new");

    // Fixing a field takes its stale error away at once; the other field still says what is wrong.
    await form.getByLabel("Mobile number").fill("+86 138 0013 8000");
    await expect(form.getByText(/11-digit mainland mobile number/)).toHaveCount(0);
    await expect(form.getByLabel("Mobile number")).not.toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText(/six-digit postcode/)).toBeVisible();
    await form.getByLabel("Postcode").fill("100022");
    await form.getByRole("button", { name: "Save address" }).click();
    await expect(page).toHaveURL(/\/account\/addresses$/);
    const cards = page.getByTestId("address");
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("Default");
    await expect(cards.first()).toContainText("138 0013 8000");

    // A second address, then make it the default.
    await page.getByRole("link", { name: "Add an address" }).click();
    await fillAddress(form, SHENZHEN_ADDRESS);
    await form.getByRole("button", { name: "Save address" }).click();
    await expect(cards).toHaveCount(2);
    await cards.filter({ hasText: "Shenzhen" }).getByRole("button", { name: "Make default" }).click();
    await expect(cards.first()).toContainText("Shenzhen");
    await expect(cards.first()).toContainText("Default");
    await expectNoSeriousViolations(page, "address book");
    await expectNoSidewaysScroll(page, "/account/addresses");

    // Edit keeps the id and the default.
    await cards.first().getByRole("link", { name: /Edit/ }).click();
    await form.getByLabel("Street address").fill("2 Keyuan Road, Tower C, 20F");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(cards.first()).toContainText("2 Keyuan Road, Tower C, 20F");
    await expect(cards.first()).toContainText("Default");

    // Removing the default hands it to the one left; the account page shows it.
    await cards.first().getByRole("button", { name: "Remove" }).click();
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("Beijing");
    await expect(cards.first()).toContainText("Default");
    await page.goto("/account");
    await expect(page.getByRole("link", { name: "Manage addresses (1)" })).toBeVisible();
    await expect(page.getByText("88 Jianguo Road, Building 3, Room 1201")).toBeVisible();
  });

  test("another account's address is not found, and a guest is asked to sign in", async ({
    page,
    accounts,
  }) => {
    const owner = await accounts.signedIn({ address: false });
    await owner.page.goto("/account/addresses/new");
    const form = owner.page.getByTestId("address-form");
    await fillAddress(form, {
      recipientName: "Zhang Min",
      mobile: "13800138000",
      province: "Shanghai",
      city: "Shanghai",
      district: "Pudong",
      street: "100 Century Avenue",
      postcode: "200120",
    });
    await form.getByRole("button", { name: "Save address" }).click();
    await owner.page.getByTestId("address").first().getByRole("link", { name: /Edit/ }).click();
    await owner.page.waitForURL(/\/account\/addresses\/[0-9a-f-]{36}$/);
    const editUrl = owner.page.url();

    const stranger = await accounts.signedIn();
    // The account pages stream (they have a loading state), so the answer is the not-found page, not a 404 status.
    await stranger.page.goto(editUrl);
    await expect(stranger.page.getByRole("heading", { level: 1, name: "This page flew away" })).toBeVisible();
    await expect(stranger.page.getByText("100 Century Avenue")).toHaveCount(0);

    await page.goto("/account/addresses");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
});
