/** Money is an integer in minor units plus an ISO 4217 currency; never a float. */
export interface Money {
  amountMinor: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** The currency's own number of decimals (CNY 2, JPY 0); 2 for a code Intl does not know. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  const key = `${locale}:${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" });
    formatters.set(key, fmt);
  }
  return fmt.format(amountMinor / 10 ** minorDigits(currency));
}

/** Multiplies in integers so totals never drift. */
export function lineTotalMinor(unitMinor: number, quantity: number): number {
  return unitMinor * quantity;
}
