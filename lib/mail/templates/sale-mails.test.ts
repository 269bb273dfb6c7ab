import { describe, expect, it } from "vitest";
import { TEST_MAIL_STORE } from "@/tests/helpers/mail-store";
import { renderSaleReminderMail } from "./sale-reminder";
import { renderWaitlistOfferMail } from "./waitlist-offer";

const STORE = TEST_MAIL_STORE;
// 16:30 UTC is 00:30 the next day in Shanghai: the deadline must be the store's time, with its zone.
const AT = new Date("2031-03-14T16:30:00Z");
/** What both mails are about: the fan they go to and the sale. */
const FAN_AND_SALE = { store: STORE, name: "Lin", saleName: "Kite 9 Pro launch" };

describe("sale mails", () => {
  it("the waitlist offer names the unit, its deadline in the store's zone, and links to paying for it", () => {
    const mail = renderWaitlistOfferMail({
      ...FAN_AND_SALE,
      productName: "Kite 9 Pro",
      variantLabel: "Graphite · 256 GB",
      holdId: "3f2a9c1e-0b7d-4e55-9a10-5c6d7e8f9012",
      expiresAt: AT,
    });
    expect(mail.subject).toMatch(/^A Kite 9 Pro came back for you: pay by Sat, 15 Mar 2031, 00:30 GMT\+8$/);
    expect(mail.text).toContain("you were next on the waitlist");
    expect(mail.text).toContain("https://shop.kite.test/sales/holds/3f2a9c1e-0b7d-4e55-9a10-5c6d7e8f9012");
    expect(mail.html).not.toMatch(/<img|<script|<link/);
  });

  it("the reminder says when the sale starts and links to it", () => {
    const mail = renderSaleReminderMail({
      ...FAN_AND_SALE,
      saleSlug: "kite-9-pro-launch",
      startsAt: AT,
    });
    expect(mail.subject).toMatch(/^“Kite 9 Pro launch” starts at Sat, 15 Mar 2031, 00:30 GMT\+8$/);
    expect(mail.text).toContain("https://shop.kite.test/sales/kite-9-pro-launch");
  });

  it("the reminder names the version the fan chose, escaped in the HTML part", () => {
    const mail = renderSaleReminderMail({
      ...FAN_AND_SALE,
      saleSlug: "kite-9-pro-launch",
      startsAt: AT,
      chosenVersion: "Graphite · 12 GB + 256 GB",
    });
    expect(mail.text).toContain("Your version: Graphite · 12 GB + 256 GB.");
    expect(mail.html).toContain("Your version: Graphite · 12 GB + 256 GB.");
    expect(mail.text).not.toContain("haven't chosen");
  });

  it("the reminder says a fan without a version can still choose one until the start; a draw's says neither", () => {
    const unchosen = renderSaleReminderMail({
      ...FAN_AND_SALE,
      saleSlug: "kite-9-pro-launch",
      startsAt: AT,
      chosenVersion: null,
    });
    expect(unchosen.text).toContain(
      "You haven't chosen a version yet: you can choose one on the sale page until the sale starts at Sat, 15 Mar 2031, 00:30 GMT+8.",
    );
    expect(unchosen.text).not.toContain("Your version:");
    const draw = renderSaleReminderMail({ ...FAN_AND_SALE, saleSlug: "kite-9-pro-draw", startsAt: AT });
    expect(draw.text).not.toMatch(/Your version:|chosen a version/);
  });
});
