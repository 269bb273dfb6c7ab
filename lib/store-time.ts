import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * The console's times: a `datetime-local` input carries a wall-clock time with no zone, and the console always
 * means the store's zone (STORE_TIMEZONE), whatever the marketer's browser or the server is set to. Pure, so the
 * rules are tested across zones and daylight-saving changes.
 */

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type ParsedStoreTime =
  | { ok: true; at: Date }
  | { ok: false; reason: "format" | "nonexistent"; message: string };

/**
 * "2026-03-14T12:00" in `timeZone` → the instant. A time that does not exist there (skipped when the clocks go
 * forward) is refused rather than silently moved; a time that happens twice (when they go back) means the first.
 */
export function parseStoreDateTime(value: string, timeZone: string): ParsedStoreTime {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return { ok: false, reason: "format", message: "Enter a date and time." };
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || y < 2000 || y > 2100) {
    return { ok: false, reason: "format", message: "Enter a real date and time." };
  }
  const at = new TZDate(y, mo - 1, d, h, mi, timeZone);
  const back = format(at, "yyyy-MM-dd'T'HH:mm");
  const asked = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`;
  if (back !== asked) {
    // The calendar date itself may be wrong (31 February), or the clocks skip this hour.
    const sameDay = back.slice(0, 10) === asked.slice(0, 10);
    return sameDay
      ? {
          ok: false,
          reason: "nonexistent",
          message: `${asked.slice(11)} doesn't exist on ${asked.slice(0, 10)} in ${timeZone}: the clocks go forward. Choose another time.`,
        }
      : { ok: false, reason: "format", message: "That date doesn't exist." };
  }
  return { ok: true, at: new Date(at.getTime()) };
}

/** An instant as a `datetime-local` value in the store's zone ("2026-03-14T12:00"). */
export function toStoreInputValue(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** A form's default window as `datetime-local` values in the store's zone: from now until a week later. */
export function weekFromNowInputs(now: Date, timeZone: string): { from: string; until: string } {
  return {
    from: toStoreInputValue(now, timeZone),
    until: toStoreInputValue(new Date(now.getTime() + 7 * 86_400_000), timeZone),
  };
}

/** The zone's short name at an instant ("GMT+8", "EST", "EDT"), for labels next to times. */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "Asia/Shanghai, GMT+8": how every time field in the console names its zone. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const abbreviation = zoneAbbreviation(timeZone, at);
  return abbreviation === timeZone ? timeZone : `${timeZone}, ${abbreviation}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per locale and options, kept: making one costs far more than formatting with it. */
export function getDateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let fmt = dateTimeFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, fmt);
  }
  return fmt;
}

/** "Sat 14 Mar 2026, 12:00 GMT+8": a time as the console tables show it, in the store's zone. */
export function formatStoreDateTime(at: Date, timeZone: string): string {
  return getDateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}

/** "Sat 14 Mar": a store day ("2026-03-14") as the calendar shows it. The date is zone-free already. */
export function formatStoreDay(storeDay: string): string {
  const [y, m, d] = storeDay.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, d ?? 1)));
}
