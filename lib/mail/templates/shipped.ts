import {
  action,
  composeMail,
  escapeHtml,
  mailTime,
  type OrderMailBase,
  orderReference,
  para,
  type RenderedMail,
  richPara,
  storeLink,
} from "./layout";

export interface ShippedMail extends OrderMailBase {
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
  const orderUrl = storeLink(store, `/account/orders/${mail.orderId}`);
  return composeMail({
    store,
    subject: `Your ${store.name} order ${ref} is on its way`,
    blocks: [
      para(`Good news, ${mail.name}: order ${ref} left our warehouse on ${mailTime(mail.shippedAt, store)}.`),
      richPara(
        `Carrier: ${mail.carrier}\nTracking number: ${mail.trackingNumber}`,
        `Carrier: <strong>${escapeHtml(mail.carrier)}</strong><br>Tracking number: <strong>${escapeHtml(mail.trackingNumber)}</strong>`,
      ),
      mail.trackingUrl ? action("Track your parcel", mail.trackingUrl) : null,
      orderUrl ? action("See your order", orderUrl) : null,
    ],
    footer: `Order ${ref}. You're receiving this because an order of your ${store.name} account was shipped.`,
  });
}
