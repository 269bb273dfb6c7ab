import { describe, expect, it } from "vitest";
import { skuField } from "./draft-fields";
import {
  checkSaleEdit,
  hasEnded,
  hasStarted,
  resolveEditedTimes,
  type SaleEditCurrent,
  type SaleEditRequest,
  saleEditStage,
} from "./edit-policy";

/* The edit policy is pure: no database, the clock and the sale's live figures are inputs. */

const SH = "Asia/Shanghai";
const at = (iso: string) => new Date(iso);
/** 12:00 in Shanghai on 2 March 2040. */
const START = at("2040-03-02T04:00:00Z");
const BEFORE = at("2040-03-01T02:00:00Z");
const LIVE = at("2040-03-02T04:01:00Z");

const current: SaleEditCurrent = {
  status: "scheduled",
  registrationOpensAt: at("2040-03-01T02:00:00Z"),
  registrationClosesAt: START,
  startsAt: START,
  endsAt: at("2040-03-02T06:00:00Z"),
  perAccountLimit: 2,
  skus: [
    { skuId: 11, included: true, salePriceMinor: 399_900, currency: "CNY", held: 3, sold: 2 },
    { skuId: 12, included: true, salePriceMinor: 419_900, currency: "CNY", held: 0, sold: 0 },
    { skuId: 13, included: false, salePriceMinor: 100, currency: "CNY", held: 0, sold: 0 },
  ],
};

/** The form as it would come back untouched, with overrides. */
function request(over: Partial<SaleEditRequest> = {}): SaleEditRequest {
  return {
    times: {
      registrationOpensAt: current.registrationOpensAt,
      registrationClosesAt: current.registrationClosesAt,
      startsAt: current.startsAt,
      endsAt: current.endsAt,
    },
    perAccountLimit: current.perAccountLimit,
    skus: [
      { skuId: 11, quantity: 300, salePriceMinor: 399_900 },
      { skuId: 12, quantity: 200, salePriceMinor: 419_900 },
    ],
    ...over,
  };
}

const check = (wanted: SaleEditRequest, now: Date) => {
  const stage = saleEditStage(current, now);
  if (stage === "ended") throw new Error("ended");
  return checkSaleEdit({ current, wanted, stage, now, timeZone: SH });
};

describe("the edit policy", () => {
  it("knows a sale's stage: drafts never start, an ended status or a passed end is the end", () => {
    expect(saleEditStage(current, BEFORE)).toBe("before_start");
    expect(saleEditStage(current, START)).toBe("running");
    expect(saleEditStage(current, current.endsAt)).toBe("ended");
    expect(saleEditStage({ ...current, status: "ended" }, BEFORE)).toBe("ended");
    expect(hasStarted({ ...current, status: "draft" }, LIVE)).toBe(false);
    expect(hasEnded({ ...current, status: "draft" }, current.endsAt)).toBe(true);
  });

  it("lets anything change before the start, as long as the start stays ahead", () => {
    const moved = request({
      perAccountLimit: 1,
      skus: [{ skuId: 13, quantity: 1, salePriceMinor: 1 }],
    });
    expect(check(moved, BEFORE)).toEqual({});
    const past = request({ times: { ...request().times, startsAt: at("2040-03-01T01:00:00Z") } });
    expect(check(past, BEFORE).startsAt?.[0]).toContain("The start must be in the future");
  });

  it("locks the start, the registration window, the versions and their prices once started", () => {
    const errors = check(
      request({
        times: { ...request().times, startsAt: at("2040-03-02T04:30:00Z"), registrationOpensAt: BEFORE },
        skus: [{ skuId: 11, quantity: 300, salePriceMinor: 100 }],
      }),
      LIVE,
    );
    expect(errors.startsAt?.[0]).toContain("Locked: the sale started at");
    expect(errors.registrationOpensAt).toBeUndefined();
    expect(errors[skuField(11, "price")]).toEqual(["Locked at 3999.00 since the sale started."]);
    expect(errors.skus).toEqual(["Versions can't be added or removed once the sale has started."]);
  });

  it("lets the limit only rise and the end stay ahead once started", () => {
    expect(check(request({ perAccountLimit: 1 }), LIVE).perAccountLimit).toEqual([
      "Once the sale has started the limit can only rise (it is 2).",
    ]);
    expect(check(request({ perAccountLimit: 3 }), LIVE)).toEqual({});
    const ended = check(request({ times: { ...request().times, endsAt: LIVE } }), LIVE);
    expect(ended.endsAt).toEqual(["Choose an end in the future, or use “End sale now”."]);
  });

  it("lets a quantity grow, or shrink to what is held plus sold, never below", () => {
    const lines = (quantity: number) => [
      { skuId: 11, quantity, salePriceMinor: 399_900 },
      { skuId: 12, quantity: 200, salePriceMinor: 419_900 },
    ];
    expect(check(request({ skus: lines(10_000) }), LIVE)).toEqual({});
    expect(check(request({ skus: lines(5) }), LIVE)).toEqual({});
    expect(check(request({ skus: lines(4) }), LIVE)[skuField(11, "quantity")]).toEqual([
      "At least 5: that many units are held or sold right now.",
    ]);
  });

  it("keeps a time the form left as it was at its stored instant, seconds included", () => {
    const stored = { ...request().times, startsAt: at("2040-03-02T04:00:30Z") };
    const times = resolveEditedTimes(
      stored,
      {
        registrationOpensAt: { text: "2040-03-01T10:00", at: at("2040-03-01T02:00:00Z") },
        registrationClosesAt: { text: "2040-03-02T12:00", at: START },
        startsAt: { text: "2040-03-02T12:00", at: START },
        endsAt: { text: "2040-03-02T15:00", at: at("2040-03-02T07:00:00Z") },
      },
      SH,
    );
    expect(times.startsAt).toBe(stored.startsAt);
    expect(times.endsAt.toISOString()).toBe("2040-03-02T07:00:00.000Z");
  });
});
