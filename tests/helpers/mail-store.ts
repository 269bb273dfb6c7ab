import type { MailStore } from "@/lib/mail/templates/layout";

/**
 * The store the mail template tests render for: in Shanghai (UTC+8), so a mail that printed UTC or the server's
 * zone shows the wrong day, with a public address so links are absolute.
 */
export const TEST_MAIL_STORE: MailStore = {
  name: "Kite",
  timeZone: "Asia/Shanghai",
  locale: "en-US",
  url: "https://shop.kite.test",
};
