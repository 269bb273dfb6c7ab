import {
  button,
  escapeHtml,
  htmlDocument,
  type MailStore,
  MUTED,
  mailMoney,
  mailTime,
  orderReference,
  paragraph,
  type RenderedMail,
  storeLink,
  textDocument,
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

export interface OrderConfirmationMail {
  store: MailStore;
  name: string;
  orderId: string;
  paidAt: Date;
  currency: string;
  totalMinor: number;
  lines: ReceiptLine[];
  deliveryAddress?: MailAddress | null | undefined;
}

function lineLabel(line: ReceiptLine): string {
  return `${line.quantity} × ${line.productName} (${line.variantLabel})`;
}

function receiptText(mail: OrderConfirmationMail): string {
  const rows = mail.lines.map(
    (l) => `${lineLabel(l)}  ${mailMoney(l.unitPriceMinor * l.quantity, mail.currency, mail.store)}`,
  );
  rows.push(`Total paid  ${mailMoney(mail.totalMinor, mail.currency, mail.store)}`);
  return rows.join("\n");
}

function receiptHtml(mail: OrderConfirmationMail): string {
  const cell = "padding:8px 0;border-bottom:1px solid #efefed;font-size:14px;vertical-align:top";
  const rows = mail.lines.map((l) => {
    const amount = mailMoney(l.unitPriceMinor * l.quantity, mail.currency, mail.store);
    const each =
      l.quantity > 1
        ? `<br><span style="${MUTED}">${escapeHtml(mailMoney(l.unitPriceMinor, mail.currency, mail.store))} each</span>`
        : "";
    return `<tr><td style="${cell}">${escapeHtml(lineLabel(l))}${each}</td><td align="right" style="${cell};white-space:nowrap">${escapeHtml(amount)}</td></tr>`;
  });
  const total = escapeHtml(mailMoney(mail.totalMinor, mail.currency, mail.store));
  rows.push(
    `<tr><td style="padding:12px 0;font-weight:700">Total paid</td><td align="right" style="padding:12px 0;font-weight:700;white-space:nowrap">${total}</td></tr>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 20px">${rows.join("")}</table>`;
}

function addressLines(address: MailAddress): string[] {
  return [address.name, ...(address.phone ? [address.phone] : []), ...address.lines];
}

/** The receipt, sent once per paid order in the transaction that marks it paid. */
export function renderOrderConfirmationMail(mail: OrderConfirmationMail): RenderedMail {
  const { store } = mail;
  const ref = orderReference(mail.orderId);
  const subject = `Your ${store.name} order ${ref} is confirmed`;
  const intro = `Thank you, ${mail.name}. We received your payment on ${mailTime(mail.paidAt, store)}.`;
  const orderUrl = storeLink(store, `/account/orders/${mail.orderId}`);
  const address = mail.deliveryAddress ? addressLines(mail.deliveryAddress) : null;
  const next = "We'll email you again when it ships, with the tracking number.";
  const footer = `Order ${ref}. You're receiving this receipt because this order was placed with your ${store.name} account.`;
  const text = textDocument(
    [
      intro,
      `Order ${ref}\n\n${receiptText(mail)}`,
      address ? `Delivering to:\n${address.join("\n")}` : null,
      next,
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
      paragraph(`<strong>Order ${escapeHtml(ref)}</strong>`, "margin-bottom:4px"),
      receiptHtml(mail),
      address ? paragraph(`<strong>Delivering to</strong><br>${address.map(escapeHtml).join("<br>")}`) : "",
      paragraph(escapeHtml(next)),
      orderUrl ? button("See your order", orderUrl) : "",
    ].join("\n"),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
