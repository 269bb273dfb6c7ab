/**
 * The flash sale's pure rules: state from the clock and live figures, why a fan cannot buy, the sold-out boast.
 * No database access, so pages, components and tests can use them alike; every rule takes `now`.
 */

import { getDateTimeFormat } from "@/lib/store-time";

export const SALE_STATES = ["upcoming", "registration_open", "live", "sold_out", "ended"] as const;
export type SaleState = (typeof SALE_STATES)[number];

export interface SaleClock {
  status: "draft" | "scheduled" | "ended";
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  startsAt: Date;
  endsAt: Date;
}

/** The times every sale carries. */
export interface SaleTimes {
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  startsAt: Date;
  endsAt: Date;
  soldOutAt: Date | null;
}

type RawSaleTimes = { [K in keyof SaleTimes]: SaleTimes[K] | string };

/** A sale's times as Dates, from a row that may carry them as strings (raw SQL on PGlite, JSON from a cache). */
export function parseSaleTimes(row: RawSaleTimes): SaleTimes {
  return {
    registrationOpensAt: new Date(row.registrationOpensAt),
    registrationClosesAt: new Date(row.registrationClosesAt),
    startsAt: new Date(row.startsAt),
    endsAt: new Date(row.endsAt),
    soldOutAt: row.soldOutAt ? new Date(row.soldOutAt) : null,
  };
}

export interface SaleBoastFacts {
  totalQuantity: number;
  startsAt: Date;
  soldOutAt: Date | null;
}

/** Default number of stock rows per sale SKU: enough to spread 64 connections, few enough to sum cheaply. */
export const DEFAULT_BUCKET_COUNT = 16;
export const MAX_BUCKET_COUNT = 64;
/** Rows of `sale_counters` per sale; each registration bumps a random one. */
export const REGISTRATION_SHARDS = 16;

export function getSaleState({
  sale,
  now,
  figures,
}: {
  sale: SaleClock;
  now: Date;
  figures?: { remaining: number } | null;
}): SaleState {
  const t = now.getTime();
  if (sale.status === "ended" || t >= sale.endsAt.getTime()) return "ended";
  if (sale.status === "scheduled" && t >= sale.startsAt.getTime()) {
    return figures && figures.remaining <= 0 ? "sold_out" : "live";
  }
  if (t >= sale.registrationOpensAt.getTime() && t < sale.registrationClosesAt.getTime()) {
    return "registration_open";
  }
  return "upcoming";
}

export type CannotBuyReason =
  | "ended"
  | "not_registered"
  | "registration_closed"
  | "not_started"
  | "sold_out"
  | "limit_reached";

export interface CannotBuy {
  reason: CannotBuyReason;
  message: string;
}

export interface TimeFormat {
  timeZone: string;
  locale?: string | undefined;
}

/** "Sat, Mar 14, 12:00 PM GMT+8": a sale time as the store shows it in messages. */
export function formatSaleTime(at: Date, { timeZone, locale = "en-US" }: TimeFormat): string {
  return getDateTimeFormat(locale, {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}

/**
 * Why this fan cannot press Buy now, or null when they can. `registered` is whether they signed up for the
 * sale; `liveHolds` counts their active and paid units, against the per-account limit.
 */
export function whyCannotBuy({
  sale,
  now,
  figures,
  registered,
  liveHolds = 0,
  perAccountLimit,
  format,
}: {
  sale: SaleClock;
  now: Date;
  figures?: { remaining: number } | null;
  registered: boolean;
  liveHolds?: number;
  perAccountLimit: number;
  format: TimeFormat;
}): CannotBuy | null {
  const state = getSaleState({ sale, now, figures });
  if (state === "ended") return { reason: "ended", message: "This sale has ended." };
  if (!registered) {
    if (now.getTime() < sale.registrationClosesAt.getTime()) {
      return {
        reason: "not_registered",
        message: `Register before ${formatSaleTime(sale.registrationClosesAt, format)} to be able to buy in this sale.`,
      };
    }
    return {
      reason: "registration_closed",
      message: `Registration closed at ${formatSaleTime(sale.registrationClosesAt, format)}; only registered fans can buy in this sale.`,
    };
  }
  if (state === "upcoming" || state === "registration_open") {
    return {
      reason: "not_started",
      message: `You're registered. The sale starts at ${formatSaleTime(sale.startsAt, format)}.`,
    };
  }
  if (liveHolds >= perAccountLimit) {
    return {
      reason: "limit_reached",
      message: `You already have ${units(perAccountLimit)} from this sale, the limit per account.`,
    };
  }
  if (state === "sold_out") {
    return {
      reason: "sold_out",
      message: "Sold out for now. Unpaid reservations return to stock, so units may come back.",
    };
  }
  return null;
}

function units(n: number): string {
  return n === 1 ? "1 unit" : `${n} units`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "25 seconds", "1 second", "3 minutes 5 seconds" (above two minutes), "2 hours 4 minutes" (above two hours). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s <= 120) return plural(s, "second");
  if (s < 2 * 3600) {
    const rest = s % 60;
    return [plural(Math.floor(s / 60), "minute"), rest ? plural(rest, "second") : ""]
      .filter(Boolean)
      .join(" ");
  }
  const minutes = Math.floor((s % 3600) / 60);
  return [plural(Math.floor(s / 3600), "hour"), minutes ? plural(minutes, "minute") : ""]
    .filter(Boolean)
    .join(" ");
}

/**
 * "50,000 units sold out in 25 seconds", measured from the start to the first instant no unit was left
 * (`soldOutAt`); null until the sale has sold out. Rounded to whole seconds, never "0 seconds".
 */
export function getBoast(sale: SaleBoastFacts, locale = "en-US"): string | null {
  if (!sale.soldOutAt) return null;
  const seconds = Math.max(1, Math.round((sale.soldOutAt.getTime() - sale.startsAt.getTime()) / 1000));
  const count = new Intl.NumberFormat(locale).format(sale.totalQuantity);
  return `${count} ${sale.totalQuantity === 1 ? "unit" : "units"} sold out in ${formatDuration(seconds)}`;
}

/**
 * What the boast leaves out, said beside it: "12,000 fans registered · 31,204 presses of Buy now · 200 units went to
 * F-codes · 1,402 requests refused by our rate limits". Parts that are zero are left out, except registrations.
 */
export function getHonestNumbers(
  n: { registrations: number; presses: number; fcodeSold: number; refused: number },
  locale = "en-US",
): string {
  const f = new Intl.NumberFormat(locale);
  const plural = (count: number, one: string, many: string) =>
    `${f.format(count)} ${count === 1 ? one : many}`;
  return [
    plural(n.registrations, "fan registered", "fans registered"),
    n.presses > 0 ? plural(n.presses, "press of Buy now", "presses of Buy now") : null,
    n.fcodeSold > 0 ? `${plural(n.fcodeSold, "unit", "units")} went to F-codes` : null,
    n.refused > 0
      ? `${plural(n.refused, "request", "requests")} refused by our rate limits`
      : "no request refused by our rate limits",
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Splits a quantity over at most `count` buckets as evenly as possible (the first ones take the remainder). */
export function splitIntoBuckets(quantity: number, count: number): number[] {
  const n = Math.max(1, Math.min(count, quantity));
  const base = Math.floor(quantity / n);
  const extra = quantity % n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}
