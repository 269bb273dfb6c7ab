import { z } from "zod";
import { type FieldErrors, fieldErrorsFrom } from "@/lib/result";
import { addStoreDays, atStoreTime, isStoreDay } from "@/lib/sales/store-day";

/**
 * The audit log's filters, read from the page's URL (`?actor=&kind=&from=&to=&before=`): who, what kind of change,
 * which store days (inclusive, in the store's zone), and the keyset cursor of the page. Pure, so every refusal is
 * unit-tested; the page shows the messages and no rows when a filter can't be read.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A kind as writers name them (`sale.update`, `return.approve`): known or not, only its shape is checked. */
const KIND = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

const blankAsMissing = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsMissing, schema.optional());
const day = (message: string) => optional(z.string({ error: message }).trim().refine(isStoreDay, message));

export const auditFilterSchema = z
  .object({
    actor: optional(
      z
        .string({ error: "Choose a marketer from the list." })
        .trim()
        .regex(UUID, "Choose a marketer from the list."),
    ),
    kind: optional(
      z
        .string({ error: "Choose a kind of change from the list." })
        .trim()
        .max(60, "Choose a kind of change from the list.")
        .regex(KIND, "Choose a kind of change from the list."),
    ),
    from: day("Use a start date like 2026-03-14."),
    to: day("Use an end date like 2026-03-14."),
    before: optional(
      z.coerce
        .number({ error: "That page link is broken: go back to the newest entries." })
        .int("That page link is broken: go back to the newest entries.")
        .positive("That page link is broken: go back to the newest entries.")
        .max(Number.MAX_SAFE_INTEGER, "That page link is broken: go back to the newest entries."),
    ),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    message: "The end date must be on or after the start date.",
  });

export type AuditFilters = z.output<typeof auditFilterSchema>;

export type ParsedAuditFilters =
  | { ok: true; filters: AuditFilters; active: boolean }
  | { ok: false; message: string; fieldErrors: FieldErrors; values: Record<string, string> };

/** The URL's search params, checked. A repeated parameter is read by its first value. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): ParsedAuditFilters {
  const values = Object.fromEntries(
    ["actor", "kind", "from", "to", "before"].map((key) => {
      const raw = params[key];
      return [key, (Array.isArray(raw) ? raw[0] : raw) ?? ""];
    }),
  ) as Record<string, string>;
  const parsed = auditFilterSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFrom(parsed.error);
    const message = `These filters can't be used: ${Object.values(fieldErrors).flat().join(" ")}`;
    return { ok: false, message, fieldErrors, values };
  }
  const { actor, kind, from, to } = parsed.data;
  return { ok: true, filters: parsed.data, active: Boolean(actor || kind || from || to) };
}

/** The filters' days as instants: from the start of `from` to the end of `to`, in the store's zone. */
export function auditTimeRange(
  filters: Pick<AuditFilters, "from" | "to">,
  timeZone: string,
): { since?: Date; until?: Date } {
  return {
    since: filters.from ? atStoreTime(filters.from, 0, 0, timeZone) : undefined,
    until: filters.to ? atStoreTime(addStoreDays(filters.to, 1), 0, 0, timeZone) : undefined,
  };
}

/** The page's URL for these filters (and a cursor), without empty parameters. */
export function auditFilterHref(
  filters: Partial<Record<"actor" | "kind" | "from" | "to", string>>,
  before?: number,
): string {
  const query = new URLSearchParams();
  for (const key of ["actor", "kind", "from", "to"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  if (before !== undefined) query.set("before", String(before));
  const text = query.toString();
  return text ? `/admin/audit?${text}` : "/admin/audit";
}
