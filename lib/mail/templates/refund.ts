import {
  button,
  escapeHtml,
  htmlDocument,
  type MailStore,
  mailMoney,
  mailTime,
  orderReference,
  paragraph,
  type RenderedMail,
  storeLink,
  textDocument,
} from "./layout";

export interface RefundMail {
  store: MailStore;
  name: string;
  orderId: string;
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
  const subject = `Refund of ${amount} for your ${store.name} order ${ref}`;
  const intro = `Hi ${mail.name}, we refunded ${amount} for order ${ref} on ${mailTime(mail.refundedAt, store)}.`;
  const timing =
    "It goes back to the card or account you paid with; depending on your bank it can take 5 to 10 business days to show.";
  const orderUrl = storeLink(store, `/account/orders/${mail.orderId}`);
  const footer = `Order ${ref}. You're receiving this because a refund was made for an order of your ${store.name} account.`;
  const text = textDocument(
    [intro, mail.reason ?? null, timing, orderUrl ? `See your order: ${orderUrl}` : null],
    footer,
  );
  const html = htmlDocument({
    store,
    title: subject,
    preheader: intro,
    body: [
      paragraph(escapeHtml(intro)),
      mail.reason ? paragraph(escapeHtml(mail.reason)) : "",
      paragraph(escapeHtml(timing)),
      orderUrl ? button("See your order", orderUrl) : "",
    ].join("\n"),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
