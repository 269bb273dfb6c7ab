import { skuField } from "@/lib/sales/draft-fields";

type SkuFieldName = Parameters<typeof skuField>[1];

/**
 * A sale form's fields for one version (SKU), as a marketer fills them in: `include` ("on" or ""), `quantity` and
 * `price` as typed. Spread several into a form: `{ ...versionFields(11, { include: "on", quantity: "600" }) }`.
 */
export function versionFields(
  skuId: number,
  fields: Partial<Record<SkuFieldName, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [skuField(skuId, name as SkuFieldName), value]),
  );
}

/**
 * The console's sale form before its versions: a sale on `day` (YYYY-MM-DD, store time) from 12:00 to 14:00, with
 * registration from 10:00 the day before until the start, no headline and one unit per account unless given.
 * Spread `versionFields` and any overrides on top.
 */
export function saleFormFields({
  name,
  day,
  headline = "",
  perAccountLimit = "1",
}: {
  name: string;
  day: string;
  headline?: string;
  perAccountLimit?: string;
}): Record<string, string> {
  const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 24 * 3600_000).toISOString().slice(0, 10);
  return {
    name,
    headline,
    perAccountLimit,
    registrationOpensAt: `${dayBefore}T10:00`,
    registrationClosesAt: `${day}T12:00`,
    startsAt: `${day}T12:00`,
    endsAt: `${day}T14:00`,
  };
}

/** The context the pure sale-form tests parse in: a store in Shanghai, a product of two versions (11, 12) in CNY. */
export const SHANGHAI_FORM = {
  timeZone: "Asia/Shanghai",
  skus: [
    { id: 11, currency: "CNY", everydayPriceMinor: 449_900 },
    { id: 12, currency: "CNY", everydayPriceMinor: 469_900 },
  ],
};

/**
 * A filled form for SHANGHAI_FORM's product: "Noon sale" on 2 March 2040, version 11 at 3999.00 and 12 at 4299.00
 * with the `quantities` typed (a blank one leaves that version out), then `over`.
 */
export function shanghaiSaleForm(
  { quantities, ...fields }: { quantities: [string, string]; headline?: string; perAccountLimit?: string },
  over: Record<string, string> = {},
): Record<string, string> {
  const version = (skuId: number, quantity: string, price: string) =>
    versionFields(skuId, quantity ? { include: "on", quantity, price } : { quantity, price });
  return {
    ...saleFormFields({ name: "Noon sale", day: "2040-03-02", ...fields }),
    ...version(11, quantities[0], "3999.00"),
    ...version(12, quantities[1], "4299.00"),
    ...over,
  };
}
