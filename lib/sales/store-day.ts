import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";

/**
 * The store's day ("2026-03-08") that contains `now`, in the store's time zone. The homepage hero rotates on it,
 * so it rolls over at local midnight, whatever the server's own zone and across daylight-saving changes.
 */
export function storeDayOf(now: Date, timeZone: string): string {
  return format(new TZDate(now.getTime(), timeZone), "yyyy-MM-dd");
}

/** The instant the next store day begins (local midnight), for cache lifetimes. */
export function startOfNextStoreDay(now: Date, timeZone: string): Date {
  const next = startOfDay(addDays(new TZDate(now.getTime(), timeZone), 1));
  return new Date(next.getTime());
}

/** The instant of a wall-clock time on a store day, e.g. 12:00 on "2026-03-10" in Asia/Shanghai. */
export function atStoreTime(storeDay: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = storeDay.split("-").map(Number);
  if (!y || !m || !d) throw new Error(`not a store day: ${storeDay}`);
  return new Date(new TZDate(y, m - 1, d, hour, minute, timeZone).getTime());
}

/** The store day `days` after `storeDay` (calendar days, not 24-hour steps). */
export function addStoreDays(storeDay: string, days: number): string {
  const [y, m, d] = storeDay.split("-").map(Number);
  if (!y || !m || !d) throw new Error(`not a store day: ${storeDay}`);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A date's shape with a real month and day number (the calendar check follows). */
export const DAY_SHAPE = /^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** "2026-03-14" and a day that exists (not 30 February). */
export function isStoreDay(value: string | undefined | null): value is string {
  return typeof value === "string" && DAY_SHAPE.test(value) && addStoreDays(value, 0) === value;
}
