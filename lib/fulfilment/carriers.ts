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
  /** Other spellings a CSV may use (Chinese names, common abbreviations), compared case-insensitively. */
  aliases: readonly string[];
  pattern: RegExp;
  /** What to type, shown next to the field and in refusals. */
  example: string;
  shape: string;
}

export const CARRIERS = [
  {
    code: "sf",
    name: "SF Express",
    aliases: ["sf", "sfexpress", "sf express", "顺丰", "顺丰速运"],
    pattern: /^(SF\d{12,13}|\d{12})$/,
    example: "SF1234567890123",
    shape: "“SF” and 12–13 digits (or 12 digits)",
  },
  {
    code: "jd",
    name: "JD Logistics",
    aliases: ["jd", "jdl", "jd logistics", "京东", "京东物流"],
    pattern: /^JD[0-9A-Z]{11,18}$/,
    example: "JDVA12345678901",
    shape: "“JD” and 11–18 letters or digits",
  },
  {
    code: "ems",
    name: "China Post EMS",
    aliases: ["ems", "china post", "china post ems", "中国邮政", "邮政", "邮政ems"],
    pattern: /^(\d{13}|[A-Z]{2}\d{9}[A-Z]{2})$/,
    example: "1100123456789",
    shape: "13 digits, or two letters, 9 digits and two letters (EA123456789CN)",
  },
  {
    code: "zto",
    name: "ZTO Express",
    aliases: ["zto", "zto express", "中通", "中通快递"],
    pattern: /^\d{12,15}$/,
    example: "731234567890123",
    shape: "12–15 digits",
  },
  {
    code: "yto",
    name: "YTO Express",
    aliases: ["yto", "yto express", "圆通", "圆通速递"],
    pattern: /^YT\d{13,15}$/,
    example: "YT1234567890123",
    shape: "“YT” and 13–15 digits",
  },
  {
    code: "sto",
    name: "STO Express",
    aliases: ["sto", "sto express", "申通", "申通快递"],
    pattern: /^\d{12,15}$/,
    example: "773123456789012",
    shape: "12–15 digits",
  },
  {
    code: "yunda",
    name: "Yunda Express",
    aliases: ["yunda", "yd", "yunda express", "韵达", "韵达快递"],
    pattern: /^\d{13,15}$/,
    example: "4312345678901",
    shape: "13–15 digits",
  },
] as const satisfies readonly Carrier[];

export type CarrierCode = (typeof CARRIERS)[number]["code"];

/** Any other carrier's numbers, and the ceiling for all of them: 8–30 letters and digits. */
const ANY_TRACKING = /^[0-9A-Z]{8,30}$/;
export const MAX_TRACKING_INPUT_LENGTH = 60;

export function findCarrier(value: string): (typeof CARRIERS)[number] | undefined {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  return CARRIERS.find(
    (c) =>
      c.code === wanted ||
      c.name.toLowerCase() === wanted ||
      (c.aliases as readonly string[]).includes(wanted),
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
        `That doesn't look like a tracking number from ${carrier.name}: expected ${carrier.shape}, e.g. ${carrier.example}.`,
      ];
    }
  }
  if (!carrier || Object.keys(errors).length > 0) {
    return fail("invalid", "Check the carrier and tracking number.", { fieldErrors: errors });
  }
  return ok({ carrier: carrier.code, trackingNumber });
}
