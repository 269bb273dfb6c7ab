import { describe, expect, it } from "vitest";
import { addStoreDays, atStoreTime, startOfNextStoreDay, storeDayOf } from "./store-day";

const NY = "America/New_York";
const SH = "Asia/Shanghai";
const utc = (iso: string) => new Date(iso);

describe("store day", () => {
  it("rolls over at local midnight in Shanghai, whatever the server's zone", () => {
    expect(storeDayOf(utc("2040-03-09T15:59:59.999Z"), SH)).toBe("2040-03-09");
    expect(storeDayOf(utc("2040-03-09T16:00:00Z"), SH)).toBe("2040-03-10");
    expect(startOfNextStoreDay(utc("2040-03-09T16:00:00Z"), SH)).toEqual(utc("2040-03-10T16:00:00Z"));
    expect(atStoreTime("2040-03-10", 12, 0, SH)).toEqual(utc("2040-03-10T04:00:00Z"));
  });

  it("follows New York across the March and November daylight-saving switches", () => {
    // 11 March 2040 has 23 hours: midnight is 05:00 UTC before the switch and 04:00 UTC after.
    expect(storeDayOf(utc("2040-03-11T04:59:59Z"), NY)).toBe("2040-03-10");
    expect(storeDayOf(utc("2040-03-11T05:00:00Z"), NY)).toBe("2040-03-11");
    expect(storeDayOf(utc("2040-03-12T03:59:59Z"), NY)).toBe("2040-03-11");
    expect(storeDayOf(utc("2040-03-12T04:00:00Z"), NY)).toBe("2040-03-12");
    expect(startOfNextStoreDay(utc("2040-03-11T05:00:00Z"), NY)).toEqual(utc("2040-03-12T04:00:00Z"));
    // 4 November 2040 has 25 hours.
    expect(startOfNextStoreDay(utc("2040-11-04T04:00:00Z"), NY)).toEqual(utc("2040-11-05T05:00:00Z"));
    expect(atStoreTime("2040-03-11", 12, 0, NY)).toEqual(utc("2040-03-11T16:00:00Z"));
    expect(atStoreTime("2040-03-10", 12, 0, NY)).toEqual(utc("2040-03-10T17:00:00Z"));
    expect(addStoreDays("2040-02-28", 1)).toBe("2040-02-29");
    expect(addStoreDays("2040-03-01", -1)).toBe("2040-02-29");
  });
});
