import { composeLetter, mailTime, type PersonalMail, para, type RenderedMail, storeAction } from "./layout";

export interface FcodeReceivedMail extends PersonalMail {
  /** The code, grouped for reading (XXXX-XXXX-XXXX-XXXX). */
  code: string;
  productName: string;
  variantLabel: string;
  saleName: string;
  validFrom: Date;
  validUntil: Date;
}

/** Sent once per code given (keyed by the code's id), in the transaction that gives it. */
export function renderFcodeReceivedMail(mail: FcodeReceivedMail): RenderedMail {
  const what = `${mail.productName} (${mail.variantLabel})`;
  return composeLetter(mail, (store) => ({
    subject: `Your ${store.name} F-code for ${mail.productName}`,
    preheader: `An F-code that buys one ${what} in “${mail.saleName}”.`,
    blocks: [
      para(`You've been given an F-code: it buys one ${what} in “${mail.saleName}”, set aside for you.`),
      para(`Your code: ${mail.code}`),
      para(
        `It works from ${mailTime(mail.validFrom, store)} until ${mailTime(mail.validUntil, store)}, before or during the public sale.`,
      ),
      storeAction(store, "Use your F-code", `/f/${mail.code}`) ??
        para(`Enter it on your ${store.name} account page.`),
      para(
        "Can't use it? Pass it to a friend: send them the link. The first account to redeem it owns it, and it buys one unit, once.",
      ),
    ],
    why: `because the ${store.name} team gave an F-code to your account.`,
  }));
}
