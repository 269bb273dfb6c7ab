import {
  action,
  composeMail,
  mailTime,
  type PersonalMail,
  para,
  type RenderedMail,
  storeLink,
} from "./layout";

export interface SaleReminderMail extends PersonalMail {
  saleName: string;
  saleSlug: string;
  startsAt: Date;
}

/** Sent once per registered fan a few minutes before a sale starts (keyed by sale and fan). */
export function renderSaleReminderMail(mail: SaleReminderMail): RenderedMail {
  const { store } = mail;
  const start = mailTime(mail.startsAt, store);
  const link = storeLink(store, `/sales/${mail.saleSlug}`);
  return composeMail({
    store,
    subject: `“${mail.saleName}” starts at ${start}`,
    preheader: `You registered for “${mail.saleName}”: it starts at ${start}.`,
    blocks: [
      para(`Hi ${mail.name},`),
      para(
        `“${mail.saleName}” starts at ${start}, in a few minutes. You registered, so you can buy the moment it opens.`,
      ),
      link ? action("Open the sale", link) : para(`Open the sale on ${store.name}.`),
      para(`The ${store.name} team`),
    ],
    footer: `You're receiving this because you registered for “${mail.saleName}”.`,
  });
}
