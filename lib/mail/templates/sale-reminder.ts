import { composeLetter, mailTime, type PersonalMail, para, type RenderedMail, storeAction } from "./layout";

export interface SaleReminderMail extends PersonalMail {
  saleName: string;
  saleSlug: string;
  startsAt: Date;
}

/** Sent once per registered fan a few minutes before a sale starts (keyed by sale and fan). */
export function renderSaleReminderMail(mail: SaleReminderMail): RenderedMail {
  return composeLetter(mail, (store) => {
    const start = mailTime(mail.startsAt, store);
    return {
      subject: `“${mail.saleName}” starts at ${start}`,
      preheader: `You registered for “${mail.saleName}”: it starts at ${start}.`,
      blocks: [
        para(
          `“${mail.saleName}” starts at ${start}, in a few minutes. You registered, so you can buy the moment it opens.`,
        ),
        storeAction(store, "Open the sale", `/sales/${mail.saleSlug}`) ??
          para(`Open the sale on ${store.name}.`),
      ],
      why: `because you registered for “${mail.saleName}”.`,
    };
  });
}
