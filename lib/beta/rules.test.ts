import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { applyToBetaForm, betaPhase, betaPriceText, betaPurchaseTerms } from "./rules";

describe("what a beta seat costs", () => {
  it("pays a token price below Stripe's minimum in points, at or above it by card", () => {
    const seat = (tokenPriceMinor: number, currency: string, pointsCost: number) =>
      betaPurchaseTerms({ tokenPriceMinor, currency, pointsCost });
    const exactly: [number, string, number, ReturnType<typeof seat>][] = [
      [100, "CNY", 300, { byCard: false, totalMinor: 0, tokenPoints: 100, pointsNeeded: 400 }],
      [400, "CNY", 300, { byCard: true, totalMinor: 400, tokenPoints: 0, pointsNeeded: 300 }],
      [0, "CNY", 300, { byCard: false, totalMinor: 0, tokenPoints: 0, pointsNeeded: 300 }],
    ];
    for (const [price, currency, points, terms] of exactly)
      expect(seat(price, currency, points)).toEqual(terms);
    expect(seat(399, "CNY", 0)).toMatchObject({ byCard: false, pointsNeeded: 399 });
    expect(seat(50, "USD", 0)).toMatchObject({ byCard: true });
    expect(seat(29, "GBP", 0)).toMatchObject({ byCard: false });
  });

  it("says so in words", () => {
    expect(betaPriceText({ tokenPriceMinor: 100, currency: "CNY", pointsCost: 300 })).toBe(
      "400 points (the ¥1.00 token price paid in points)",
    );
    expect(betaPriceText({ tokenPriceMinor: 500, currency: "CNY", pointsCost: 300 })).toBe(
      "¥5.00 and 300 points",
    );
    expect(betaPriceText({ tokenPriceMinor: 0, currency: "CNY", pointsCost: 1 })).toBe("1 point");
  });
});

describe("a beta's window and applications", () => {
  const window = { opensAt: new Date("2031-01-01T00:00:00Z"), closesAt: new Date("2031-01-08T00:00:00Z") };
  it("is upcoming, open from its start, closed from its end", () => {
    expect(betaPhase(window, new Date("2030-12-31T23:59:59Z"))).toBe("upcoming");
    expect(betaPhase(window, window.opensAt)).toBe("open");
    expect(betaPhase(window, window.closesAt)).toBe("closed");
  });

  it("bounds the statement", () => {
    const betaId = "0b6a1c52-5f0e-4c1e-9b0a-3f3b8c2d1e00";
    expect(applyToBetaForm.safeParse({ betaId, statement: "too short" }).success).toBe(false);
    expect(applyToBetaForm.safeParse({ betaId, statement: "x".repeat(1001) }).success).toBe(false);
    expect(applyToBetaForm.safeParse({ betaId, statement: `  ${"x".repeat(20)}  ` }).success).toBe(true);
    expect(applyToBetaForm.safeParse({ betaId: "nope", statement: "x".repeat(30) }).success).toBe(false);
  });
});

describe("CSV for the console", () => {
  it("quotes what needs it and defuses formulas", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["plain", 'say "hi", twice'],
          ["=SUM(A1)", "line\nbreak"],
        ],
      ),
    ).toBe('a,b\nplain,"say ""hi"", twice"\n\'=SUM(A1),"line\nbreak"');
  });
});
