import { composeLetter, mailTime, type PersonalMail, para, type RenderedMail, storeAction } from "./layout";

export interface WaitlistOfferMail extends PersonalMail {
  saleName: string;
  productName: string;
  variantLabel: string;
  holdId: string;
  expiresAt: Date;
}

/** Sent once per offer (keyed by the waitlist entry), when a returned unit is held for the next fan in line. */
export function renderWaitlistOfferMail(mail: WaitlistOfferMail): RenderedMail {
  const what = `${mail.productName} (${mail.variantLabel})`;
  return composeLetter(mail, (store) => {
    const deadline = mailTime(mail.expiresAt, store);
    return {
      subject: `A ${mail.productName} came back for you: pay by ${deadline}`,
      preheader: `You were next on the waitlist of “${mail.saleName}”. It's held for you until ${deadline}.`,
      blocks: [
        para(`A fan didn't pay for their ${what} in “${mail.saleName}”, and you were next on the waitlist.`),
        para(
          `It's held for you until ${deadline}. Pay before then and it's yours; after that it goes to the next fan in line.`,
        ),
        storeAction(store, "Pay for your unit", `/sales/holds/${mail.holdId}`) ??
          para(`Open the sale on ${store.name} to pay for it.`),
      ],
      why: `because you joined the waitlist of “${mail.saleName}”.`,
    };
  });
}
