import { composeOrderMail, mailMoney, mailTime, type OrderMailBase, para, type RenderedMail } from "./layout";

export interface RefundMail extends OrderMailBase {
  amountMinor: number;
  currency: string;
  refundedAt: Date;
  /** Why, in a sentence for the buyer; omitted when the refund was made elsewhere (Stripe's dashboard). */
  reason?: string | null | undefined;
}

/** Sent once per refund (keyed by the refund's id), in the transaction that records it. */
export function renderRefundMail(mail: RefundMail): RenderedMail {
  const { store } = mail;
  const amount = mailMoney(mail.amountMinor, mail.currency, store);
  return composeOrderMail(mail, (ref) => ({
    subject: `Refund of ${amount} for your ${store.name} order ${ref}`,
    blocks: [
      para(`Hi ${mail.name}, we refunded ${amount} for order ${ref} on ${mailTime(mail.refundedAt, store)}.`),
      mail.reason ? para(mail.reason) : null,
      para(
        "It goes back to the card or account you paid with; depending on your bank it can take 5 to 10 business days to show.",
      ),
    ],
    why: `because a refund was made for an order of your ${store.name} account.`,
  }));
}
