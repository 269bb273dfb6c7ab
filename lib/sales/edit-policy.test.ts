import { describe, expect, it } from "vitest";
import { skuField } from "./draft-fields";
import {
  checkRulesEdit,
  checkSaleEdit,
  hasEnded,
  hasStarted,
  registrationHasClosed,
  resolveEditedTimes,
  type SaleEditCurrent,
  type SaleEditRequest,
  type SaleRulesCurrent,
  type SaleRulesRequest,
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

describe("registration's rules and a draw's settings", () => {
  /** A draw whose registration closes at 10:00 Shanghai on 1 March 2040, before its start. */
  const draw: SaleRulesCurrent = {
    kind: "draw",
    registrationClosesAt: at("2040-03-01T02:00:00Z"),
    drawnAt: null,
    purchaseWindowMinutes: 60,
    eligibleCreatedBefore: at("2040-01-01T00:00:00Z"),
    minLifetimePoints: null,
  };
  const OPEN = at("2040-02-28T00:00:00Z");
  const CLOSED = draw.registrationClosesAt;
  const same: SaleRulesRequest = {
    registrationClosesAt: draw.registrationClosesAt,
    purchaseWindowMinutes: draw.purchaseWindowMinutes,
    eligibleCreatedBefore: draw.eligibleCreatedBefore,
    minLifetimePoints: draw.minLifetimePoints,
  };
  const later = at("2040-03-01T03:00:00Z");
  const moved: SaleRulesRequest = {
    registrationClosesAt: later,
    purchaseWindowMinutes: 30,
    eligibleCreatedBefore: null,
    minLifetimePoints: 1000,
  };
  const rules = (current: SaleRulesCurrent, wanted: SaleRulesRequest, now: Date) =>
    checkRulesEdit({ current, wanted, now, timeZone: SH });

  it("passes the commitment point when registration closes, or once the draw ran", () => {
    expect(registrationHasClosed(draw, OPEN)).toBe(false);
    expect(registrationHasClosed(draw, new Date(CLOSED.getTime() - 1))).toBe(false);
    expect(registrationHasClosed(draw, CLOSED)).toBe(true);
    expect(registrationHasClosed({ ...draw, drawnAt: OPEN }, OPEN)).toBe(true);
  });

  it("lets every setting change while registration is open, the close staying ahead", () => {
    expect(rules(draw, moved, OPEN)).toEqual({ errors: {}, locked: false });
    expect(rules(draw, same, OPEN)).toEqual({ errors: {}, locked: false });
    const past = rules(draw, { ...same, registrationClosesAt: at("2040-02-27T00:00:00Z") }, OPEN);
    expect(past.locked).toBe(false);
    expect(past.errors.registrationClosesAt?.[0]).toContain("Registration must close in the future");
    expect(
      rules(draw, { ...same, registrationClosesAt: OPEN }, OPEN).errors.registrationClosesAt,
    ).toHaveLength(1);
  });

  it("locks the close, the window and the eligibility from the commitment point on, naming why", () => {
    const after = rules(draw, moved, CLOSED);
    expect(after.locked).toBe(true);
    expect(Object.keys(after.errors).sort()).toEqual([
      "eligibleCreatedBefore",
      "minTier",
      "purchaseWindowMinutes",
      "registrationClosesAt",
    ]);
    expect(after.errors.registrationClosesAt?.[0]).toBe(
      "Locked: registration closed at Thu, 1 Mar 2040, 10:00 GMT+8, so the draw is committed to its entries and settings.",
    );
    // Each field alone is refused, the same edit left as it was is not.
    expect(rules(draw, { ...same, purchaseWindowMinutes: 90 }, CLOSED).locked).toBe(true);
    expect(rules(draw, { ...same, minLifetimePoints: 1000 }, CLOSED).errors.minTier).toHaveLength(1);
    expect(rules(draw, same, CLOSED)).toEqual({ errors: {}, locked: false });
    // A draw that ran is locked even with its close time ahead.
    const ran = rules({ ...draw, drawnAt: OPEN }, { ...same, eligibleCreatedBefore: null }, OPEN);
    expect(ran.locked).toBe(true);
    expect(ran.errors.eligibleCreatedBefore?.[0]).toMatch(/^Locked: the draw ran at Tue, 28 Feb 2040/);
  });

  it("leaves a first-come sale's close time to the start rule, and locks only its eligibility", () => {
    const firstCome: SaleRulesCurrent = { ...draw, kind: "first_come", purchaseWindowMinutes: null };
    const wanted = { ...same, purchaseWindowMinutes: null, registrationClosesAt: later };
    expect(rules(firstCome, wanted, CLOSED)).toEqual({ errors: {}, locked: false });
    const cutoff = rules(firstCome, { ...wanted, eligibleCreatedBefore: null }, CLOSED);
    expect(cutoff.locked).toBe(true);
    expect(cutoff.errors.eligibleCreatedBefore?.[0]).toContain("fans registered under these rules");
  });
});
