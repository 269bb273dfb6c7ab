import { describe, expect, it } from "vitest";
import {
  formatDuration,
  getBoast,
  getSaleState,
  type SaleClock,
  splitIntoBuckets,
  whyCannotBuy,
} from "./rules";

const T0 = new Date("2030-03-10T04:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const sale: SaleClock = {
  status: "scheduled",
  registrationOpensAt: at(-86_400),
  registrationClosesAt: at(-600),
  startsAt: T0,
  endsAt: at(7200),
};
const format = { timeZone: "Asia/Shanghai" };

describe("getSaleState", () => {
  it("follows the clock, then the live figures", () => {
    expect(getSaleState({ sale, now: at(-90_000) })).toBe("upcoming");
    expect(getSaleState({ sale, now: at(-86_400) })).toBe("registration_open");
    expect(getSaleState({ sale, now: at(-601) })).toBe("registration_open");
    expect(getSaleState({ sale, now: at(-600) })).toBe("upcoming");
    expect(getSaleState({ sale, now: T0, figures: { remaining: 3 } })).toBe("live");
    expect(getSaleState({ sale, now: T0, figures: { remaining: 0 } })).toBe("sold_out");
    expect(getSaleState({ sale, now: at(7199), figures: { remaining: 0 } })).toBe("sold_out");
    expect(getSaleState({ sale, now: at(7200), figures: { remaining: 3 } })).toBe("ended");
    expect(getSaleState({ sale: { ...sale, status: "ended" }, now: at(10) })).toBe("ended");
    expect(getSaleState({ sale: { ...sale, status: "draft" }, now: at(10) })).toBe("upcoming");
  });
});

describe("whyCannotBuy", () => {
  const base = { sale, format, perAccountLimit: 1, figures: { remaining: 10 } };
  it("gives the reason a fan sees, or null when they can buy", () => {
    expect(whyCannotBuy({ ...base, now: at(-3600), registered: false })?.reason).toBe("not_registered");
    expect(whyCannotBuy({ ...base, now: at(-3600), registered: true })).toMatchObject({
      reason: "not_started",
      message: expect.stringMatching(
        /^You're registered\. The sale starts at Sun, Mar 10, 12:00\sPM GMT\+8\.$/,
      ),
    });
    expect(whyCannotBuy({ ...base, now: at(5), registered: false })?.reason).toBe("registration_closed");
    expect(whyCannotBuy({ ...base, now: at(5), registered: true })).toBeNull();
    expect(whyCannotBuy({ ...base, now: at(5), registered: true, liveHolds: 1 })?.reason).toBe(
      "limit_reached",
    );
    expect(whyCannotBuy({ ...base, now: at(5), registered: true, figures: { remaining: 0 } })?.reason).toBe(
      "sold_out",
    );
    expect(whyCannotBuy({ ...base, now: at(7200), registered: true })?.reason).toBe("ended");
  });
});

describe("getBoast", () => {
  it("says how fast the sale sold out, in words", () => {
    const boast = (seconds: number, totalQuantity = 50_000) =>
      getBoast({ totalQuantity, startsAt: T0, soldOutAt: new Date(T0.getTime() + seconds * 1000) });
    expect(boast(25)).toBe("50,000 units sold out in 25 seconds");
    expect(boast(24.6)).toBe("50,000 units sold out in 25 seconds");
    expect(boast(1)).toBe("50,000 units sold out in 1 second");
    expect(boast(0.2)).toBe("50,000 units sold out in 1 second");
    expect(boast(120)).toBe("50,000 units sold out in 120 seconds");
    expect(boast(185)).toBe("50,000 units sold out in 3 minutes 5 seconds");
    expect(boast(180)).toBe("50,000 units sold out in 3 minutes");
    expect(boast(121)).toBe("50,000 units sold out in 2 minutes 1 second");
    expect(boast(3 * 3600 + 60)).toBe("50,000 units sold out in 3 hours 1 minute");
    expect(boast(38, 20_000)).toBe("20,000 units sold out in 38 seconds");
    expect(boast(38, 1)).toBe("1 unit sold out in 38 seconds");
    expect(getBoast({ totalQuantity: 5, startsAt: T0, soldOutAt: null })).toBeNull();
    expect(formatDuration(61 * 60)).toBe("61 minutes");
  });
});

describe("splitIntoBuckets", () => {
  it("splits evenly, never into empty buckets", () => {
    expect(splitIntoBuckets(50_000, 16)).toEqual(Array(16).fill(3125));
    expect(splitIntoBuckets(17, 16)).toEqual([2, ...Array(15).fill(1)]);
    expect(splitIntoBuckets(3, 16)).toEqual([1, 1, 1]);
    const odd = splitIntoBuckets(10_007, 16);
    expect(odd.reduce((a, b) => a + b, 0)).toBe(10_007);
    expect(Math.max(...odd) - Math.min(...odd)).toBe(1);
  });
});
