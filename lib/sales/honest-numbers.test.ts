import { describe, expect, it } from "vitest";
import { type SaleCounts, withState } from "./figures";
import { getHonestNumbers } from "./rules";
import { judgeSpot } from "./waitlist";

const START = new Date("2031-01-03T04:00:00Z");
const counts = (over: Partial<SaleCounts> = {}): SaleCounts => ({
  saleId: "7b0e4c1e-2d0a-4f4e-9d55-3f7a2b9c1d01",
  status: "scheduled",
  registrationOpensAt: new Date("2031-01-01T00:00:00Z"),
  registrationClosesAt: START,
  startsAt: START,
  endsAt: new Date("2031-01-03T06:00:00Z"),
  soldOutAt: new Date("2031-01-03T04:00:25Z"),
  quantity: 50_000,
  remaining: 0,
  setAside: 0,
  held: 1_000,
  sold: 49_000,
  registrations: 1_300_000,
  fcodeSold: 200,
  presses: 2_400_000,
  refused: 31_000,
  skus: [],
  ...over,
});

describe("honest numbers", () => {
  it("say beside the boast how many registered, pressed, bought with F-codes and were refused", () => {
    const f = withState(counts(), { now: new Date("2031-01-03T04:01:00Z") });
    expect(f.state).toBe("sold_out");
    expect(f.boast).toBe("50,000 units sold out in 25 seconds");
    expect(f.honesty).toBe(
      "1,300,000 fans registered · 2,400,000 presses of Buy now · 200 units went to F-codes · 31,000 requests refused by our rate limits",
    );
    expect(getHonestNumbers({ registrations: 1, presses: 1, fcodeSold: 0, refused: 0 })).toBe(
      "1 fan registered · 1 press of Buy now · no request refused by our rate limits",
    );
  });

  it("never say sold out before the start, whatever the stock or the recorded sell-out", () => {
    // Every unit set aside for F-codes before the start, and a clock (the QA one) before the recorded sell-out.
    for (const over of [{ soldOutAt: null, setAside: 50_000, held: 0, sold: 0 }, {}]) {
      const f = withState(counts(over), { now: new Date(START.getTime() - 1) });
      expect(f.state).not.toBe("sold_out");
      expect(f.boast).toBeNull();
      expect(f.honesty).toBeNull();
      expect(f.unitsBack).toBe(0);
    }
  });
});

describe("a fan's place in the waitlist", () => {
  const now = new Date("2031-01-03T04:05:00Z");
  const row = {
    skuId: 1,
    status: "waiting" as const,
    holdId: null,
    holdStatus: null,
    holdExpiresAt: null,
    position: 3,
    pending: 5,
    available: 0,
    saleOver: false,
  };
  it("says whether a unit can still come back for them", () => {
    expect(judgeSpot(row, now)).toEqual({ state: "waiting", skuId: 1, position: 3, pendingUnits: 5 });
    expect(judgeSpot({ ...row, pending: 2 }, now)).toMatchObject({ state: "gone", reason: "all_paid" });
    expect(judgeSpot({ ...row, saleOver: true }, now)).toMatchObject({ state: "gone", reason: "sale_over" });
    expect(judgeSpot({ ...row, available: 2 }, now)).toMatchObject({ state: "units_back", available: 2 });
  });
  it("tells an offer from a purchase and a missed offer", () => {
    const offered = { ...row, status: "offered" as const, holdId: "h", holdStatus: "active" };
    const later = new Date(now.getTime() + 60_000);
    expect(judgeSpot({ ...offered, holdExpiresAt: later }, now)).toMatchObject({
      state: "offer",
      expiresAt: later,
    });
    expect(judgeSpot({ ...offered, holdExpiresAt: now }, now)).toMatchObject({ state: "missed" });
    expect(judgeSpot({ ...offered, holdStatus: "converted" }, now)).toMatchObject({ state: "bought" });
    expect(judgeSpot({ ...row, status: "missed" as const }, now)).toMatchObject({ state: "missed" });
  });
});
