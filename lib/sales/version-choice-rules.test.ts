import { describe, expect, it } from "vitest";
import {
  mayChangeVersion,
  SALE_STARTED_MESSAGE,
  type VersionChoiceFacts,
  versionChoiceRefusal,
} from "./version-choice-rules";

/* When a registered fan may still change the version they chose: the pure rule, no database. */

const STARTS = new Date("2031-06-01T04:00:00Z");
const before = new Date(STARTS.getTime() - 1);
const facts = (over: Partial<VersionChoiceFacts> = {}): VersionChoiceFacts => ({
  status: "scheduled",
  draw: false,
  startsAt: STARTS,
  registered: true,
  versionInSale: true,
  ...over,
});

describe("mayChangeVersion", () => {
  it("is true until the start, to the millisecond, and false from the start on", () => {
    expect(mayChangeVersion(facts(), before)).toBe(true);
    expect(mayChangeVersion(facts(), new Date("2031-05-01T00:00:00Z"))).toBe(true);
    expect(mayChangeVersion(facts(), STARTS)).toBe(false);
    expect(mayChangeVersion(facts(), new Date(STARTS.getTime() + 60_000))).toBe(false);
  });

  it("is false for a draft, a sale a marketer ended, and a draw", () => {
    expect(mayChangeVersion(facts({ status: "draft" }), before)).toBe(false);
    expect(mayChangeVersion(facts({ status: "ended" }), before)).toBe(false);
    expect(mayChangeVersion(facts({ draw: true }), before)).toBe(false);
  });
});

describe("versionChoiceRefusal", () => {
  it("lets a registered fan choose one of the sale's versions before the start", () => {
    expect(versionChoiceRefusal(facts(), before)).toBeNull();
  });

  it("refuses from the start on with the sentence that sends the fan to Buy now", () => {
    expect(versionChoiceRefusal(facts(), STARTS)).toEqual({
      ok: false,
      code: "sale_started",
      message: SALE_STARTED_MESSAGE,
    });
    expect(SALE_STARTED_MESSAGE).toMatch(/^The sale has started: choose at Buy now/);
  });

  it("says why in order: unknown sale, draw, ended, started, not registered, version not in the sale", () => {
    const code = (over: Partial<VersionChoiceFacts>, now = before) =>
      versionChoiceRefusal(facts(over), now)?.code;
    expect(code({ status: "draft", draw: true })).toBe("not_found");
    expect(code({ draw: true, registered: false }, STARTS)).toBe("draw_sale");
    expect(code({ status: "ended", registered: false })).toBe("sale_ended");
    expect(code({ registered: false, versionInSale: false }, STARTS)).toBe("sale_started");
    expect(code({ registered: false, versionInSale: false })).toBe("not_registered");
    expect(code({ versionInSale: false })).toBe("version_not_in_sale");
  });
});
