import type { ParsedMail } from "mailparser";
import { HANGZHOU_ADDRESS } from "../../lib/qa/sample-addresses";
import { uniqueEmail } from "../support/env";
import { expect, test } from "../support/fixtures";
import { waitForMail } from "../support/mail";
import { fillAddress, openNewestOrder, payAndReturn } from "../support/pages";

/*
 * A new shopper's whole first order, with every mail read where a customer reads it: from the SMTP server the
 * store sends to (e2e/support/smtp-sink.ts), parsed with mailparser. Sign up → welcome mail → add an address at
 * checkout → pay → receipt (lines, total, address) → the marketer ships it → tracking on the order and in the
 * shipped mail → delivered → the shopper asks for a return → the marketer approves → refund on the order and in
 * the refund mail. The SKU is one no other spec buys; no stock figure is asserted (the PostgreSQL tests do).
 */

const SKU = { slug: "kite-band-4", code: "kite-band-4-coral" };
const TRACKING = "SF7654321098765";

function mailText(mail: ParsedMail): string {
  return (mail.text ?? "").replace(/\s+/g, " ");
}

test.describe("shopper: the whole journey", () => {
  // One order through its whole life with two browsers and five mails.
  test.slow();

  test("sign up → address → pay → receipt → shipped with tracking → return approved → refund, mailed over SMTP", async ({
    page,
    auth,
    product,
    marketer,
  }) => {
    const email = uniqueEmail();
    await auth.signUpAndWait("Chen Jing", email, "kite-journey-2026!");
    const welcome = await waitForMail({ to: email, subject: "Welcome to Kite, Chen Jing" });
    expect(welcome.html).toBeTruthy();
    expect(welcome.html).not.toMatch(/src="https?:/);

    // A first checkout asks for an address, then comes back to the cart.
    await product.open(SKU.slug, `?sku=${SKU.code}`);
    await product.addToCart();
    await page.goto("/cart");
    await expect(page.getByText("We need a delivery address before you pay.")).toBeVisible();
    await page.getByRole("link", { name: "Add a delivery address" }).click();
    const form = page.getByTestId("address-form");
    await fillAddress(form, HANGZHOU_ADDRESS);
    await form.getByRole("button", { name: "Save address" }).click();
    await page.waitForURL((url) => url.pathname === "/cart");
    await expect(page.getByText("Deliver to").first()).toBeVisible();
    await expect(page.getByText("18 Wensan Road, Building 7, Room 301").first()).toBeVisible();

    await page.getByRole("button", { name: "Checkout" }).click();
    await page.waitForURL(/\/checkout\/cs_/);
    await payAndReturn(page);
    const orderId = await openNewestOrder(page);
    const ref = orderId.slice(0, 8).toUpperCase();

    const receipt = await waitForMail({ to: email, subject: `Your Kite order ${ref} is confirmed` });
    expect(mailText(receipt)).toContain("Kite Band 4");
    expect(mailText(receipt)).toContain("18 Wensan Road, Building 7, Room 301");
    expect(mailText(receipt)).toMatch(/Total.*¥/);

    // The marketer packs and ships it; the shopper sees the tracking and gets the mail.
    const console = marketer.page;
    await console.goto(`/admin/orders/${orderId}`);
    await console.getByRole("button", { name: "Mark packed" }).click();
    await expect(console.getByTestId("form-message")).toContainText("Packed.");
    await console.getByLabel("Carrier").selectOption({ label: "SF Express" });
    await console.getByLabel("Tracking number").fill(TRACKING);
    await console.getByRole("button", { name: "Mark shipped" }).click();
    await expect(console.getByTestId("form-message")).toContainText(`Shipped with SF Express ${TRACKING}`);
    await page.reload();
    await expect(page.getByTestId("tracking").getByText(TRACKING)).toBeVisible();
    const shipped = await waitForMail({ to: email, subject: `Your Kite order ${ref} is on its way` });
    expect(mailText(shipped)).toContain(TRACKING);

    await console.getByRole("button", { name: "Mark delivered" }).click();
    await expect(console.getByTestId("form-message")).toContainText("Marked delivered.");

    // A return, asked from the order page and approved in the console: the refund follows.
    await page.reload();
    const section = page.getByTestId("returns");
    await section.getByLabel("Reason").selectOption({ label: "Changed my mind / no longer needed" });
    await section.getByRole("button", { name: "Request a return" }).click();
    await expect(section.getByTestId("return-stage")).toHaveText("Requested");

    await console.reload();
    const card = console.getByTestId("console-return");
    await card.getByRole("button", { name: "Approve and refund" }).click();
    await expect(card.getByTestId("return-stage")).toHaveText("Refunded");

    await page.reload();
    await expect(page.getByTestId("order-status")).toHaveText("Refunded");
    const refund = await waitForMail({
      to: email,
      subject: new RegExp(`^Refund of ¥.* for your Kite order ${ref}$`),
    });
    expect(mailText(refund)).toContain("We accepted your return");
  });
});
