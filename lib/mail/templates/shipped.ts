import {
  button,
  escapeHtml,
  htmlDocument,
  type MailStore,
  mailTime,
  orderReference,
  paragraph,
  type RenderedMail,
  storeLink,
  textDocument,
} from "./layout";

export interface ShippedMail {
  store: MailStore;
  name: string;
  orderId: string;
  shippedAt: Date;
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page, when the store knows its address pattern. */
  trackingUrl?: string | null | undefined;
}

/** Sent when an order is marked shipped (the console's shipping step calls it in that transaction). */
export function renderShippedMail(mail: ShippedMail): RenderedMail {
  const { store } = mail;
  const ref = orderReference(mail.orderId);
  const subject = `Your ${store.name} order ${ref} is on its way`;
  const intro = `Good news, ${mail.name}: order ${ref} left our warehouse on ${mailTime(mail.shippedAt, store)}.`;
  const tracking = `Carrier: ${mail.carrier}\nTracking number: ${mail.trackingNumber}`;
  const orderUrl = storeLink(store, `/account/orders/${mail.orderId}`);
  const footer = `Order ${ref}. You're receiving this because an order of your ${store.name} account was shipped.`;
  const text = textDocument(
    [
      intro,
      tracking,
      mail.trackingUrl ? `Track it: ${mail.trackingUrl}` : null,
      orderUrl ? `See your order: ${orderUrl}` : null,
    ],
    footer,
  );
  const html = htmlDocument({
    store,
    title: subject,
    preheader: intro,
    body: [
      paragraph(escapeHtml(intro)),
      paragraph(
        `Carrier: <strong>${escapeHtml(mail.carrier)}</strong><br>Tracking number: <strong>${escapeHtml(mail.trackingNumber)}</strong>`,
      ),
      mail.trackingUrl ? button("Track your parcel", mail.trackingUrl) : "",
      orderUrl ? paragraph(`<a href="${escapeHtml(orderUrl)}" style="color:#b3321b">See your order</a>`) : "",
    ].join("\n"),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
