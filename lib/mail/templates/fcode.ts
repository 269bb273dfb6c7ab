import {
  action,
  composeMail,
  mailTime,
  type PersonalMail,
  para,
  type RenderedMail,
  storeLink,
} from "./layout";

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
  const { store } = mail;
  const what = `${mail.productName} (${mail.variantLabel})`;
  const link = storeLink(store, `/f/${mail.code}`);
  const window = `It works from ${mailTime(mail.validFrom, store)} until ${mailTime(mail.validUntil, store)}, before or during the public sale.`;
  return composeMail({
    store,
    subject: `Your ${store.name} F-code for ${mail.productName}`,
    preheader: `An F-code that buys one ${what} in “${mail.saleName}”.`,
    blocks: [
      para(`Hi ${mail.name},`),
      para(`You've been given an F-code: it buys one ${what} in “${mail.saleName}”, set aside for you.`),
      para(`Your code: ${mail.code}`),
      para(window),
      link ? action("Use your F-code", link) : para(`Enter it on your ${store.name} account page.`),
      para(
        "Can't use it? Pass it to a friend: send them the link. The first account to redeem it owns it, and it buys one unit, once.",
      ),
      para(`The ${store.name} team`),
    ],
    footer: `You're receiving this because the ${store.name} team gave an F-code to your account.`,
  });
}
