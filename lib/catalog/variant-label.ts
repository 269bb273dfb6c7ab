/**
 * How a version (SKU) of a product is named to a person: "Graphite · 256 GB", or just the colour when the
 * product has no storage sizes. Import-free, so client components use it too.
 */
export function variantLabel(sku: { colour: string; storage: string | null }): string {
  return sku.storage ? `${sku.colour} · ${sku.storage}` : sku.colour;
}
