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
