import { describe, expect, it } from "vitest";
import { TEST_MAIL_STORE } from "@/tests/helpers/mail-store";
import { renderBetaResultMail } from "./beta";
import { renderDrawResultMail } from "./draw";
import { renderEmailChangeConfirmMail, renderEmailChangedNoticeMail } from "./email-change";
import { renderFcodeReceivedMail } from "./fcode";
import type { RenderedMail } from "./layout";
import { renderOrderConfirmationMail } from "./order-confirmation";
import { renderPasswordResetMail } from "./password-reset";
import { renderRefundMail } from "./refund";
import { renderShippedMail } from "./shipped";
import { renderWelcomeMail } from "./welcome";

const STORE = TEST_MAIL_STORE;
// 16:30 UTC is 00:30 the next day in Shanghai: a mail that printed UTC (or the server's zone) shows the wrong day.
const PAID_AT = new Date("2026-03-14T16:30:00Z");
const ORDER_ID = "3f2a9c1e-0b7d-4e55-9a10-5c6d7e8f9012";

const ORDER = {
  store: STORE,
  name: "Lin",
  orderId: ORDER_ID,
  paidAt: PAID_AT,
  currency: "CNY",
  totalMinor: 1_069_700,
  lines: [
    { productName: "Kite 9 Pro", variantLabel: "Graphite, 256 GB", quantity: 2, unitPriceMinor: 449_900 },
    { productName: "Kite Buds 2", variantLabel: "White", quantity: 1, unitPriceMinor: 169_900 },
  ],
};

const SHIPPED = {
  store: STORE,
  name: "Lin",
  orderId: ORDER_ID,
  shippedAt: PAID_AT,
  carrier: "SF Express",
  trackingNumber: "SF1234567890",
};

function everyMail(): [string, RenderedMail][] {
  return [
    [
      "welcome",
      renderWelcomeMail({ store: STORE, name: "Lin", email: "lin@example.com", createdAt: PAID_AT }),
    ],
    ["order confirmation", renderOrderConfirmationMail(ORDER)],
    [
      "refund",
      renderRefundMail({
        store: STORE,
        name: "Lin",
        orderId: ORDER_ID,
        amountMinor: 449_900,
        currency: "CNY",
        refundedAt: PAID_AT,
      }),
    ],
    ["shipped", renderShippedMail(SHIPPED)],
    [
      "password reset",
      renderPasswordResetMail({
        store: STORE,
        name: "Lin",
        resetUrl: "https://shop.kite.test/reset-password/tok_abc",
        expiresAt: PAID_AT,
      }),
    ],
    [
      "email change confirmation",
      renderEmailChangeConfirmMail({
        store: STORE,
        name: "Lin",
        newEmail: "lin.new@example.com",
        confirmUrl: "https://shop.kite.test/account/confirm-email?token=tok_abc",
        expiresAt: PAID_AT,
      }),
    ],
    [
      "F-code received",
      renderFcodeReceivedMail({
        store: STORE,
        name: "Lin",
        code: "7KQ4-MZ9C-ABCD-EFGH",
        productName: "Kite 9 Pro",
        variantLabel: "Graphite · 12 GB + 256 GB",
        saleName: "Noon drop",
        validFrom: PAID_AT,
        validUntil: new Date(PAID_AT.getTime() + 86_400_000),
      }),
    ],
    [
      "draw won",
      renderDrawResultMail({
        store: STORE,
        name: "Lin",
        saleName: "Noon drop",
        saleSlug: "noon-drop",
        productName: "Kite 9 Pro",
        won: { holdId: "hold-1", deadline: PAID_AT, promoted: false },
        reservePlace: null,
      }),
    ],
    [
      "email changed notice",
      renderEmailChangedNoticeMail({
        store: STORE,
        name: "Lin",
        oldEmail: "lin@example.com",
        newEmail: "lin.new@example.com",
        changedAt: PAID_AT,
      }),
    ],
  ];
}

describe("mail templates", () => {
  it.each(everyMail())("%s: no remote assets, only links into the store", (_kind, mail) => {
    expect(mail.html).not.toMatch(/<img|<link|<script|<style|<iframe|url\(|@import|\bsrc=/i);
    const urls = [...mail.html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]);
    for (const url of urls) expect(url.startsWith("https://shop.kite.test/")).toBe(true);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).not.toMatch(/<[a-z]/i);
  });

  it.each(everyMail())("%s: times in the store's zone, named", (_kind, mail) => {
    // Sun, 15 Mar 2026, 00:30 GMT+8: Shanghai's date, not UTC's 14 March.
    expect(mail.text).toContain("Sun, 15 Mar 2026, 00:30 GMT+8");
    expect(mail.html).toContain("Sun, 15 Mar 2026, 00:30 GMT+8");
    expect(mail.text).not.toContain("16:30");
  });

  it("tells a draw's winner the deadline and the link, and the others their place on the reserve list", () => {
    const base = {
      store: STORE,
      name: "Lin",
      saleName: "Noon drop",
      saleSlug: "noon-drop",
      productName: "Kite 9 Pro",
    };
    const won = renderDrawResultMail({
      ...base,
      won: { holdId: "h1", deadline: PAID_AT, promoted: true },
      reservePlace: null,
    });
    expect(won.subject).toBe("You can buy Kite 9 Pro: pay by Sun, 15 Mar 2026, 00:30 GMT+8");
    expect(won.html).toContain("https://shop.kite.test/sales/holds/h1");
    expect(won.text).toContain("came back");
    const lost = renderDrawResultMail({ ...base, won: null, reservePlace: 7 });
    expect(lost.subject).toBe("Not this time: the draw of “Noon drop”");
    expect(lost.text).toContain("You're number 7 on the reserve list");
    expect(lost.html).toContain("https://shop.kite.test/sales/noon-drop");
  });

  it("tells a beta applicant the result: selected with the price and the link, or not this time", () => {
    const base = { store: STORE, name: "Lin", betaTitle: "Kite Band 5 beta", productName: "Kite Band 5" };
    const yes = renderBetaResultMail({ ...base, selected: true, price: "¥5.00 and 300 points" });
    expect(yes.subject).toBe("You're in: Kite Band 5 beta");
    expect(yes.text).toContain("¥5.00 and 300 points");
    expect(yes.html).toContain("https://shop.kite.test/account/betas");
    const no = renderBetaResultMail({ ...base, selected: false, price: "¥5.00 and 300 points" });
    expect(no.subject).toBe("Your application: Kite Band 5 beta");
    expect(no.text).toContain("wasn't among those selected");
    for (const mail of [yes, no]) expect(mail.html).not.toMatch(/<img|<script|\bsrc=/i);
  });

  it("gives the F-code, what it buys and its link", () => {
    const mail = renderFcodeReceivedMail({
      store: STORE,
      name: "Lin",
      code: "7KQ4-MZ9C-ABCD-EFGH",
      productName: "Kite 9 Pro",
      variantLabel: "Graphite",
      saleName: "Noon drop",
      validFrom: PAID_AT,
      validUntil: PAID_AT,
    });
    expect(mail.subject).toBe("Your Kite F-code for Kite 9 Pro");
    expect(mail.text).toContain("7KQ4-MZ9C-ABCD-EFGH");
    expect(mail.html).toContain("https://shop.kite.test/f/7KQ4-MZ9C-ABCD-EFGH");
    expect(mail.text).toContain("one Kite 9 Pro (Graphite) in “Noon drop”");
  });

  it("prints a receipt: every line, its amount, the total, in the store's currency", () => {
    const mail = renderOrderConfirmationMail(ORDER);
    expect(mail.subject).toBe("Your Kite order 3F2A9C1E is confirmed");
    expect(mail.text).toContain("2 × Kite 9 Pro (Graphite, 256 GB)  ¥8,998.00");
    expect(mail.text).toContain("1 × Kite Buds 2 (White)  ¥1,699.00");
    expect(mail.text).toContain("Total paid  ¥10,697.00");
    expect(mail.html).toContain("¥4,499.00 each");
    expect(mail.html).toContain("¥10,697.00");
    expect(mail.text).toContain("https://shop.kite.test/account/orders/3f2a9c1e-0b7d-4e55-9a10-5c6d7e8f9012");
    expect(mail.text).not.toContain("Delivering to");
  });

  it("shows the Kite points that paid part of the order, before the total paid", () => {
    const mail = renderOrderConfirmationMail({ ...ORDER, totalMinor: 1_059_700, pointsSpent: 10_000 });
    expect(mail.text).toContain("Paid with 10,000 Kite points  −¥100.00\nTotal paid  ¥10,597.00");
    expect(mail.html).toContain("Paid with 10,000 Kite points");
    expect(renderOrderConfirmationMail(ORDER).text).not.toContain("Kite points");
  });

  it("shows the delivery address when the order has one", () => {
    const mail = renderOrderConfirmationMail({
      ...ORDER,
      deliveryAddress: {
        name: "Lin Wei",
        phone: "138 0013 8000",
        lines: ["88 Century Ave", "Shanghai 200120"],
      },
    });
    expect(mail.text).toContain("Delivering to:\nLin Wei\n138 0013 8000\n88 Century Ave\nShanghai 200120");
    expect(mail.html).toContain("Lin Wei<br>138 0013 8000<br>88 Century Ave");
  });

  it("formats amounts in the currency's own digits and the store's locale", () => {
    const yen = renderRefundMail({
      store: STORE,
      name: "Lin",
      orderId: ORDER_ID,
      amountMinor: 12_800,
      currency: "JPY",
      refundedAt: PAID_AT,
      reason: "Sold out before your payment arrived.",
    });
    expect(yen.subject).toBe("Refund of ¥12,800 for your Kite order 3F2A9C1E");
    expect(yen.text).toContain("Sold out before your payment arrived.");
    const german = renderRefundMail({
      store: { ...STORE, locale: "de-DE" },
      name: "Lin",
      orderId: ORDER_ID,
      amountMinor: 449_900,
      currency: "CNY",
      refundedAt: PAID_AT,
    });
    expect(german.subject).toContain("4.499,00\u00a0¥");
  });

  it("escapes what people typed (names, products) in HTML and keeps plain text plain", () => {
    const mail = renderWelcomeMail({
      store: STORE,
      name: `<script>alert("x")</script> & Co`,
      email: "x@example.com",
      createdAt: PAID_AT,
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(mail.text).toContain(`Hi <script>alert("x")</script> & Co,`);
  });

  it("without the store's address, names no link rather than a broken one", () => {
    const mail = renderOrderConfirmationMail({ ...ORDER, store: { ...STORE, url: undefined } });
    expect(mail.html).not.toMatch(/href=/);
    expect(mail.text).not.toMatch(/https?:/);
  });

  it("tells a shipped order's carrier and tracking number", () => {
    const mail = renderShippedMail({ ...SHIPPED, trackingUrl: "https://shop.kite.test/track/SF1234567890" });
    expect(mail.text).toContain("Carrier: SF Express\nTracking number: SF1234567890");
    expect(mail.text).toContain("Track your parcel: https://shop.kite.test/track/SF1234567890");
    expect(mail.html).toContain("<strong>SF1234567890</strong>");
  });
});
