import { describe, expect, it } from "vitest";
import { formatMoneyInput, parseMoneyInput } from "@/lib/money-input";
import {
  formatStoreDay,
  parseStoreDateTime,
  toStoreInputValue,
  weekFromNowInputs,
  zoneAbbreviation,
  zoneLabel,
} from "@/lib/store-time";

const SH = "Asia/Shanghai";
const NY = "America/New_York";

function at(value: string, tz: string): string {
  const parsed = parseStoreDateTime(value, tz);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.at.toISOString();
}

describe("datetime-local in the store's zone", () => {
  it("reads a wall-clock time in the store's zone, whatever the server's", () => {
    expect(at("2040-03-14T12:00", SH)).toBe("2040-03-14T04:00:00.000Z");
    expect(at("2040-03-14T00:00", SH)).toBe("2040-03-13T16:00:00.000Z");
    expect(at("2040-01-15T12:00", NY)).toBe("2040-01-15T17:00:00.000Z");
    expect(at("2040-07-15T12:00", NY)).toBe("2040-07-15T16:00:00.000Z");
    expect(at("2040-07-15T12:00:59", NY)).toBe("2040-07-15T16:00:00.000Z");
  });

  it("refuses a time the spring-forward gap skips, instead of moving it", () => {
    // 11 March 2040, New York: 02:00 jumps to 03:00.
    const gap = parseStoreDateTime("2040-03-11T02:30", NY);
    expect(gap).toMatchObject({ ok: false, reason: "nonexistent" });
    expect(gap.ok ? "" : gap.message).toContain("the clocks go forward");
    expect(at("2040-03-11T01:59", NY)).toBe("2040-03-11T06:59:00.000Z");
    expect(at("2040-03-11T03:00", NY)).toBe("2040-03-11T07:00:00.000Z");
  });

  it("takes the first of the two 01:30s when the clocks go back", () => {
    // 4 November 2040, New York: 01:00–02:00 happens twice (EDT, then EST).
    expect(at("2040-11-04T01:30", NY)).toBe("2040-11-04T05:30:00.000Z");
    expect(at("2040-11-04T02:00", NY)).toBe("2040-11-04T07:00:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const bad of [
      "",
      "tomorrow",
      "2040-02-30T10:00",
      "2040-13-01T10:00",
      "2040-01-01T24:00",
      "2040-01-01",
      "1999-01-01T10:00",
    ]) {
      expect(parseStoreDateTime(bad, SH).ok, bad).toBe(false);
    }
  });

  it("writes instants back as input values in the store's zone (round trip)", () => {
    for (const tz of [SH, NY, "Europe/London", "Asia/Kolkata"]) {
      for (const v of ["2040-03-11T01:59", "2040-03-11T03:00", "2040-11-04T00:30", "2040-06-30T23:45"]) {
        expect(toStoreInputValue(new Date(at(v, tz)), tz), `${tz} ${v}`).toBe(v);
      }
    }
  });

  it("names the zone and its offset at that moment", () => {
    expect(zoneAbbreviation(SH, new Date("2040-01-01T00:00:00Z"))).toBe("GMT+8");
    expect(zoneAbbreviation(NY, new Date("2040-01-15T12:00:00Z"))).toBe("EST");
    expect(zoneAbbreviation(NY, new Date("2040-07-15T12:00:00Z"))).toBe("EDT");
    expect(zoneLabel(SH, new Date("2040-01-01T00:00:00Z"))).toBe("Asia/Shanghai, GMT+8");
    expect(formatStoreDay("2040-02-29")).toBe("Wed 29 Feb");
  });
});

describe("prices typed by a marketer", () => {
  it("become integer minor units without floats", () => {
    expect(parseMoneyInput("3999", "CNY")).toEqual({ ok: true, amountMinor: 399900 });
    expect(parseMoneyInput("3,999.5", "CNY")).toEqual({ ok: true, amountMinor: 399950 });
    expect(parseMoneyInput(" 0.10 ", "CNY")).toEqual({ ok: true, amountMinor: 10 });
    expect(parseMoneyInput("0", "CNY")).toEqual({ ok: true, amountMinor: 0 });
    expect(parseMoneyInput("1.", "CNY")).toEqual({ ok: true, amountMinor: 100 });
    expect(parseMoneyInput("19900", "JPY")).toEqual({ ok: true, amountMinor: 19900 });
    // 0.1 + 0.2 would be 0.30000000000000004 in floats; here it is exact.
    expect(parseMoneyInput("1234567.89", "CNY")).toEqual({ ok: true, amountMinor: 123456789 });
  });

  it("refuse what is not a price a person meant", () => {
    expect(parseMoneyInput("", "CNY")).toMatchObject({ ok: false, message: "Enter a price." });
    expect(parseMoneyInput("-1", "CNY")).toMatchObject({ ok: false, message: "A price cannot be negative." });
    expect(parseMoneyInput("12.345", "CNY")).toMatchObject({ ok: false, message: "Use at most 2 decimals." });
    expect(parseMoneyInput("1.5", "JPY")).toMatchObject({
      ok: false,
      message: "JPY prices have no decimals.",
    });
    expect(parseMoneyInput("abc", "CNY").ok).toBe(false);
    expect(parseMoneyInput("1e5", "CNY").ok).toBe(false);
    expect(parseMoneyInput("99999999999", "CNY")).toMatchObject({
      ok: false,
      message: "That price is too large.",
    });
  });

  it("are shown back as typed", () => {
    expect(formatMoneyInput(399900, "CNY")).toBe("3999.00");
    expect(formatMoneyInput(5, "CNY")).toBe("0.05");
    expect(formatMoneyInput(19900, "JPY")).toBe("19900");
  });
});

describe("a form's default window", () => {
  it("runs from now until a week later, as wall-clock values in the store's zone", () => {
    // 16:30 UTC is 00:30 the next day in Shanghai; New York crosses into daylight saving time during this week.
    expect(weekFromNowInputs(new Date("2026-03-07T16:30:00Z"), SH)).toEqual({
      from: "2026-03-08T00:30",
      until: "2026-03-15T00:30",
    });
    expect(weekFromNowInputs(new Date("2026-03-07T16:30:00Z"), NY)).toEqual({
      from: "2026-03-07T11:30",
      until: "2026-03-14T12:30",
    });
  });
});
