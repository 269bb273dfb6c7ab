import {
  action,
  composeOrderMail,
  escapeHtml,
  mailTime,
  type OrderMailBase,
  para,
  type RenderedMail,
  richPara,
} from "./layout";

/** The parcel as the carrier took it: when, who carries it and the number to follow it by. */
export interface Parcel {
  shippedAt: Date;
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page, when the store knows its address pattern. */
  trackingUrl?: string | null | undefined;
}
export type ShippedMail = OrderMailBase & Parcel;

/** Sent when an order is marked shipped (the console's shipping step calls it in that transaction). */
export function renderShippedMail(mail: ShippedMail): RenderedMail {
  const { store } = mail;
  return composeOrderMail(mail, (ref) => ({
    subject: `Your ${store.name} order ${ref} is on its way`,
    blocks: [
      para(`Good news, ${mail.name}: order ${ref} left our warehouse on ${mailTime(mail.shippedAt, store)}.`),
      richPara(
        `Carrier: ${mail.carrier}\nTracking number: ${mail.trackingNumber}`,
        `Carrier: <strong>${escapeHtml(mail.carrier)}</strong><br>Tracking number: <strong>${escapeHtml(mail.trackingNumber)}</strong>`,
      ),
      mail.trackingUrl ? action("Track your parcel", mail.trackingUrl) : null,
    ],
    why: `because an order of your ${store.name} account was shipped.`,
  }));
}
