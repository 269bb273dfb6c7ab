import type { SessionEntry } from "./ledger";
import { TEST_CARDS } from "./ledger";

// Stripe's own minor-unit table, which differs from ISO 4217 for a few currencies (ISK, HUF, TWD...).
const ZERO_DECIMAL = new Set("bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf".split(" "));
const THREE_DECIMAL = new Set("bhd jod kwd omr tnd".split(" "));

/** Formats integer minor units without float math: the decimal string goes straight to Intl. */
export function formatMinorUnits(amount: number, currency: string): string {
  const code = currency.toLowerCase();
  const digits = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
  const sign = amount < 0 ? "-" : "";
  const padded = String(Math.abs(amount)).padStart(digits + 1, "0");
  const decimal = digits === 0 ? padded : `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  const formatter = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: code.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(`${sign}${decimal}` as Intl.StringNumericLiteral);
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function groupDigits(cardNumber: string): string {
  return cardNumber.replace(/(\d{4})(?=\d)/g, "$1 ");
}

const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f8fa}
a{color:#4f46e5}
.bar{display:flex;gap:.75rem;align-items:center;padding:.75rem 1.5rem;background:#fff;border-bottom:1px solid #e3e8ee}
.bar strong{font-size:1rem}
.badge{font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:#9a3412;background:#ffedd5;border-radius:4px;padding:.1rem .45rem}
main{max-width:960px;margin:2rem auto;padding:0 1rem;display:grid;gap:1.5rem;align-items:start;grid-template-columns:minmax(0,1fr)}
@media (min-width:760px){main{grid-template-columns:1fr 1fr}}
section{background:#fff;border:1px solid #e3e8ee;border-radius:12px;padding:1.5rem}
h1,h2{margin:0 0 1rem;font-size:1.125rem}
.total{font-size:2rem;font-weight:700;margin:0 0 1.25rem}
ul.items{list-style:none;margin:0;padding:0}
ul.items li{display:flex;gap:.75rem;align-items:flex-start;padding:.75rem 0;border-top:1px solid #eef1f4}
ul.items img{width:48px;height:48px;object-fit:cover;border-radius:6px;background:#eef1f4}
.item{flex:1}
.item p{margin:0}
.muted{color:#5b6475;font-size:.875rem}
.amount{font-weight:600;white-space:nowrap}
.sum{display:flex;justify-content:space-between;border-top:2px solid #1a1f36;margin-top:.5rem;padding-top:.75rem;font-weight:700}
.shipping{margin-top:1.25rem}.shipping h2{font-size:1rem;margin:0 0 .25rem}.shipping address{font-style:normal;line-height:1.5;color:#3c4257}
label{display:block;font-weight:600;margin:1rem 0 .35rem;font-size:.9rem}
input{width:100%;font:inherit;padding:.65rem .75rem;border:1px solid #c1c9d2;border-radius:6px;background:#fff}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #818cf8;outline-offset:2px}
input[readonly]{background:#f6f8fa}
.hints{margin:.5rem 0 0;font-size:.875rem;color:#5b6475}
.hints ul{margin:.25rem 0 0;padding-left:1.1rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;color:#1a1f36}
button{margin-top:1.5rem;width:100%;font:inherit;font-weight:600;color:#fff;background:#4f46e5;border:0;border-radius:6px;padding:.8rem;cursor:pointer}
button:hover{background:#4338ca}
.error{margin:0 0 1rem;padding:.75rem 1rem;border-radius:6px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
.cancel{display:inline-block;margin-top:1rem}
main.notice{display:block;max-width:560px;margin:3rem auto}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="bar"><strong>stripe-local checkout</strong><span class="badge">Test mode</span></header>
${body}
</body>
</html>`;
}

/** The delivery address the merchant sent in `payment_intent_data[shipping]`, as Checkout shows it. */
function shippingBlock(entry: SessionEntry): string {
  const shipping = entry.paymentIntentShipping;
  if (!shipping) return "";
  const a = shipping.address;
  const lines = [
    shipping.name,
    shipping.phone,
    a.line1,
    a.line2,
    [a.city, a.state, a.postal_code].filter(Boolean).join(", "),
    a.country,
  ].filter((line): line is string => Boolean(line));
  return `<div class="shipping"><h2>Shipping to</h2><address>${lines.map(escapeHtml).join("<br>")}</address></div>`;
}

export interface CheckoutPageInput {
  entry: SessionEntry;
  error?: string;
  cardNumber?: string;
  email?: string;
}

export function renderCheckoutPage({ entry, error, cardNumber = "", email = "" }: CheckoutPageInput): string {
  const { session } = entry;
  const total = formatMinorUnits(session.amount_total, session.currency);
  const items = entry.lineItems
    .map((item, index) => {
      const product = entry.products[index];
      const image = product?.images[0] ? `<img src="${escapeHtml(product.images[0])}" alt="">` : "";
      const description = product?.description
        ? `<p class="muted">${escapeHtml(product.description)}</p>`
        : "";
      const unit = formatMinorUnits(item.price.unit_amount, item.currency);
      return `<li>${image}<div class="item"><p>${escapeHtml(item.description)}</p>${description}<p class="muted">Qty ${item.quantity} × ${unit}</p></div><span class="amount">${formatMinorUnits(item.amount_total, item.currency)}</span></li>`;
    })
    .join("");
  const hints = TEST_CARDS.map(
    (card) => `<li><code>${groupDigits(card.number)}</code>: ${escapeHtml(card.label)}</li>`,
  ).join("");
  const fixedEmail = session.customer_email;
  const emailValue = fixedEmail ?? email;
  const errorBlock = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : "";
  const cancel = session.cancel_url
    ? `<a class="cancel" href="/checkout/${escapeHtml(session.id)}/cancel">Cancel and return to the store</a>`
    : "";
  return layout(
    `Pay ${total}`,
    `<main>
<section aria-labelledby="summary-heading">
<h1 id="summary-heading">Order summary</h1>
<p class="total">${total}</p>
<ul class="items">${items}</ul>
<p class="sum"><span>Total due</span><span>${total}</span></p>
${shippingBlock(entry)}
</section>
<section aria-labelledby="pay-heading">
<h2 id="pay-heading">Pay with card</h2>
${errorBlock}
<form method="post" action="/checkout/${escapeHtml(session.id)}/pay">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(emailValue)}"${fixedEmail ? " readonly" : ""}>
<label for="card">Card number</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" aria-describedby="card-hints" required${error ? ' aria-invalid="true"' : ""} value="${escapeHtml(cardNumber)}">
<div class="hints" id="card-hints">Test cards:<ul>${hints}</ul></div>
<button type="submit">Pay ${total}</button>
</form>
${cancel}
</section>
</main>`,
  );
}

export function renderNoticePage(
  title: string,
  message: string,
  link?: { href: string; label: string },
): string {
  const action = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "";
  return layout(
    title,
    `<main class="notice"><section aria-labelledby="notice-heading"><h1 id="notice-heading">${escapeHtml(title)}</h1><p role="status">${escapeHtml(message)}</p>${action}</section></main>`,
  );
}
