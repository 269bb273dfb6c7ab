import { formatMoney } from "@/lib/money";
import { formatStoreDateTime } from "@/lib/store-time";

/**
 * The pieces every mail is drawn with: pure functions, no I/O, so each template is tested by calling it. HTML mail
 * clients drop <style> blocks and block remote images, so the HTML has inline styles only and no images, fonts,
 * scripts or stylesheets from anywhere: links to the store are the only URLs in it.
 */

/** What every template needs to know about the store: its name, zone, locale and (when known) its address. */
export interface MailStore {
  name: string;
  timeZone: string;
  locale: string;
  /** The store's origin (`https://kite.example`), for links; without it the mail names pages instead. */
  url?: string | undefined;
}

/** What every mail to one person starts from: the store, and the name it greets them by. */
export interface PersonalMail {
  store: MailStore;
  name: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** "Sat 14 Mar 2026, 12:00 GMT+8": always the store's zone, always named. */
export function mailTime(at: Date, store: MailStore): string {
  return formatStoreDateTime(at, store.timeZone);
}

export function mailMoney(amountMinor: number, currency: string, store: MailStore): string {
  return formatMoney(amountMinor, currency, store.locale);
}

/** How the store names an order to people (the order page says the same): the id's first 8 characters. */
export function orderReference(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/** An absolute link into the store, or null when the store's address is not configured. */
export function storeLink(store: MailStore, path: string): string | null {
  if (!store.url) return null;
  return new URL(path, store.url).toString();
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
export const MUTED = "color:#6b6b66";

function paragraph(html: string, style = ""): string {
  return `<p style="margin:0 0 16px;font-size:15px;line-height:1.55;${style}">${html}</p>`;
}

/** A paragraph with markup: `html` is the escaped inner HTML, `text` what plain readers get instead. */
export function richPara(text: string, html: string): MailBlock {
  return { text, html: paragraph(html) };
}

/** A call to action: a link styled as a button (no image), with its URL spelled out beneath for plain readers. */
function button(label: string, href: string): string {
  const a = `<a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#c9381f;color:#ffffff;font-weight:600;text-decoration:none">${escapeHtml(label)}</a>`;
  return `<p style="margin:0 0 24px">${a}</p>`;
}

/** The frame: the store's name as text (no logo image), the body, and a footer saying why this mail came. */
function htmlDocument({
  store,
  title,
  preheader,
  body,
  footer,
}: {
  store: MailStore;
  title: string;
  preheader: string;
  body: string;
  footer: string;
}): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f8f8f7;${FONT};color:#171716">`,
    `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(preheader)}</div>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f8f8f7">',
    '<tr><td align="center" style="padding:24px 12px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px">',
    `<tr><td style="padding:20px 28px;border-bottom:1px solid #efefed;font-size:20px;font-weight:700;color:#c9381f">${escapeHtml(store.name)}</td></tr>`,
    `<tr><td style="padding:28px">${body}</td></tr>`,
    `<tr><td style="padding:16px 28px;border-top:1px solid #efefed;font-size:12px;line-height:1.5;${MUTED}">${footer}</td></tr>`,
    "</table></td></tr></table></body></html>",
  ].join("\n");
}

/** Plain text: paragraphs separated by blank lines, then the footer under a rule. */
function textDocument(paragraphs: string[], footer: string): string {
  return `${paragraphs.join("\n\n")}\n\n--\n${footer}\n`;
}

/** One block of a mail, written once for each part: what the plain text says and how the HTML draws it. */
export interface MailBlock {
  text: string;
  html: string;
}

/** A paragraph of plain words, escaped for the HTML part. */
export function para(text: string): MailBlock {
  return { text, html: paragraph(escapeHtml(text)) };
}

/** A call to action: a button in HTML, "label: url" in plain text. */
export function action(label: string, href: string): MailBlock {
  return { text: `${label}: ${href}`, html: button(label, href) };
}

/** What a template builds inside a frame: `why` ends the footer's "You're receiving this …" sentence. */
interface FramedMail {
  subject: string;
  preheader?: string;
  blocks: (MailBlock | null | false | undefined)[];
  why: string;
}

/** A mail about a person's account (no order): the frame the account mails share. */
export function composeAccountMail(
  mail: PersonalMail,
  build: (store: MailStore) => FramedMail,
): RenderedMail {
  const { why, ...framed } = build(mail.store);
  return composeMail({ store: mail.store, ...framed, footer: `You're receiving this ${why}` });
}

/**
 * An account mail written as a letter: "Hi <name>," opens it and "The <store> team" signs it, around the blocks
 * `build` writes (the welcome and the F-code mail).
 */
export function composeLetter(mail: PersonalMail, build: (store: MailStore) => FramedMail): RenderedMail {
  return composeAccountMail(mail, (store) => {
    const framed = build(store);
    return {
      ...framed,
      blocks: [para(`Hi ${mail.name},`), ...framed.blocks, para(`The ${store.name} team`)],
    };
  });
}

/** A button to a page of the store; null when mail has no public address for the store to link to. */
export function storeAction(store: MailStore, label: string, path: string): MailBlock | null {
  const href = storeLink(store, path);
  return href ? action(label, href) : null;
}

/** The fields every mail about an order starts from. */
export interface OrderMailBase {
  store: MailStore;
  name: string;
  orderId: string;
}

/**
 * A whole mail from its blocks, both parts from the same list so they say the same thing. Missing blocks
 * (`null`, `false`) are skipped, so optional parts read as `cond ? block : null`.
 */
export function composeMail({
  store,
  subject,
  preheader,
  blocks,
  footer,
}: {
  store: MailStore;
  subject: string;
  /** The line inboxes show after the subject; the first block's text unless that is only a greeting. */
  preheader?: string;
  blocks: (MailBlock | null | false | undefined)[];
  footer: string;
}): RenderedMail {
  const present = blocks.filter((b): b is MailBlock => Boolean(b));
  return {
    subject,
    text: textDocument(
      present.map((b) => b.text),
      footer,
    ),
    html: htmlDocument({
      store,
      title: subject,
      preheader: preheader ?? present[0]?.text ?? subject,
      body: present.map((b) => b.html).join("\n"),
      footer: escapeHtml(footer),
    }),
  };
}

/**
 * A mail about one order: its short reference in the subject and the footer, and a "See your order" button after
 * the blocks. `why` ends the footer's "You're receiving this …" sentence.
 */
export function composeOrderMail(
  mail: OrderMailBase,
  build: (ref: string) => Omit<FramedMail, "preheader">,
): RenderedMail {
  const ref = orderReference(mail.orderId);
  const orderUrl = storeLink(mail.store, `/account/orders/${mail.orderId}`);
  const { subject, blocks, why } = build(ref);
  return composeMail({
    store: mail.store,
    subject,
    blocks: [...blocks, orderUrl ? action("See your order", orderUrl) : null],
    footer: `Order ${ref}. You're receiving this ${why}`,
  });
}
