import { describe, expect, it } from "vitest";
import { ASSUMED_DELIVERY_DAYS, MAX_RETURN_NOTE_LENGTH, NO_REASON_RETURN_DAYS } from "@/lib/limits";
import { parseWith } from "@/lib/result";
import {
  checkReturnEligibility,
  nextReturnCommands,
  refusalSchema,
  returnRequestSchema,
  returnStage,
  returnWindow,
} from "./rules";

const DAY = 24 * 60 * 60_000;
const delivered = new Date("2027-03-10T06:00:00Z");
const shipped = new Date("2027-03-08T06:00:00Z");
const at = (ms: number) => new Date(delivered.getTime() + ms);
const base = {
  payment: "paid" as const,
  shippedAt: shipped,
  deliveredAt: delivered,
  latest: null,
  now: at(DAY),
};

describe("returnWindow", () => {
  it("runs NO_REASON_RETURN_DAYS from delivery", () => {
    const w = returnWindow({ shippedAt: shipped, deliveredAt: delivered });
    expect(w).toEqual({ from: delivered, until: at(NO_REASON_RETURN_DAYS * DAY), assumedDelivery: false });
  });

  it("counts an order never marked delivered as delivered ASSUMED_DELIVERY_DAYS after shipping", () => {
    const w = returnWindow({ shippedAt: shipped, deliveredAt: null });
    expect(w?.assumedDelivery).toBe(true);
    expect(w?.from.getTime()).toBe(shipped.getTime() + ASSUMED_DELIVERY_DAYS * DAY);
    expect(w?.until.getTime()).toBe(
      shipped.getTime() + (ASSUMED_DELIVERY_DAYS + NO_REASON_RETURN_DAYS) * DAY,
    );
  });

  it("has no window before shipping", () => {
    expect(returnWindow({ shippedAt: null, deliveredAt: null })).toBeNull();
  });
});

describe("checkReturnEligibility", () => {
  it("lets the owner ask within the window, up to its last instant", () => {
    expect(checkReturnEligibility(base)).toMatchObject({ ok: true });
    expect(checkReturnEligibility({ ...base, now: at(NO_REASON_RETURN_DAYS * DAY) })).toMatchObject({
      ok: true,
    });
  });

  it("refuses after the window, pointing at the warranty", () => {
    const r = checkReturnEligibility({ ...base, now: at(NO_REASON_RETURN_DAYS * DAY + 1) });
    expect(r).toMatchObject({ ok: false, code: "window_closed" });
    expect(!r.ok && r.message).toMatch(/7-day return window .* closed.*warranty/);
  });

  it("refuses before shipping", () => {
    expect(checkReturnEligibility({ ...base, shippedAt: null, deliveredAt: null })).toMatchObject({
      code: "not_shipped",
    });
  });

  it.each([
    ["pending", "not_paid"],
    ["cancelled", "order_closed"],
    ["expired", "order_closed"],
    ["refunded", "refunded"],
  ] as const)("refuses a %s order (%s)", (payment, code) => {
    expect(checkReturnEligibility({ ...base, payment })).toMatchObject({ ok: false, code });
  });

  it("refuses a second request while one is open, and after an approval; a refusal allows another", () => {
    const requested = { status: "requested" as const, receivedAt: null };
    const approved = { status: "approved" as const, receivedAt: null };
    const refused = { status: "refused" as const, receivedAt: null };
    expect(checkReturnEligibility({ ...base, latest: requested })).toMatchObject({
      code: "already_requested",
    });
    expect(checkReturnEligibility({ ...base, latest: approved })).toMatchObject({ code: "already_returned" });
    expect(checkReturnEligibility({ ...base, latest: refused })).toMatchObject({ ok: true });
  });
});

describe("return input", () => {
  it("takes a listed reason and an optional note, trimmed; 'other' needs a note", () => {
    expect(parseWith(returnRequestSchema, { reason: "damaged", note: "  " })).toMatchObject({
      ok: true,
      data: { reason: "damaged", note: null },
    });
    expect(parseWith(returnRequestSchema, { reason: "other", note: "" })).toMatchObject({
      ok: false,
      fieldErrors: { note: ["Tell us in a few words why you are returning it."] },
    });
    expect(parseWith(returnRequestSchema, { reason: "because", note: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Choose a reason from the list."] },
    });
    expect(
      parseWith(returnRequestSchema, { reason: "damaged", note: "x".repeat(MAX_RETURN_NOTE_LENGTH + 1) }),
    ).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringContaining("500")] } });
  });

  it("needs a refusal reason", () => {
    expect(parseWith(refusalSchema, { refusalReason: "   " })).toMatchObject({
      ok: false,
      fieldErrors: { refusalReason: [expect.stringContaining("Say why")] },
    });
  });
});

describe("stages and commands", () => {
  it("reads approved → refunded → received, and what the console can do at each", () => {
    const r = (status: "requested" | "approved" | "refused", received = false, refunded = false) => ({
      status,
      receivedAt: received ? delivered : null,
      refunded,
    });
    expect(returnStage(r("requested"))).toBe("requested");
    expect(returnStage(r("refused"))).toBe("refused");
    expect(returnStage(r("approved"))).toBe("approved");
    expect(returnStage(r("approved", false, true))).toBe("refunded");
    expect(returnStage(r("approved", true, true))).toBe("received");
    expect(nextReturnCommands(r("requested"))).toEqual(["approve", "refuse"]);
    expect(nextReturnCommands(r("approved"))).toEqual(["receive"]);
    expect(nextReturnCommands(r("approved", true))).toEqual([]);
    expect(nextReturnCommands(r("refused"))).toEqual([]);
  });
});
