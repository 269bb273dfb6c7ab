import { describe, expect, it } from "vitest";
import { binSeries, chartSpan, formatOffset } from "./live-series";

describe("per-second sales for the live chart", () => {
  it("keeps one bar per second for a sale that sells out in seconds, gaps included", () => {
    const s = binSeries(
      [
        { t: 0, reserved: 120, sold: 0 },
        { t: 1, reserved: 300, sold: 40 },
        { t: 4, reserved: 10, sold: 200 },
      ],
      { spanSeconds: 6 },
    );
    expect(s.binSeconds).toBe(1);
    expect(s.bars.map((b) => b.reserved)).toEqual([120, 300, 0, 0, 10, 0]);
    expect(s.bars.map((b) => b.soldPerSecond)).toEqual([0, 40, 0, 0, 200, 0]);
    expect(s.peakSold).toEqual({ perSecond: 200, t: 4 });
    expect(s.peakReserved).toEqual({ perSecond: 300, t: 1 });
  });

  it("widens the bars for a long sale and reports rates per second", () => {
    const points = Array.from({ length: 600 }, (_, t) => ({ t, reserved: 2, sold: 1 }));
    const s = binSeries(points, { spanSeconds: 600, maxBars: 90 });
    expect(s.binSeconds).toBe(10);
    expect(s.bars).toHaveLength(60);
    expect(s.bars[0]).toMatchObject({ reserved: 20, sold: 10, reservedPerSecond: 2, soldPerSecond: 1 });
    expect(s.bars.reduce((n, b) => n + b.sold, 0)).toBe(600);
  });

  it("ignores points outside the span and before the start", () => {
    const s = binSeries(
      [
        { t: -1, reserved: 5, sold: 5 },
        { t: 99, reserved: 5, sold: 5 },
      ],
      { spanSeconds: 10 },
    );
    expect(s.bars.reduce((n, b) => n + b.reserved + b.sold, 0)).toBe(0);
    expect(s.peakSold).toBeNull();
  });

  it("covers a sell-out closely and a running sale up to now", () => {
    expect(
      chartSpan({
        nowSeconds: 3600,
        durationSeconds: 7200,
        soldOutSeconds: 25,
        lastActivitySeconds: 30,
        running: false,
      }),
    ).toBe(36);
    expect(
      chartSpan({
        nowSeconds: 42,
        durationSeconds: 7200,
        soldOutSeconds: null,
        lastActivitySeconds: 40,
        running: true,
      }),
    ).toBe(42);
    expect(
      chartSpan({
        nowSeconds: 3,
        durationSeconds: 7200,
        soldOutSeconds: null,
        lastActivitySeconds: null,
        running: true,
      }),
    ).toBe(10);
    expect(
      chartSpan({
        nowSeconds: -5,
        durationSeconds: 7200,
        soldOutSeconds: null,
        lastActivitySeconds: null,
        running: false,
      }),
    ).toBe(0);
    expect(formatOffset(25)).toBe("0:25");
    expect(formatOffset(3723)).toBe("1:02:03");
  });
});
