import { describe, expect, it } from "vitest";
import type { OrderStatus } from "@/db/schema";
import { SHIPMENT_CSV_LIMITS } from "@/lib/limits";
import { CARRIERS, parseShipment } from "./carriers";
import { parseShipmentCsv, splitCsvLine } from "./csv";
import { type FulfilmentCommand, type FulfilmentState, type FulfilmentStep, planTransition } from "./rules";

const SF = { type: "ship", carrier: "sf", trackingNumber: "SF1234567890123" } as const;
const state = (
  payment: OrderStatus,
  step: FulfilmentStep,
  shipped = step === "shipped" || step === "delivered",
) =>
  ({
    payment,
    step,
    carrier: shipped ? "sf" : null,
    trackingNumber: shipped ? SF.trackingNumber : null,
  }) satisfies FulfilmentState;
const plan = (s: FulfilmentState, c: FulfilmentCommand) => planTransition(s, c);

describe("planTransition: paid → packed → shipped → delivered", () => {
  it.each([
    ["unfulfilled", { type: "pack" }, "packed"],
    ["packed", SF, "shipped"],
    ["shipped", { type: "deliver" }, "delivered"],
  ] as const)("from %s, %o takes the step to %s", (from, command, to) => {
    expect(plan(state("paid", from), command)).toEqual({ ok: true, transition: { changed: true, from, to } });
  });

  it.each([
    ["packed", { type: "pack" }],
    ["shipped", SF],
    ["delivered", { type: "deliver" }],
  ] as const)("an exact repeat at %s writes nothing (double click, re-upload)", (step, command) => {
    expect(plan(state("paid", step), command)).toEqual({ ok: true, transition: { changed: false, step } });
  });

  it.each([
    ["unfulfilled", SF, "not_packed", /Mark it packed/],
    ["unfulfilled", { type: "deliver" }, "not_shipped", /hasn't shipped yet/],
    ["packed", { type: "deliver" }, "not_shipped", /hasn't shipped yet/],
    ["shipped", { type: "pack" }, "already_shipped", /already shipped with SF Express SF1234567890123/],
    ["delivered", { type: "pack" }, "already_delivered", /already delivered/],
    ["delivered", { ...SF, trackingNumber: "SF9999999999999" }, "already_delivered", /already delivered/],
    ["shipped", { ...SF, trackingNumber: "SF9999999999999" }, "already_shipped", /SF1234567890123/],
    ["shipped", { ...SF, carrier: "jd", trackingNumber: "SF1234567890123" }, "already_shipped", /SF Express/],
  ] as const)(
    "from %s, %o is refused (%s): no step is skipped or repeated differently",
    (from, command, code, message) => {
      const result = plan(state("paid", from), command);
      expect(result).toMatchObject({ ok: false, code });
      expect(!result.ok && result.message).toMatch(message);
    },
  );

  it.each([
    ["pending", "not_paid", /hasn't been paid/],
    ["cancelled", "order_closed", /cancelled without payment/],
    ["expired", "order_closed", /expired without payment/],
    ["refunded", "refunded", /refunded/],
  ] as const)("a %s order can be neither packed nor shipped (%s)", (payment, code, message) => {
    for (const [step, command] of [
      ["unfulfilled", { type: "pack" }],
      ["packed", SF],
    ] as const) {
      const result = plan(state(payment, step), command);
      expect(result).toMatchObject({ ok: false, code });
      expect(!result.ok && result.message).toMatch(message);
    }
  });

  it("a parcel already on its way is still recorded delivered after a refund (the parcel arrived)", () => {
    expect(plan(state("refunded", "shipped"), { type: "deliver" })).toMatchObject({ ok: true });
  });
});

describe("parseShipment: carriers and tracking numbers", () => {
  it.each([
    ["sf", "sf 1234 5678 90123", "SF1234567890123"],
    ["SF Express", "123456789012", "123456789012"],
    ["顺丰", "SF1234567890123", "SF1234567890123"],
    ["jd", "JDVA12345678901", "JDVA12345678901"],
    ["ems", "1100123456789", "1100123456789"],
    ["China Post EMS", "ea123456789cn", "EA123456789CN"],
    ["zto", "731234567890123", "731234567890123"],
    ["yto", "YT1234567890123", "YT1234567890123"],
    ["申通", "773123456789012", "773123456789012"],
    ["yunda", "4312-3456-7890-1", "4312345678901"],
  ])("%s %s → %s", (carrier, trackingNumber, stored) => {
    expect(parseShipment({ carrier, trackingNumber })).toMatchObject({ ok: true, trackingNumber: stored });
  });

  it("every carrier's example passes its own check", () => {
    for (const c of CARRIERS)
      expect(parseShipment({ carrier: c.code, trackingNumber: c.example }).ok).toBe(true);
  });

  it.each([
    ["dhl", "1234567890", "carrier", /Choose a carrier/],
    ["sf", "", "trackingNumber", /Enter the tracking number/],
    ["sf", "JD1234567890123", "trackingNumber", /SF Express.*SF1234567890123/],
    ["yto", "1234567890123", "trackingNumber", /YT/],
    ["zto", "ABC!@#1234567", "trackingNumber", /8–30 letters and digits/],
    ["sf", "x".repeat(10 * 1024), "trackingNumber", /far longer/],
  ])("%s %s is refused on %s", (carrier, trackingNumber, field, message) => {
    const result = parseShipment({ carrier, trackingNumber });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(!result.ok && result.fieldErrors?.[field]?.join(" ")).toMatch(message);
  });
});

describe("parseShipmentCsv", () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

  it("reads a header, quoted cells, blank lines and CRLF; gives each line its verdict", () => {
    const text = [
      "\uFEFForder_id,carrier,tracking_number",
      `${id(1)},SF Express,SF1234567890123`,
      "",
      `"${id(2)}","ZTO",731234567890123`,
      `${id(3)},dhl,12345678`,
      "not-a-uuid,sf,SF1234567890123",
      `${id(1)},sf,SF1234567890999`,
      "just,two",
    ].join("\r\n");
    const result = parseShipmentCsv(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, true],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
    ]);
    const messages = result.rows.flatMap((r) => (r.ok ? [] : [r.message]));
    expect(messages).toEqual([
      expect.stringMatching(/Choose a carrier/),
      expect.stringMatching(/not an order id/),
      expect.stringMatching(/already on line 2/),
      expect.stringMatching(/Expected 3 columns/),
    ]);
    expect(result.rows[1]).toMatchObject({
      orderId: id(2),
      carrier: "zto",
      trackingNumber: "731234567890123",
    });
  });

  it("refuses a file of 10 MB, one over the row limit, and an empty one, whole and with a reason", () => {
    const huge = parseShipmentCsv(`${id(1)},sf,${"1".repeat(10 * 1024 * 1024)}`);
    expect(huge).toMatchObject({ ok: false, code: "too_large" });
    expect(!huge.ok && huge.message).toMatch(`at most ${SHIPMENT_CSV_LIMITS.maxBytes / 1024} KB`);
    const many = parseShipmentCsv(Array.from({ length: 10_000 }, () => "a,b").join("\n"));
    expect(many).toMatchObject({ ok: false, code: "too_many_rows" });
    expect(!many.ok && many.message).toMatch(`at most ${SHIPMENT_CSV_LIMITS.maxRows}`);
    expect(parseShipmentCsv("order_id,carrier,tracking_number\n\n")).toMatchObject({
      ok: false,
      code: "empty",
    });
  });

  it("splits quoted cells with commas and doubled quotes", () => {
    expect(splitCsvLine(' a , "b, c" ,"say ""hi"""')).toEqual(["a", "b, c", 'say "hi"']);
  });
});
