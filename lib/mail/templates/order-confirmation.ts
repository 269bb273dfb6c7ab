import { MINOR_UNITS_PER_POINT } from "@/lib/points/rules";
import {
  composeOrderMail,
  escapeHtml,
  type MailBlock,
  MUTED,
  mailMoney,
  mailTime,
  type OrderMailBase,
  orderReference,
  para,
  type RenderedMail,
  richPara,
} from "./layout";

export interface ReceiptLine {
  productName: string;
  variantLabel: string;
  quantity: number;
  unitPriceMinor: number;
}

/**
 * Where the order goes, already formatted for its country by whoever owns addresses (a name, a phone, then the
 * address lines top to bottom). Orders have no address yet; when they gain one, pass the order's copy here.
 */
export interface MailAddress {
  name: string;
  phone?: string | undefined;
  lines: string[];
}

export interface OrderConfirmationMail extends OrderMailBase {
  paidAt: Date;
  currency: string;
  totalMinor: number;
  lines: ReceiptLine[];
  deliveryAddress?: MailAddress | null | undefined;
  /** Kite points that paid part of the order: one minor unit each (lib/points/rules.ts). */
  pointsSpent?: number | undefined;
}

function lineLabel(line: ReceiptLine): string {
  return `${line.quantity} × ${line.productName} (${line.variantLabel})`;
}

/** The receipt: one row per line (its amount; "each" under several units), then the total paid. */
function receipt(mail: OrderConfirmationMail): MailBlock {
  const money = (minor: number) => mailMoney(minor, mail.currency, mail.store);
  const ref = `Order ${orderReference(mail.orderId)}`;
  const total = money(mail.totalMinor);
  const text = mail.lines.map((l) => `${lineLabel(l)}  ${money(l.unitPriceMinor * l.quantity)}`);
  const cell = "padding:8px 0;border-bottom:1px solid #efefed;font-size:14px;vertical-align:top";
  const rows = mail.lines.map((l) => {
    const each =
      l.quantity > 1 ? `<br><span style="${MUTED}">${escapeHtml(money(l.unitPriceMinor))} each</span>` : "";
    return `<tr><td style="${cell}">${escapeHtml(lineLabel(l))}${each}</td><td align="right" style="${cell};white-space:nowrap">${escapeHtml(money(l.unitPriceMinor * l.quantity))}</td></tr>`;
  });
  const points = mail.pointsSpent ?? 0;
  if (points > 0) {
    const label = `Paid with ${points.toLocaleString("en")} Kite points`;
    const off = `−${money(points * MINOR_UNITS_PER_POINT)}`;
    text.push(`${label}  ${off}`);
    rows.push(
      `<tr><td style="${cell}">${escapeHtml(label)}</td><td align="right" style="${cell};white-space:nowrap">${escapeHtml(off)}</td></tr>`,
    );
  }
  const last = "padding:12px 0;font-weight:700";
  rows.push(
    `<tr><td style="${last}">Total paid</td><td align="right" style="${last};white-space:nowrap">${escapeHtml(total)}</td></tr>`,
  );
  return {
    text: `${ref}\n\n${text.join("\n")}\nTotal paid  ${total}`,
    html: `<p style="margin:0 0 4px;font-weight:700">${escapeHtml(ref)}</p><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 20px">${rows.join("")}</table>`,
  };
}

function deliveryBlock(address: MailAddress): MailBlock {
  const lines = [address.name, ...(address.phone ? [address.phone] : []), ...address.lines];
  return richPara(
    `Delivering to:\n${lines.join("\n")}`,
    `<strong>Delivering to</strong><br>${lines.map(escapeHtml).join("<br>")}`,
  );
}

/** The receipt, sent once per paid order in the transaction that marks it paid. */
export function renderOrderConfirmationMail(mail: OrderConfirmationMail): RenderedMail {
  const { store } = mail;
  return composeOrderMail(mail, (ref) => ({
    subject: `Your ${store.name} order ${ref} is confirmed`,
    blocks: [
      para(`Thank you, ${mail.name}. We received your payment on ${mailTime(mail.paidAt, store)}.`),
      receipt(mail),
      mail.deliveryAddress ? deliveryBlock(mail.deliveryAddress) : null,
      para("We'll email you again when it ships, with the tracking number."),
    ],
    why: `receipt because this order was placed with your ${store.name} account.`,
  }));
}
