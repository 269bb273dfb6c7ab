import { fail, ok, type Result } from "@/lib/result";

/**
 * The carriers the store ships with in mainland China, and what their tracking numbers look like. Pure and
 * import-free apart from the result type, so the console's forms can list them. A format is checked only where
 * the carrier's numbers have a recognisable shape; a number that fits it may still be wrong, so these catch
 * typos and pasted junk, not every mistake.
 */

export interface Carrier {
  code: string;
  name: string;
  /** What its numbers look like. */
  pattern: RegExp;
  /** A number of the right shape, shown next to the field and in refusals. */
  example: string;
  /** Other names a CSV may use (Chinese names, abbreviations), compared case-insensitively with the code and name. */
  aliases: readonly string[];
}

// code, name, tracking-number pattern, an example, other names.
const TABLE = [
  ["sf", "SF Express", /^(SF\d{12,13}|\d{12})$/, "SF1234567890123", ["sfexpress", "顺丰", "顺丰速运"]],
  ["jd", "JD Logistics", /^JD[0-9A-Z]{11,18}$/, "JDVA12345678901", ["jdl", "京东", "京东物流"]],
  [
    "ems",
    "China Post EMS",
    /^(\d{13}|[A-Z]{2}\d{9}[A-Z]{2})$/,
    "1100123456789",
    ["china post", "邮政", "中国邮政"],
  ],
  ["zto", "ZTO Express", /^\d{12,15}$/, "731234567890123", ["中通", "中通快递"]],
  ["yto", "YTO Express", /^YT\d{13,15}$/, "YT1234567890123", ["圆通", "圆通速递"]],
  ["sto", "STO Express", /^\d{12,15}$/, "773123456789012", ["申通", "申通快递"]],
  ["yunda", "Yunda Express", /^\d{13,15}$/, "4312345678901", ["yd", "韵达", "韵达快递"]],
] as const;

export type CarrierCode = (typeof TABLE)[number][0];

export const CARRIERS: readonly (Carrier & { code: CarrierCode })[] = TABLE.map(
  ([code, name, pattern, example, aliases]) => ({ code, name, pattern, example, aliases }),
);

/** Any other carrier's numbers, and the ceiling for all of them: 8–30 letters and digits. */
const ANY_TRACKING = /^[0-9A-Z]{8,30}$/;
export const MAX_TRACKING_INPUT_LENGTH = 60;

export function findCarrier(value: string): (typeof CARRIERS)[number] | undefined {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  return CARRIERS.find(
    (c) => c.code === wanted || c.name.toLowerCase() === wanted || c.aliases.includes(wanted),
  );
}

export function carrierName(code: string | null): string {
  if (!code) return "";
  return findCarrier(code)?.name ?? code;
}

/** Spaces and dashes people paste with a number go; letters are upper case. */
export function normaliseTracking(value: string): string {
  return value.replace(/[\s-]+/g, "").toUpperCase();
}

export type ShipmentCode = "invalid";

/**
 * A carrier and tracking number as typed → the carrier's code and the number as stored, or field errors
 * (`carrier`, `trackingNumber`) a person can act on.
 */
export function parseShipment(input: {
  carrier: string;
  trackingNumber: string;
}): Result<{ carrier: CarrierCode; trackingNumber: string }, ShipmentCode> {
  const carrier = findCarrier(input.carrier);
  const errors: Record<string, string[]> = {};
  if (!carrier) errors.carrier = [`Choose a carrier: ${CARRIERS.map((c) => c.name).join(", ")}.`];
  if (input.trackingNumber.length > MAX_TRACKING_INPUT_LENGTH) {
    errors.trackingNumber = ["That is far longer than any tracking number (at most 30 letters and digits)."];
  }
  const trackingNumber = normaliseTracking(input.trackingNumber.slice(0, MAX_TRACKING_INPUT_LENGTH));
  if (!errors.trackingNumber) {
    if (!trackingNumber) errors.trackingNumber = ["Enter the tracking number."];
    else if (!ANY_TRACKING.test(trackingNumber)) {
      errors.trackingNumber = ["A tracking number is 8–30 letters and digits."];
    } else if (carrier && !carrier.pattern.test(trackingNumber)) {
      errors.trackingNumber = [
        `That doesn't look like a tracking number from ${carrier.name} (theirs look like ${carrier.example}).`,
      ];
    }
  }
  if (!carrier || Object.keys(errors).length > 0) {
    return fail("invalid", "Check the carrier and tracking number.", { fieldErrors: errors });
  }
  return ok({ carrier: carrier.code, trackingNumber });
}
