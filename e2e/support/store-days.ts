import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { addStoreDays, atStoreTime } from "../../lib/sales/store-day";

/** What global-setup hands the workers (through the environment) for handing out store days. */
export const STORE_DAY_ENV = {
  timeZone: "E2E_STORE_TIMEZONE",
  firstDay: "E2E_FIRST_STORE_DAY",
  claims: "E2E_STORE_DAY_CLAIMS",
} as const;

/**
 * The first day handed out is this many days after the run's store day: the demo launch (noon in two days, two
 * hours) and everything before it stay the demo state, which tests that keep real time see.
 */
export const FIRST_DAY_AHEAD = 3;
/**
 * Calendar days handed out per run: the console's hero
 * calendar shows 28 days, so the last day must stay on it.
 */
export const MAX_STORE_DAYS = 25;
/**
 * Days for the sales of the `freshSale` fixture, after the calendar's: a test's sale needs a day of its own (the
 * homepage's next sale, the sale's live figures) but not a place on the hero calendar, and there are more of them
 * than the calendar has days (desktop and mobile runs each claim one). The QA sale route takes starts up to 75 days
 * ahead.
 */
export const MAX_SALE_DAYS = 40;

/** Which days a claim comes from: the hero calendar's (first 25), or the sale days after them. */
export type StoreDayPool = "calendar" | "sale";

export interface StoreDay {
  /** "2027-01-12": no other test of this run uses this store day. */
  date: string;
  timeZone: string;
  /** The instant of a wall-clock time on this day, in the store's zone. */
  at(hour: number, minute?: number): Date;
  /** As the console's `datetime-local` fields take it: "2027-01-12T12:00". */
  input(hour: number, minute?: number): string;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: e2e/support/global-setup.ts sets it before any test runs`);
  return value;
}

/**
 * Claims the lowest day index no test of this run has claimed: `mkdir` is atomic, so two workers (or a worker
 * that replaced a failed one) can never get the same index, whatever the order tests run in.
 */
export function claimStoreDay(pool: StoreDayPool = "calendar"): StoreDay {
  const claims = env(STORE_DAY_ENV.claims);
  const firstDay = env(STORE_DAY_ENV.firstDay);
  const timeZone = env(STORE_DAY_ENV.timeZone);
  const [from, count] = pool === "calendar" ? [0, MAX_STORE_DAYS] : [MAX_STORE_DAYS, MAX_SALE_DAYS];
  for (let index = from; index < from + count; index++) {
    try {
      mkdirSync(join(claims, String(index)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    const date = addStoreDays(firstDay, index);
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      date,
      timeZone,
      at: (hour, minute = 0) => atStoreTime(date, hour, minute, timeZone),
      input: (hour, minute = 0) => `${date}T${pad(hour)}:${pad(minute)}`,
    };
  }
  throw new Error(
    `more than ${count} tests in this run asked for a ${pool} day (see MAX_STORE_DAYS, MAX_SALE_DAYS): share one per spec`,
  );
}
