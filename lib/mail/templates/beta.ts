import { composeLetter, type PersonalMail, para, type RenderedMail, storeAction } from "./layout";

export interface BetaResultMail extends PersonalMail {
  selected: boolean;
  betaTitle: string;
  productName: string;
  /** What a seat costs, as the fan reads it ("¥1.00 and 300 points"). */
  price: string;
}

/** The result of a beta application, once per application (keyed by it), in the selecting transaction. */
export function renderBetaResultMail(mail: BetaResultMail): RenderedMail {
  return composeLetter(mail, (store) => {
    const why = `because you applied to a ${store.name} beta.`;
    if (mail.selected) {
      return {
        subject: `You're in: ${mail.betaTitle}`,
        preheader: `A seat in the ${mail.productName} beta is yours to buy.`,
        blocks: [
          para(`You've been selected for “${mail.betaTitle}”: one ${mail.productName} is set aside for you.`),
          para(
            `Your seat costs ${mail.price}. Seats go to selected fans who buy first, so don't wait too long.`,
          ),
          storeAction(store, "Buy your beta unit", "/account/betas") ??
            para(`Buy it from your ${store.name} account page.`),
        ],
        why,
      };
    }
    return {
      subject: `Your application: ${mail.betaTitle}`,
      preheader: "This time the seats went to other fans.",
      blocks: [
        para(
          `Thank you for applying to “${mail.betaTitle}”. There were more applicants than seats, and this time yours wasn't among those selected.`,
        ),
        para(
          "Seats go by the published rule: highest lifetime Kite Club points first, then the earliest application.",
        ),
        storeAction(store, "See your applications", "/account/betas") ??
          para(`Your ${store.name} account page lists them.`),
      ],
      why,
    };
  });
}
