import {
  action,
  composeMail,
  mailMoney,
  mailTime,
  type OrderMailBase,
  orderReference,
  para,
  type RenderedMail,
  storeLink,
} from "./layout";

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
  const ref = orderReference(mail.orderId);
  const amount = mailMoney(mail.amountMinor, mail.currency, store);
  const orderUrl = storeLink(store, `/account/orders/${mail.orderId}`);
  return composeMail({
    store,
    subject: `Refund of ${amount} for your ${store.name} order ${ref}`,
    blocks: [
      para(`Hi ${mail.name}, we refunded ${amount} for order ${ref} on ${mailTime(mail.refundedAt, store)}.`),
      mail.reason ? para(mail.reason) : null,
      para(
        "It goes back to the card or account you paid with; depending on your bank it can take 5 to 10 business days to show.",
      ),
      orderUrl ? action("See your order", orderUrl) : null,
    ],
    footer: `Order ${ref}. You're receiving this because a refund was made for an order of your ${store.name} account.`,
  });
}
