import { composeLetter, mailTime, type PersonalMail, para, type RenderedMail, storeAction } from "./layout";

export interface SaleReminderMail extends PersonalMail {
  saleName: string;
  saleSlug: string;
  startsAt: Date;
  /**
   * The version the fan chose at registration ("Graphite · 12 GB + 256 GB"), null when they have not chosen one
   * yet, or undefined for a sale without a choice (a draw).
   */
  chosenVersion?: string | null;
}

/** The line about the fan's version: the one they chose, or that they can still choose one before the start. */
function versionLine(chosenVersion: string | null | undefined, start: string): string | null {
  if (chosenVersion === undefined) return null;
  return chosenVersion
    ? `Your version: ${chosenVersion}. You can change it on the sale page until ${start}.`
    : `You haven't chosen a version yet: you can choose one on the sale page until the sale starts at ${start}.`;
}

/** Sent once per registered fan a few minutes before a sale starts (keyed by sale and fan). */
export function renderSaleReminderMail(mail: SaleReminderMail): RenderedMail {
  return composeLetter(mail, (store) => {
    const start = mailTime(mail.startsAt, store);
    const version = versionLine(mail.chosenVersion, start);
    return {
      subject: `“${mail.saleName}” starts at ${start}`,
      preheader: `You registered for “${mail.saleName}”: it starts at ${start}.`,
      blocks: [
        para(
          `“${mail.saleName}” starts at ${start}, in a few minutes. You registered, so you can buy the moment it opens.`,
        ),
        ...(version ? [para(version)] : []),
        storeAction(store, "Open the sale", `/sales/${mail.saleSlug}`) ??
          para(`Open the sale on ${store.name}.`),
      ],
      why: `because you registered for “${mail.saleName}”.`,
    };
  });
}
