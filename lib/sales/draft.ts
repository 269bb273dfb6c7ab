import { z } from "zod";
import {
  MAX_SALE_SKU_QUANTITY,
  MAX_SALE_SKUS,
  PER_ACCOUNT_LIMIT_DEFAULT,
  PER_ACCOUNT_LIMIT_MAX,
  PER_ACCOUNT_LIMIT_MIN,
  REMINDER_MINUTES_DEFAULT,
  REMINDER_MINUTES_MAX,
  WAITLIST_OFFER_MINUTES_DEFAULT,
  WAITLIST_OFFER_MINUTES_MAX,
  WAITLIST_OFFER_MINUTES_MIN,
} from "@/lib/limits";
import { formatMoney } from "@/lib/money";
import { MAX_PRICE_MINOR, parseMoneyInput } from "@/lib/money-input";
import { TIERS, type TierName } from "@/lib/points/rules";
import { addFieldError, type FieldErrors, fieldErrorsFrom } from "@/lib/result";
import { parseStoreDateTime, toStoreInputValue } from "@/lib/store-time";
import {
  CONFIRM_EVERYDAY_PRICE_FIELD,
  CONFIRM_EVERYDAY_PRICE_LABEL,
  SALE_TIME_FIELDS,
  type SaleTimeField,
  skuField,
} from "./draft-fields";
import { type LaneColumns, laneFromColumns, laneTierName } from "./early-access-rules";
import { DEFAULT_BUCKET_COUNT, MAX_BUCKET_COUNT } from "./rules";

/**
 * A sale's draft: what a marketer (the console's form), QA and the benchmarks ask for when they create or edit a
 * sale. Every rule and message for it lives here once: each field's schema, the order of its four times, the
 * rules for its versions (SKUs). Two ways in share them: `saleDraftSchema` for typed callers (QA, benchmarks,
 * tests) and `parseSaleForm`/`parseNewSaleForm` for the console's form (plain strings, times in the store's zone,
 * prices as typed, one group of fields per version). Pure, so every refusal is unit-tested.
 */

export { CONFIRM_EVERYDAY_PRICE_FIELD, SALE_TIME_FIELDS, type SaleTimeField, skuField };

const MAX_SQL_INT = 2_147_483_647;

/** An empty text field is "missing", not 0. */
const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const saleSlugSchema = z
  .string({ error: "Choose a web address." })
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, like kite-9-noon.");

export const saleNameSchema = z
  .string({ error: "Give the sale a name." })
  .trim()
  .min(1, "Give the sale a name.")
  .max(120, "Use at most 120 characters.");

export const saleHeadlineSchema = z.string().trim().max(200, "Use at most 200 characters.").default("");

export const perAccountLimitSchema = z.preprocess(
  blankAsMissing,
  z.coerce
    .number({ error: "Enter a number of units." })
    .int("Use a whole number.")
    .min(PER_ACCOUNT_LIMIT_MIN, `At least ${PER_ACCOUNT_LIMIT_MIN} unit per account.`)
    .max(PER_ACCOUNT_LIMIT_MAX, `At most ${PER_ACCOUNT_LIMIT_MAX} units per account.`),
);

/** A whole number of minutes from `min` to `max` (blank: `fallback`), with sentences for each refusal. */
function minutesSchema({
  min,
  max,
  fallback,
  atLeast,
}: {
  min: number;
  max: number;
  fallback: number;
  atLeast: string;
}) {
  return z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: "Enter a number of minutes." })
      .int("Use a whole number of minutes.")
      .min(min, atLeast)
      .max(max, `At most ${max} minutes.`)
      .default(fallback),
  );
}

export const waitlistOfferMinutesSchema = minutesSchema({
  min: WAITLIST_OFFER_MINUTES_MIN,
  max: WAITLIST_OFFER_MINUTES_MAX,
  fallback: WAITLIST_OFFER_MINUTES_DEFAULT,
  atLeast: `At least ${WAITLIST_OFFER_MINUTES_MIN} minute.`,
});

export const reminderMinutesSchema = minutesSchema({
  min: 0,
  max: REMINDER_MINUTES_MAX,
  fallback: REMINDER_MINUTES_DEFAULT,
  atLeast: "0 sends no reminder.",
});

/** A number of a sale's units as typed: whole, at least 1 and at most what one sale can take. */
function unitsSchema({ missing, atLeastOne }: { missing: string; atLeastOne: string }) {
  return z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: missing })
      .int("Use a whole number of units.")
      .min(1, atLeastOne)
      .max(MAX_SALE_SKU_QUANTITY, "That is more units than one sale can take."),
  );
}

export const saleQuantitySchema = unitsSchema({
  missing: "Enter a number of units.",
  atLeastOne: "Put at least 1 unit on sale.",
});

/** A sale price in minor units (the form's text goes through `parseMoneyInput` first). */
export const salePriceMinorSchema = z.coerce
  .number({ error: "Enter a price." })
  .int("Use a price in minor units.")
  .min(0, "A price cannot be negative.")
  .max(MAX_PRICE_MINOR, "That price is too large.");

export const saleProductIdSchema = z.coerce
  .number({ error: "Choose a product from the catalogue." })
  .int("Choose a product from the catalogue.")
  .positive("Choose a product from the catalogue.")
  .max(MAX_SQL_INT, "Choose a product from the catalogue.");

export const saleStatusSchema = z.enum(["draft", "scheduled"], {
  error: "Choose whether to schedule the sale or keep it as a draft.",
});

const saleTimeSchema = z.coerce.date({ error: "Enter a date and time." });

export const saleKindSchema = z.enum(["first_come", "draw"], {
  error: "Choose first come or a draw.",
});

export const PURCHASE_WINDOW_MINUTES = { min: 5, max: 7 * 24 * 60 } as const;

export const purchaseWindowSchema = z.preprocess(
  blankAsMissing,
  z.coerce
    .number({ error: "Enter how many minutes a winner has to pay." })
    .int("Use a whole number of minutes.")
    .min(PURCHASE_WINDOW_MINUTES.min, `Give winners at least ${PURCHASE_WINDOW_MINUTES.min} minutes.`)
    .max(PURCHASE_WINDOW_MINUTES.max, "Give winners at most 7 days (10080 minutes)."),
);

/** Tiers a sale may require (every fan is at least the first, so requiring it means nothing). */
export const REQUIRED_TIER_NAMES = TIERS.slice(1).map((t) => t.name) as [TierName, ...TierName[]];
export const minTierSchema = z.enum(REQUIRED_TIER_NAMES, { error: "Choose a tier from the list." });

/** The lifetime points a required tier stands for, or null for none. */
export function minLifetimePointsFor(tier: TierName | undefined): number | null {
  return TIERS.find((t) => t.name === tier)?.threshold ?? null;
}

/** How long before the public start the early-access lane may open. */
export const EARLY_ACCESS_MINUTES = { min: 1, max: 1440, fallback: 10 } as const;

export const earlyAccessMinutesSchema = minutesSchema({
  min: EARLY_ACCESS_MINUTES.min,
  max: EARLY_ACCESS_MINUTES.max,
  fallback: EARLY_ACCESS_MINUTES.fallback,
  atLeast: `Open the lane at least ${EARLY_ACCESS_MINUTES.min} minute before the start.`,
});

export const earlyAccessQuotaSchema = unitsSchema({
  missing: "Enter how many units the lane may sell.",
  atLeastOne: "Give the lane at least 1 unit, or choose no early access.",
});

/**
 * The early-access lane: fans of `minTier` or above may reserve `minutes` before the public start, at most
 * `quota` units in all (carved from the sale's stock, so at most the sale's quantity).
 */
export const earlyAccessSchema = z.object({
  minTier: minTierSchema,
  minutes: earlyAccessMinutesSchema,
  quota: earlyAccessQuotaSchema,
});
export type EarlyAccess = z.output<typeof earlyAccessSchema>;

/** The sale row's three lane columns for a lane (or none: all null). */
export function earlyAccessColumns(lane: EarlyAccess | null | undefined): LaneColumns {
  return {
    earlyAccessMinPoints: lane ? minLifetimePointsFor(lane.minTier) : null,
    earlyAccessMinutes: lane?.minutes ?? null,
    earlyAccessQuota: lane?.quota ?? null,
  };
}

/** The lane a sale row's three columns describe, or null (the tier is the one whose threshold they hold). */
export function earlyAccessFromColumns(row: LaneColumns): EarlyAccess | null {
  const lane = laneFromColumns(row);
  return lane && { minTier: laneTierName(lane), minutes: lane.minutes, quota: lane.quota };
}

export const EARLY_ACCESS_DRAW = "A draw has no early-access lane: choose first come, or no early access.";
export const earlyAccessQuotaTooLarge = (total: number) =>
  `At most the sale's ${total} ${total === 1 ? "unit" : "units"}: the lane's quota comes out of its stock.`;

/** The draft's lane refusals (field errors under `earlyAccess*`): a draw, or a quota beyond the sale's units. */
export function earlyAccessErrors({
  earlyAccess,
  kind,
  totalQuantity,
}: {
  earlyAccess: EarlyAccess | null | undefined;
  kind: "first_come" | "draw";
  totalQuantity: number;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (!earlyAccess) return errors;
  if (kind === "draw") addFieldError(errors, "earlyAccessTier", EARLY_ACCESS_DRAW);
  if (totalQuantity > 0 && earlyAccess.quota > totalQuantity) {
    addFieldError(errors, "earlyAccessQuota", earlyAccessQuotaTooLarge(totalQuantity));
  }
  return errors;
}

export const DRAW_ONE_VERSION = "A draw sells one version: include exactly one.";
export const DRAW_NEEDS_WINDOW = "Enter how many minutes a winner has to pay.";

export const NO_VERSION = "Include at least one version in the sale.";
export const TOO_MANY_VERSIONS = `At most ${MAX_SALE_SKUS} versions per sale.`;

/** Registration opens before it closes, closes at or before the start, and the sale ends after it starts. */
export function saleWindowErrors(times: Partial<Record<SaleTimeField, Date>>): FieldErrors {
  const errors: FieldErrors = {};
  const t = (f: SaleTimeField) => times[f]?.getTime();
  const [opens, closes, starts, ends] = SALE_TIME_FIELDS.map(t);
  if (opens !== undefined && closes !== undefined && opens >= closes) {
    addFieldError(errors, "registrationClosesAt", "Registration must close after it opens.");
  }
  if (closes !== undefined && starts !== undefined && closes > starts) {
    addFieldError(errors, "registrationClosesAt", "Registration must close at or before the start.");
  }
  if (starts !== undefined && ends !== undefined && starts >= ends) {
    addFieldError(errors, "endsAt", "The sale must end after it starts.");
  }
  return errors;
}

const saleLineSchema = z.object({
  skuId: z.coerce.number().int().positive().max(MAX_SQL_INT),
  quantity: saleQuantitySchema,
  salePriceMinor: salePriceMinorSchema,
});

/** A complete draft from a typed caller (QA, benchmarks, tests); the console's form becomes the same shape. */
export const saleDraftSchema = z
  .object({
    slug: saleSlugSchema,
    name: saleNameSchema,
    headline: saleHeadlineSchema,
    productId: saleProductIdSchema,
    registrationOpensAt: saleTimeSchema,
    registrationClosesAt: saleTimeSchema,
    startsAt: saleTimeSchema,
    endsAt: saleTimeSchema,
    perAccountLimit: perAccountLimitSchema.default(PER_ACCOUNT_LIMIT_DEFAULT),
    waitlistOfferMinutes: waitlistOfferMinutesSchema,
    reminderMinutes: reminderMinutesSchema,
    featured: z.boolean().default(false),
    status: saleStatusSchema.default("scheduled"),
    bucketCount: z.coerce.number().int().min(1).max(MAX_BUCKET_COUNT).default(DEFAULT_BUCKET_COUNT),
    skus: z.array(saleLineSchema).min(1, NO_VERSION).max(MAX_SALE_SKUS, TOO_MANY_VERSIONS),
    kind: saleKindSchema.default("first_come"),
    purchaseWindowMinutes: purchaseWindowSchema.optional(),
    eligibleCreatedBefore: saleTimeSchema.optional(),
    minTier: minTierSchema.optional(),
    earlyAccess: earlyAccessSchema.optional(),
  })
  .superRefine((draft, ctx) => {
    const lane = earlyAccessErrors({
      earlyAccess: draft.earlyAccess,
      kind: draft.kind,
      totalQuantity: draft.skus.reduce((n, s) => n + s.quantity, 0),
    });
    for (const [field, messages] of Object.entries(lane)) {
      const path = field === "earlyAccessTier" ? ["earlyAccess", "minTier"] : ["earlyAccess", "quota"];
      for (const message of messages) ctx.addIssue({ code: "custom", path, message });
    }
    if (draft.kind === "draw" && draft.purchaseWindowMinutes === undefined) {
      ctx.addIssue({ code: "custom", path: ["purchaseWindowMinutes"], message: DRAW_NEEDS_WINDOW });
    }
    if (draft.kind === "draw" && draft.skus.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["skus"], message: DRAW_ONE_VERSION });
    }
    for (const [field, messages] of Object.entries(saleWindowErrors(draft))) {
      for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
    }
    const seen = new Set<number>();
    draft.skus.forEach((line, i) => {
      if (seen.has(line.skuId)) {
        ctx.addIssue({
          code: "custom",
          path: ["skus", i, "skuId"],
          message: "This version is listed twice.",
        });
      }
      seen.add(line.skuId);
    });
  });

/** What a typed caller passes (defaults filled in by the schema). */
export type SaleDraftInput = z.input<typeof saleDraftSchema>;
export type SaleDraft = z.output<typeof saleDraftSchema>;

// ─── The console's form ─────────────────────────────────────────────────────

export interface TimeValue {
  /** What the marketer typed, e.g. "2026-03-14T12:00", to tell an untouched field from a changed one. */
  text: string;
  at: Date;
}

export interface SaleFormSku {
  skuId: number;
  quantity: number;
  salePriceMinor: number;
}

/** The part of the draft both console forms (create and edit) post. */
export interface SaleFormValue {
  name: string;
  headline: string;
  perAccountLimit: number;
  waitlistOfferMinutes: number;
  reminderMinutes: number;
  times: Record<SaleTimeField, TimeValue>;
  skus: SaleFormSku[];
  /** The early-access lane, or null for none. */
  earlyAccess: EarlyAccess | null;
}

export type ParsedSaleForm = { ok: true; value: SaleFormValue } | { ok: false; fieldErrors: FieldErrors };

function merge(into: FieldErrors, from: FieldErrors) {
  for (const [field, messages] of Object.entries(from)) {
    for (const message of messages) addFieldError(into, field, message);
  }
}

/** One field through its schema: the value, or its messages added under `field`. */
function parseField<S extends z.ZodType>(
  errors: FieldErrors,
  field: string,
  schema: S,
  value: unknown,
): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const messages of Object.values(fieldErrorsFrom(parsed.error))) {
    for (const message of messages) addFieldError(errors, field, message);
  }
  return undefined;
}

function parseFormTimes(raw: Record<string, string>, timeZone: string, errors: FieldErrors) {
  const times: Partial<Record<SaleTimeField, TimeValue>> = {};
  for (const field of SALE_TIME_FIELDS) {
    const text = (raw[field] ?? "").trim();
    if (!text) {
      addFieldError(errors, field, "Enter a date and time.");
      continue;
    }
    const parsed = parseStoreDateTime(text, timeZone);
    if (parsed.ok) times[field] = { text, at: parsed.at };
    else addFieldError(errors, field, parsed.message);
  }
  merge(errors, saleWindowErrors(Object.fromEntries(Object.entries(times).map(([f, v]) => [f, v.at]))));
  return times;
}

const isTicked = (raw: Record<string, string>, field: string) => ["on", "true"].includes(raw[field] ?? "");
const isIncluded = (raw: Record<string, string>, skuId: number) => isTicked(raw, skuField(skuId, "include"));

/** A version of the product as the form's parser needs it: its currency and its everyday (catalogue) price. */
export interface SaleFormSkuOption {
  id: number;
  currency: string;
  everydayPriceMinor: number;
}

/**
 * A sale is a discount: a sale price at or above the version's everyday price is refused unless the marketer ticks
 * “Sell at or above the everyday price” (`confirmed`). A price left as it was saved (`unchanged`, when editing)
 * was already allowed, so it is not asked about again. The message, or null.
 */
export function everydayPriceError({
  salePriceMinor,
  everydayPriceMinor,
  currency,
  confirmed,
  unchanged = false,
}: {
  salePriceMinor: number;
  everydayPriceMinor: number;
  currency: string;
  confirmed: boolean;
  unchanged?: boolean;
}): string | null {
  if (confirmed || unchanged || salePriceMinor < everydayPriceMinor) return null;
  const everyday = formatMoney(everydayPriceMinor, currency);
  return `${salePriceMinor === everydayPriceMinor ? "The same as" : "Above"} the everyday price (${everyday}). Lower it, or tick “${CONFIRM_EVERYDAY_PRICE_LABEL}”.`;
}

function parseFormLines(
  raw: Record<string, string>,
  { skus, savedPrices }: Pick<SaleFormContext, "skus" | "savedPrices">,
  errors: FieldErrors,
): SaleFormSku[] {
  const known = new Set(skus.map((s) => s.id));
  const foreign = Object.keys(raw).some((key) => {
    const m = /^sku:(\d+):(include|quantity|price)$/.exec(key);
    return m !== null && !known.has(Number(m[1]));
  });
  if (foreign) {
    addFieldError(
      errors,
      "skus",
      "The form lists a version that isn't part of this product. Reload the page.",
    );
  }
  const lines: SaleFormSku[] = [];
  const confirmed = isTicked(raw, CONFIRM_EVERYDAY_PRICE_FIELD);
  for (const { id, currency, everydayPriceMinor } of skus) {
    if (!isIncluded(raw, id)) continue;
    const quantity = parseField(
      errors,
      skuField(id, "quantity"),
      saleQuantitySchema,
      raw[skuField(id, "quantity")],
    );
    const price = parseMoneyInput(raw[skuField(id, "price")] ?? "", currency);
    if (!price.ok) addFieldError(errors, skuField(id, "price"), price.message);
    const tooHigh =
      price.ok &&
      everydayPriceError({
        salePriceMinor: price.amountMinor,
        everydayPriceMinor,
        currency,
        confirmed,
        unchanged: savedPrices?.get(id) === price.amountMinor,
      });
    if (tooHigh) addFieldError(errors, skuField(id, "price"), tooHigh);
    if (quantity !== undefined && price.ok) {
      lines.push({ skuId: id, quantity, salePriceMinor: price.amountMinor });
    }
  }
  const included = skus.filter((s) => isIncluded(raw, s.id)).length;
  if (included === 0) addFieldError(errors, "skus", NO_VERSION);
  if (included > MAX_SALE_SKUS) addFieldError(errors, "skus", TOO_MANY_VERSIONS);
  return lines;
}

export interface SaleFormContext {
  timeZone: string;
  /** The product's versions: rows for any other SKU id are refused (a forged or stale form). */
  skus: readonly SaleFormSkuOption[];
  /** Editing: the sale price each version in the sale has now, by SKU id (left as is, it is not re-confirmed). */
  savedPrices?: ReadonlyMap<number, number>;
}

/**
 * Parses the part of the create and edit forms they share: at least one version must be included, and a sale
 * price at or above a version's everyday price needs the form's confirmation (`everydayPriceError`).
 */
export function parseSaleForm(raw: Record<string, string>, context: SaleFormContext): ParsedSaleForm {
  const { timeZone } = context;
  const errors: FieldErrors = {};
  const name = parseField(errors, "name", saleNameSchema, raw.name);
  const headline = parseField(errors, "headline", saleHeadlineSchema, raw.headline ?? "");
  const perAccountLimit = parseField(errors, "perAccountLimit", perAccountLimitSchema, raw.perAccountLimit);
  const waitlistOfferMinutes = parseField(
    errors,
    "waitlistOfferMinutes",
    waitlistOfferMinutesSchema,
    raw.waitlistOfferMinutes,
  );
  const reminderMinutes = parseField(errors, "reminderMinutes", reminderMinutesSchema, raw.reminderMinutes);
  const times = parseFormTimes(raw, timeZone, errors);
  const lines = parseFormLines(raw, context, errors);
  const earlyAccess = parseFormEarlyAccess(raw, errors);
  if (earlyAccess && lines.length > 0) {
    const total = lines.reduce((n, l) => n + l.quantity, 0);
    if (earlyAccess.quota > total) addFieldError(errors, "earlyAccessQuota", earlyAccessQuotaTooLarge(total));
  }
  if (
    earlyAccess === undefined ||
    Object.keys(errors).length > 0 ||
    name === undefined ||
    headline === undefined ||
    perAccountLimit === undefined ||
    waitlistOfferMinutes === undefined ||
    reminderMinutes === undefined
  ) {
    return { ok: false, fieldErrors: errors };
  }
  return {
    ok: true,
    value: {
      name,
      headline,
      perAccountLimit,
      waitlistOfferMinutes,
      reminderMinutes,
      times: times as Record<SaleTimeField, TimeValue>,
      skus: lines,
      earlyAccess,
    },
  };
}

/**
 * The form's lane fields: `earlyAccessTier` (blank: no lane, and the other two are ignored), `earlyAccessMinutes`
 * (blank: 10) and `earlyAccessQuota`. Null for no lane, undefined when a field was refused.
 */
function parseFormEarlyAccess(
  raw: Record<string, string>,
  errors: FieldErrors,
): EarlyAccess | null | undefined {
  const tierText = (raw.earlyAccessTier ?? "").trim();
  if (!tierText) return null;
  const minTier = parseField(errors, "earlyAccessTier", minTierSchema, tierText);
  const minutes = parseField(errors, "earlyAccessMinutes", earlyAccessMinutesSchema, raw.earlyAccessMinutes);
  const quota = parseField(errors, "earlyAccessQuota", earlyAccessQuotaSchema, raw.earlyAccessQuota);
  if (minTier === undefined || minutes === undefined || quota === undefined) return undefined;
  return { minTier, minutes, quota };
}

/** How fans get the units and who may register: set when the sale is created, not edited afterwards. */
export interface SaleRules {
  kind: "first_come" | "draw";
  purchaseWindowMinutes?: number | undefined;
  eligibleCreatedBefore?: Date | undefined;
  minTier?: TierName | undefined;
}

export interface NewSaleIdentity {
  productId?: number;
  slug?: string;
  status?: "draft" | "scheduled";
  rules?: SaleRules;
  fieldErrors: FieldErrors;
}

/** The create form's draw and eligibility fields (`kind`, `purchaseWindowMinutes`, `eligibleCreatedBefore`, `minTier`). */
function parseSaleRules(
  raw: Record<string, string>,
  timeZone: string,
  errors: FieldErrors,
): SaleRules | undefined {
  const kind = parseField(errors, "kind", saleKindSchema, raw.kind || "first_come");
  const purchaseWindowMinutes =
    kind === "draw"
      ? parseField(errors, "purchaseWindowMinutes", purchaseWindowSchema, raw.purchaseWindowMinutes)
      : undefined;
  if (kind === "draw" && purchaseWindowMinutes === undefined && !errors.purchaseWindowMinutes) {
    addFieldError(errors, "purchaseWindowMinutes", DRAW_NEEDS_WINDOW);
  }
  let eligibleCreatedBefore: Date | undefined;
  const cutoff = (raw.eligibleCreatedBefore ?? "").trim();
  if (cutoff) {
    const parsed = parseStoreDateTime(cutoff, timeZone);
    if (parsed.ok) eligibleCreatedBefore = parsed.at;
    else addFieldError(errors, "eligibleCreatedBefore", parsed.message);
  }
  const minTier = raw.minTier ? parseField(errors, "minTier", minTierSchema, raw.minTier) : undefined;
  if (kind === undefined) return undefined;
  return { kind, purchaseWindowMinutes, eligibleCreatedBefore, minTier };
}

/** The tier whose threshold a stored `min_lifetime_points` is, for the form ("" when none). */
export function minTierFor(minLifetimePoints: number | null): string {
  if (minLifetimePoints === null) return "";
  return TIERS.find((t) => t.threshold === minLifetimePoints)?.name ?? "";
}

/** What the edit form may change about who registers (and, for a draw, its window to pay). */
export interface SaleRulesEdit {
  purchaseWindowMinutes: number | null;
  eligibleCreatedBefore: Date | null;
  minLifetimePoints: number | null;
}

/**
 * The edit form's rules fields, against the stored ones: a field the form did not send keeps its stored value (a
 * caller unaware of them changes nothing), and a cutoff shown as stored keeps its exact instant (inputs show
 * minutes). The kind is not edited: a draw's seed was committed when the sale was created.
 */
export function parseRulesEdit(
  raw: Record<string, string>,
  { timeZone, kind, current }: { timeZone: string; kind: "first_come" | "draw"; current: SaleRulesEdit },
): { ok: true; value: SaleRulesEdit } | { ok: false; fieldErrors: FieldErrors } {
  const errors: FieldErrors = {};
  let purchaseWindowMinutes = current.purchaseWindowMinutes;
  if (kind === "draw" && raw.purchaseWindowMinutes !== undefined) {
    const parsed = parseField(
      errors,
      "purchaseWindowMinutes",
      purchaseWindowSchema,
      raw.purchaseWindowMinutes,
    );
    if (parsed !== undefined) purchaseWindowMinutes = parsed;
    else if (!errors.purchaseWindowMinutes) addFieldError(errors, "purchaseWindowMinutes", DRAW_NEEDS_WINDOW);
  }
  let eligibleCreatedBefore = current.eligibleCreatedBefore;
  const cutoff = raw.eligibleCreatedBefore?.trim();
  const shown = current.eligibleCreatedBefore
    ? toStoreInputValue(current.eligibleCreatedBefore, timeZone)
    : "";
  if (cutoff !== undefined && cutoff !== shown) {
    const parsed = cutoff ? parseStoreDateTime(cutoff, timeZone) : null;
    if (parsed && !parsed.ok) addFieldError(errors, "eligibleCreatedBefore", parsed.message);
    else eligibleCreatedBefore = parsed ? parsed.at : null;
  }
  let minLifetimePoints = current.minLifetimePoints;
  if (raw.minTier !== undefined && raw.minTier !== minTierFor(current.minLifetimePoints)) {
    const tier = raw.minTier ? parseField(errors, "minTier", minTierSchema, raw.minTier) : undefined;
    if (!errors.minTier) minLifetimePoints = minLifetimePointsFor(tier);
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  return { ok: true, value: { purchaseWindowMinutes, eligibleCreatedBefore, minLifetimePoints } };
}

/**
 * What only the create form has: the product, the web address, whether to schedule or keep a draft, and the
 * sale's rules (first come or draw, eligibility).
 */
export function parseNewSaleIdentity(raw: Record<string, string>, timeZone: string): NewSaleIdentity {
  const fieldErrors: FieldErrors = {};
  const productId = parseField(fieldErrors, "productId", saleProductIdSchema, blankAsMissing(raw.productId));
  const slug = parseField(fieldErrors, "slug", saleSlugSchema, raw.slug);
  const status = parseField(fieldErrors, "status", saleStatusSchema, raw.status);
  const rules = parseSaleRules(raw, timeZone, fieldErrors);
  return { productId, slug, status, ...(rules ? { rules } : {}), fieldErrors };
}

/** The console's form values as a complete draft (same shape as a typed caller's). */
export function draftFromForm(
  identity: { productId: number; slug: string; status: "draft" | "scheduled"; rules?: SaleRules | undefined },
  value: SaleFormValue,
): SaleDraft {
  const { rules, ...rest } = identity;
  return {
    ...rest,
    kind: rules?.kind ?? "first_come",
    purchaseWindowMinutes: rules?.purchaseWindowMinutes,
    eligibleCreatedBefore: rules?.eligibleCreatedBefore,
    minTier: rules?.minTier,
    earlyAccess: value.earlyAccess ?? undefined,
    name: value.name,
    headline: value.headline,
    perAccountLimit: value.perAccountLimit,
    waitlistOfferMinutes: value.waitlistOfferMinutes,
    reminderMinutes: value.reminderMinutes,
    registrationOpensAt: value.times.registrationOpensAt.at,
    registrationClosesAt: value.times.registrationClosesAt.at,
    startsAt: value.times.startsAt.at,
    endsAt: value.times.endsAt.at,
    featured: false,
    bucketCount: DEFAULT_BUCKET_COUNT,
    skus: value.skus,
  };
}
