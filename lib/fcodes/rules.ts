import { z } from "zod";
import type { RateLimitRule } from "@/lib/rate-limit/limiter";
import { formatStoreDateTime, weekFromNowInputs } from "@/lib/store-time";

/** The most codes one batch may have: enough for a fan club's drop, small enough to show and download at once. */
export const MAX_FCODES_PER_BATCH = 5000;

/**
 * Wrong codes cost a token from the account's bucket and the address's; a code that exists gives both back. So
 * guessing is slow (10 tries, then one a minute per account) while a fan who mistypes once is never stopped.
 */
export const FCODE_RATE_LIMITS = {
  account: { capacity: 10, refillPerSecond: 1 / 60 },
  ip: { capacity: 30, refillPerSecond: 1 / 20 },
} as const satisfies Record<string, RateLimitRule>;

export const FCODE_EXPIRY_CHOICES = {
  return_to_sale: "Go back to the sale's public stock",
  keep_in_quota: "Stay set aside in the F-code quota",
} as const;

const batchFields = {
  label: z.string().trim().min(1, { error: "Name the batch, e.g. “Kite Club moderators”." }).max(80),
  codeCount: z.coerce
    .number({ error: "Enter how many codes to make." })
    .int({ error: "Enter a whole number of codes." })
    .min(1, { error: "Make at least 1 code." })
    .max(MAX_FCODES_PER_BATCH, {
      error: `At most ${MAX_FCODES_PER_BATCH.toLocaleString("en-US")} codes per batch.`,
    }),
  quota: z.coerce
    .number({ error: "Enter how many units to set aside." })
    .int({ error: "Enter a whole number of units." })
    .min(1, { error: "Set aside at least 1 unit." }),
  validFrom: z.string().min(1, { error: "Enter when the codes start to work." }).max(40),
  validUntil: z.string().min(1, { error: "Enter when the codes stop working." }).max(40),
  atExpiry: z.enum(["return_to_sale", "keep_in_quota"], { error: "Choose what happens to unused units." }),
  requestKey: z.string().max(64).optional(),
};

const quotaWithinCodes = {
  path: ["quota"],
  error: "Set aside at most one unit per code: a code buys one unit.",
};

/** A batch to issue: the sale and version, and the form's fields (times in the store's wall time). */
export const issueBatchInput = z
  .strictObject({ saleId: z.uuid(), skuId: z.number().int().positive(), ...batchFields })
  .refine((v) => v.quota <= v.codeCount, quotaWithinCodes);
export type IssueBatchInput = z.infer<typeof issueBatchInput>;

/** The console's issue form, as FormData strings: the sale and version come as one choice, `<saleId>:<skuId>`. */
export const issueBatchForm = z
  .strictObject({
    target: z.string().regex(/^[0-9a-f-]{36}:\d{1,9}$/, { error: "Choose a sale and version." }),
    ...batchFields,
  })
  .refine((v) => v.quota <= v.codeCount, quotaWithinCodes)
  .transform(({ target, ...rest }): IssueBatchInput => {
    const [saleId = "", skuId = "0"] = target.split(":");
    return { ...rest, saleId, skuId: Number(skuId) };
  });

/** The state of one code as a person reads it, from its row and its latest hold. */
export type FcodeState = "unused" | "given" | "reserved" | "bought" | "expired" | "not_yet";

export function fcodeState({
  givenTo,
  holdStatus,
  releaseReason,
  validFrom,
  validUntil,
  now,
}: {
  givenTo: string | null;
  holdStatus: string | null;
  releaseReason: string | null;
  validFrom: Date;
  validUntil: Date;
  now: Date;
}): FcodeState {
  if (holdStatus === "converted" || (holdStatus === "released" && releaseReason === "returned"))
    return "bought";
  if (holdStatus === "active") return "reserved";
  if (now.getTime() >= validUntil.getTime()) return "expired";
  if (now.getTime() < validFrom.getTime()) return "not_yet";
  return givenTo ? "given" : "unused";
}

/** "Valid until Sat, 14 Mar 2026, 12:00 GMT+8", "Works from … until …", "Expired …". */
export function validityText(
  { validFrom, validUntil }: { validFrom: Date; validUntil: Date },
  { now, timeZone }: { now: Date; timeZone: string },
): string {
  if (now.getTime() < validFrom.getTime()) {
    return `Works from ${formatStoreDateTime(validFrom, timeZone)} until ${formatStoreDateTime(validUntil, timeZone)}`;
  }
  if (now.getTime() >= validUntil.getTime()) return `Expired ${formatStoreDateTime(validUntil, timeZone)}`;
  return `Valid until ${formatStoreDateTime(validUntil, timeZone)}`;
}

/** What the console's "Issue a batch" form starts with: 50 codes for 50 units, valid for a week. */
export function issueBatchDefaults(now: Date, timeZone: string): Record<string, string> {
  const window = weekFromNowInputs(now, timeZone);
  const batch = { target: "", label: "", codeCount: "50", quota: "50", atExpiry: "return_to_sale" };
  return { ...batch, validFrom: window.from, validUntil: window.until };
}
