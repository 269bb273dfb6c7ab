/**
 * Stripe's minimum charge per presentment currency, in minor units, from "Minimum and maximum charge amounts" at
 * https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts (USD $0.50, EUR €0.50, GBP £0.30,
 * HKD $4.00, JPY ¥50, …). CNY ¥4.00 is the figure our payments brief gives for the store's default currency.
 * Stripe refuses a Checkout Session whose total is below it; a currency missing here is checked by Stripe after
 * conversion to the settlement currency, which this server does not model, so it is not checked.
 */
export const MINIMUM_CHARGE_MINOR: Readonly<Record<string, number>> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  cny: 400,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

/** Zero-decimal currencies among those above: their minor unit is the whole unit. */
const ZERO_DECIMAL = new Set(["jpy"]);

/** Stripe's wording, e.g. "$0.50 usd" or "CN¥4.00 cny". */
export function formatMinimum(currency: string, minor: number): string {
  const major = ZERO_DECIMAL.has(currency) ? minor : minor / 100;
  const shown = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(major);
  return `${shown} ${currency}`;
}
