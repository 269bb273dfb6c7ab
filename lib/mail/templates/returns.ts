import { composeOrderMail, mailTime, type OrderMailBase, para, type RenderedMail } from "./layout";

/** A return's mail: what was asked (the reason as the fan chose it) and when. */
export interface ReturnMail extends OrderMailBase {
  reasonLabel: string;
  at: Date;
}

/** To the fan, in the transaction that records the request: we have it, and what happens next. */
export function renderReturnRequestedMail(mail: ReturnMail): RenderedMail {
  const { store } = mail;
  return composeOrderMail(mail, (ref) => ({
    subject: `We received your return request for ${store.name} order ${ref}`,
    blocks: [
      para(
        `Hi ${mail.name}, you asked on ${mailTime(mail.at, store)} to return order ${ref} (${mail.reasonLabel}).`,
      ),
      para(
        "We'll look at it within two working days and write to you. Keep the items and their box until then; you don't need to send anything yet.",
      ),
    ],
    why: `because a return was requested for an order of your ${store.name} account.`,
  }));
}

/** Approved: the refund follows in its own mail once Stripe takes it. */
export function renderReturnApprovedMail(mail: ReturnMail): RenderedMail {
  const { store } = mail;
  return composeOrderMail(mail, (ref) => ({
    subject: `Your return of ${store.name} order ${ref} is approved`,
    blocks: [
      para(`Hi ${mail.name}, we approved your return of order ${ref} on ${mailTime(mail.at, store)}.`),
      para(
        "We're refunding the order in full now; a separate mail confirms the refund. Please send the items back in their box with the order number inside.",
      ),
    ],
    why: `because a return was approved for an order of your ${store.name} account.`,
  }));
}

/** Refused, with the marketer's reason, which the fan can answer through the contact page. */
export function renderReturnRefusedMail(mail: ReturnMail & { refusalReason: string }): RenderedMail {
  const { store } = mail;
  return composeOrderMail(mail, (ref) => ({
    subject: `About your return of ${store.name} order ${ref}`,
    blocks: [
      para(
        `Hi ${mail.name}, we can't accept the return of order ${ref} you asked for (${mail.reasonLabel}).`,
      ),
      para(`Why: ${mail.refusalReason}`),
      para("If something is missing from this, reply through the contact page and quote the order number."),
    ],
    why: `because a return was declined for an order of your ${store.name} account.`,
  }));
}
