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
