/**
 * Prices typed by a marketer ("3999", "3,999.50") ↔ integer minor units, by string arithmetic only: a float
 * never touches money. The number of decimals is the currency's own (CNY 2, JPY 0).
 */
import { minorDigits } from "@/lib/money";

/** The largest price the store accepts, in minor units: it must fit a Postgres integer. */
export const MAX_PRICE_MINOR = 2_000_000_000;

export type ParsedMoney = { ok: true; amountMinor: number } | { ok: false; message: string };

export function parseMoneyInput(value: string, currency: string): ParsedMoney {
  const text = value.trim().replace(/[,\s]/g, "");
  if (text === "") return { ok: false, message: "Enter a price." };
  if (text.startsWith("-")) return { ok: false, message: "A price cannot be negative." };
  const digits = minorDigits(currency);
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, message: "Enter a price as a number, like 3999.00." };
  const whole = m[1] ?? "0";
  const fraction = m[2] ?? "";
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${currency} prices have no decimals.` : `Use at most ${digits} decimals.`,
    };
  }
  if (whole.replace(/^0+/, "").length > 10) return { ok: false, message: "That price is too large." };
  const amountMinor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(amountMinor) || amountMinor > MAX_PRICE_MINOR) {
    return { ok: false, message: "That price is too large." };
  }
  return { ok: true, amountMinor };
}

/** Minor units → the plain text a price input shows ("3999.00"), without grouping or a symbol. */
export function formatMoneyInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  return `${amountMinor < 0 ? "-" : ""}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
