import { describe, expect, it } from "vitest";
import { SHANGHAI_FORM, shanghaiSaleForm } from "@/tests/helpers/sale-form";
import {
  EARLY_ACCESS_DRAW,
  earlyAccessColumns,
  earlyAccessFromColumns,
  parseSaleForm,
  saleDraftSchema,
} from "./draft";
import {
  inLaneWindow,
  laneFromColumns,
  laneNotice,
  laneOpensAt,
  laneRefusal,
  qualifiesForLane,
} from "./early-access-rules";
import { checkSaleEdit, earlyAccessOpensAt, type SaleEditCurrent, type SaleEditRequest } from "./edit-policy";

/* The early-access lane's pure parts: the form's fields, the typed draft, the edit policy and the sentences. */

const SH = SHANGHAI_FORM.timeZone;

const form = (over: Record<string, string> = {}) => shanghaiSaleForm({ quantities: ["60", "40"] }, over);
const parse = (raw: Record<string, string>) => parseSaleForm(raw, SHANGHAI_FORM);
const errorsOf = (raw: Record<string, string>) => {
  const parsed = parse(raw);
  return parsed.ok ? {} : parsed.fieldErrors;
};

describe("the sale form's early-access fields", () => {
  it("no tier chosen is no lane, whatever the other two fields say", () => {
    const parsed = parse(form({ earlyAccessTier: "", earlyAccessMinutes: "abc", earlyAccessQuota: "-3" }));
    expect(parsed.ok && parsed.value.earlyAccess).toBeNull();
  });

  it("a tier, minutes and a quota make a lane; blank minutes are 10", () => {
    const parsed = parse(form({ earlyAccessTier: "Gold", earlyAccessMinutes: "", earlyAccessQuota: "25" }));
    expect(parsed.ok && parsed.value.earlyAccess).toEqual({ minTier: "Gold", minutes: 10, quota: 25 });
  });

  it("refuses an unknown tier, minutes out of range, a missing quota and one beyond the sale's units", () => {
    expect(errorsOf(form({ earlyAccessTier: "Member", earlyAccessQuota: "5" }))).toHaveProperty(
      "earlyAccessTier",
    );
    expect(
      errorsOf(form({ earlyAccessTier: "Gold", earlyAccessMinutes: "0", earlyAccessQuota: "5" })),
    ).toEqual({
      earlyAccessMinutes: ["Open the lane at least 1 minute before the start."],
    });
    expect(
      errorsOf(form({ earlyAccessTier: "Gold", earlyAccessMinutes: "1441", earlyAccessQuota: "5" })),
    ).toEqual({
      earlyAccessMinutes: ["At most 1440 minutes."],
    });
    expect(errorsOf(form({ earlyAccessTier: "Gold", earlyAccessQuota: "" }))).toEqual({
      earlyAccessQuota: ["Enter how many units the lane may sell."],
    });
    expect(errorsOf(form({ earlyAccessTier: "Gold", earlyAccessQuota: "101" }))).toEqual({
      earlyAccessQuota: ["At most the sale's 100 units: the lane's quota comes out of its stock."],
    });
    expect(errorsOf(form({ earlyAccessTier: "Gold", earlyAccessQuota: "100" }))).toEqual({});
  });
});

describe("the typed draft's lane", () => {
  const draft = {
    slug: "noon",
    name: "Noon",
    productId: 1,
    registrationOpensAt: new Date("2040-03-01T00:00:00Z"),
    registrationClosesAt: new Date("2040-03-02T00:00:00Z"),
    startsAt: new Date("2040-03-02T04:00:00Z"),
    endsAt: new Date("2040-03-02T06:00:00Z"),
    skus: [{ skuId: 11, quantity: 10, salePriceMinor: 100 }],
  };

  it("is optional, and a lane within the sale's units passes", () => {
    expect(saleDraftSchema.safeParse(draft).success).toBe(true);
    const parsed = saleDraftSchema.safeParse({
      ...draft,
      earlyAccess: { minTier: "Platinum", minutes: 30, quota: 10 },
    });
    expect(parsed.success && parsed.data.earlyAccess).toEqual({
      minTier: "Platinum",
      minutes: 30,
      quota: 10,
    });
  });

  it("refuses a quota beyond the sale's units, and any lane on a draw", () => {
    const tooMany = saleDraftSchema.safeParse({
      ...draft,
      earlyAccess: { minTier: "Gold", minutes: 5, quota: 11 },
    });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues.map((i) => i.path.join("."))).toEqual(["earlyAccess.quota"]);
    const draw = saleDraftSchema.safeParse({
      ...draft,
      kind: "draw",
      purchaseWindowMinutes: 30,
      earlyAccess: { minTier: "Gold", minutes: 5, quota: 1 },
    });
    expect(draw.error?.issues.map((i) => i.message)).toEqual([EARLY_ACCESS_DRAW]);
  });

  it("is stored as the tier's threshold, and read back as the tier", () => {
    const columns = earlyAccessColumns({ minTier: "Gold", minutes: 10, quota: 3 });
    expect(columns).toEqual({ earlyAccessMinPoints: 5_000, earlyAccessMinutes: 10, earlyAccessQuota: 3 });
    expect(earlyAccessFromColumns(columns)).toEqual({ minTier: "Gold", minutes: 10, quota: 3 });
    expect(earlyAccessColumns(null)).toEqual({
      earlyAccessMinPoints: null,
      earlyAccessMinutes: null,
      earlyAccessQuota: null,
    });
    expect(earlyAccessFromColumns(earlyAccessColumns(undefined))).toBeNull();
  });
});

describe("the edit policy for the lane", () => {
  const START = new Date("2040-03-02T04:00:00Z"); // 12:00 in Shanghai
  const lane = { minTier: "Gold" as const, minutes: 10, quota: 5 };
  const current: SaleEditCurrent = {
    status: "scheduled",
    kind: "first_come",
    earlyAccess: lane,
    registrationOpensAt: new Date("2040-03-01T02:00:00Z"),
    registrationClosesAt: START,
    startsAt: START,
    endsAt: new Date("2040-03-02T06:00:00Z"),
    perAccountLimit: 1,
    skus: [{ skuId: 11, included: true, salePriceMinor: 399_900, currency: "CNY", held: 0, sold: 0 }],
  };
  const wanted = (earlyAccess: SaleEditRequest["earlyAccess"]): SaleEditRequest => ({
    times: {
      registrationOpensAt: current.registrationOpensAt,
      registrationClosesAt: current.registrationClosesAt,
      startsAt: current.startsAt,
      endsAt: current.endsAt,
    },
    perAccountLimit: 1,
    skus: [{ skuId: 11, quantity: 10, salePriceMinor: 399_900 }],
    earlyAccess,
  });
  const minutesBefore = (m: number) => new Date(START.getTime() - m * 60_000);
  const check = (c: SaleEditCurrent, w: SaleEditRequest, now: Date, stage: "before_start" | "running") =>
    checkSaleEdit({ current: c, wanted: w, stage, now, timeZone: SH });

  it("may change freely until the lane opens", () => {
    expect(check(current, wanted({ ...lane, quota: 8 }), minutesBefore(11), "before_start")).toEqual({});
    expect(check(current, wanted(null), minutesBefore(11), "before_start")).toEqual({});
    expect(check({ ...current, earlyAccess: null }, wanted(lane), minutesBefore(60), "before_start")).toEqual(
      {},
    );
  });

  it("is locked once the lane has opened, and once the sale has started; unchanged is always fine", () => {
    expect(check(current, wanted({ ...lane, quota: 8 }), minutesBefore(10), "before_start")).toEqual({
      earlyAccessTier: ["Locked: the early-access lane opened at Fri, 2 Mar 2040, 11:50 GMT+8."],
    });
    expect(check(current, wanted(lane), minutesBefore(5), "before_start")).toEqual({});
    const noLane = { ...current, earlyAccess: null };
    expect(check(noLane, wanted(lane), new Date(START.getTime() + 60_000), "running")).toMatchObject({
      earlyAccessTier: [expect.stringMatching(/^Locked: the sale started at /)],
    });
  });

  it("refuses a lane on a draw, and says when a lane opens (never for a draft)", () => {
    expect(
      check({ ...current, kind: "draw", earlyAccess: null }, wanted(lane), minutesBefore(60), "before_start"),
    ).toHaveProperty("earlyAccessTier");
    expect(earlyAccessOpensAt(current)).toEqual(minutesBefore(10));
    expect(earlyAccessOpensAt({ ...current, status: "draft" })).toBeNull();
  });
});

describe("the lane's rules and sentences", () => {
  const START = new Date("2032-06-01T08:00:00Z"); // 10:00 in Berlin (summer time)
  const lane = laneFromColumns({ earlyAccessMinPoints: 5_000, earlyAccessMinutes: 10, earlyAccessQuota: 3 });
  if (!lane) throw new Error("lane");

  it("opens the lane's minutes before the start and closes it at the start", () => {
    expect(laneOpensAt(START, lane)).toEqual(new Date("2032-06-01T07:50:00Z"));
    expect(inLaneWindow(START, lane, new Date("2032-06-01T07:49:59Z"))).toBe(false);
    expect(inLaneWindow(START, lane, new Date("2032-06-01T07:50:00Z"))).toBe(true);
    expect(inLaneWindow(START, lane, START)).toBe(false);
  });

  it("lets the tier and above in, by lifetime points", () => {
    expect(qualifiesForLane(lane, 4_999)).toBe(false);
    expect(qualifiesForLane(lane, 5_000)).toBe(true);
    expect(qualifiesForLane(lane, 60_000)).toBe(true);
  });

  it("says who may buy when, in the store's zone", () => {
    expect(laneNotice(START, lane, "Europe/Berlin")).toBe("Gold and above: from 09:50 CEST");
    expect(laneRefusal(START, lane, "Europe/Berlin")).toBe(
      "Gold and above from 09:50; everyone from 10:00 CEST.",
    );
    expect(
      laneFromColumns({ earlyAccessMinPoints: null, earlyAccessMinutes: null, earlyAccessQuota: null }),
    ).toBeNull();
  });
});
