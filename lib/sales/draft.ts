import { z } from "zod";
import { parseMoneyInput } from "@/lib/money-input";
import { MAX_SALE_SKU_QUANTITY } from "@/lib/sales/commands";
import { parseStoreDateTime } from "@/lib/store-time";
import { SALE_TIME_FIELDS, type SaleTimeField, skuField } from "./draft-fields";

/**
 * The sale form as the console posts it: plain strings, times as `datetime-local` values in the store's zone,
 * prices as typed ("3999.00"), and one group of fields per version (SKU) of the product:
 * `sku:<id>:include`, `sku:<id>:quantity`, `sku:<id>:price`. Pure, so every refusal is unit-tested.
 */

export { SALE_TIME_FIELDS, type SaleTimeField, skuField };

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

export interface SaleFormValue {
  name: string;
  headline: string;
  perAccountLimit: number;
  times: Record<SaleTimeField, TimeValue>;
  skus: SaleFormSku[];
}

export type FieldErrors = Record<string, string[]>;

export type ParsedSaleForm = { ok: true; value: SaleFormValue } | { ok: false; fieldErrors: FieldErrors };

/** FormData → strings (files and React's own `$ACTION…` fields left out). */
export function formRecord(formData: FormData): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) raw[key] = value;
  }
  return raw;
}

export const saleSlugSchema = z
  .string({ error: "Choose a web address." })
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(80, "Use at most 80 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, like kite-9-noon.");

const basicsSchema = z.object({
  name: z
    .string({ error: "Give the sale a name." })
    .trim()
    .min(1, "Give the sale a name.")
    .max(120, "Use at most 120 characters."),
  headline: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  perAccountLimit: z.coerce
    .number({ error: "Enter a number of units." })
    .int("Use a whole number.")
    .min(1, "At least 1 unit per account.")
    .max(10, "At most 10 units per account."),
});

const quantitySchema = z.coerce
  .number({ error: "Enter a number of units." })
  .int("Use a whole number of units.")
  .min(1, "Put at least 1 unit on sale.")
  .max(MAX_SALE_SKU_QUANTITY, "That is more units than one sale can take.");

function add(errors: FieldErrors, key: string, message: string) {
  errors[key] = [...(errors[key] ?? []), message];
}

/**
 * Parses the shared part of the create and edit forms. `skus` are the product's versions with their currency:
 * rows for any other SKU id are refused (a forged or stale form), and at least one version must be included.
 */
export function parseSaleForm(
  raw: Record<string, string>,
  { timeZone, skus }: { timeZone: string; skus: readonly { id: number; currency: string }[] },
): ParsedSaleForm {
  const errors: FieldErrors = {};
  const basics = basicsSchema.safeParse({
    name: raw.name,
    headline: raw.headline ?? "",
    perAccountLimit: raw.perAccountLimit === "" ? undefined : raw.perAccountLimit,
  });
  if (!basics.success) {
    for (const issue of basics.error.issues) add(errors, issue.path.join(".") || "form", issue.message);
  }

  const times: Partial<Record<SaleTimeField, TimeValue>> = {};
  for (const field of SALE_TIME_FIELDS) {
    const text = (raw[field] ?? "").trim();
    if (!text) {
      add(errors, field, "Enter a date and time.");
      continue;
    }
    const parsed = parseStoreDateTime(text, timeZone);
    if (parsed.ok) times[field] = { text, at: parsed.at };
    else add(errors, field, parsed.message);
  }
  const t = (f: SaleTimeField) => times[f]?.at.getTime();
  const opens = t("registrationOpensAt");
  const closes = t("registrationClosesAt");
  const starts = t("startsAt");
  const ends = t("endsAt");
  if (opens !== undefined && closes !== undefined && opens >= closes) {
    add(errors, "registrationClosesAt", "Registration must close after it opens.");
  }
  if (closes !== undefined && starts !== undefined && closes > starts) {
    add(errors, "registrationClosesAt", "Registration must close at or before the start.");
  }
  if (starts !== undefined && ends !== undefined && starts >= ends) {
    add(errors, "endsAt", "The sale must end after it starts.");
  }

  const known = new Map(skus.map((s) => [s.id, s.currency]));
  for (const key of Object.keys(raw)) {
    const m = /^sku:(\d+):(include|quantity|price)$/.exec(key);
    if (m && !known.has(Number(m[1]))) {
      add(errors, "skus", "The form lists a version that isn't part of this product. Reload the page.");
      break;
    }
  }
  const lines: SaleFormSku[] = [];
  for (const { id, currency } of skus) {
    const include = raw[skuField(id, "include")];
    if (include !== "on" && include !== "true") continue;
    const quantity = quantitySchema.safeParse(
      (raw[skuField(id, "quantity")] ?? "").trim() === "" ? undefined : raw[skuField(id, "quantity")],
    );
    if (!quantity.success) add(errors, skuField(id, "quantity"), quantity.error.issues[0]?.message ?? "");
    const price = parseMoneyInput(raw[skuField(id, "price")] ?? "", currency);
    if (!price.ok) add(errors, skuField(id, "price"), price.message);
    if (quantity.success && price.ok) {
      lines.push({ skuId: id, quantity: quantity.data, salePriceMinor: price.amountMinor });
    }
  }
  const included = skus.filter((s) => ["on", "true"].includes(raw[skuField(s.id, "include")] ?? "")).length;
  if (included === 0) add(errors, "skus", "Include at least one version in the sale.");
  if (included > 50) add(errors, "skus", "At most 50 versions per sale.");

  if (Object.keys(errors).length > 0 || !basics.success) return { ok: false, fieldErrors: errors };
  return {
    ok: true,
    value: {
      ...basics.data,
      times: times as Record<SaleTimeField, TimeValue>,
      skus: lines,
    },
  };
}
