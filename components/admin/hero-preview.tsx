import { ProductHero } from "@/components/home/product-hero";
import { SaleHero } from "@/components/home/sale-hero";
import type { ProductCardData } from "@/lib/catalog/types";
import type { HeroPreview as Preview } from "@/lib/hero/preview";
import { saleCtaLabel } from "@/lib/hero/preview";

/**
 * The homepage hero exactly as the homepage renders it (the same two components, fed the same way), for a
 * moment chosen in the console. Live figures (countdown, units left) are left out: they belong to the real
 * moment, not the previewed one, so the button label is the one the sale's state at that moment gives.
 */
export function HeroPreview({
  preview,
  products,
  timeZone,
}: {
  preview: Preview;
  products: ProductCardData[];
  timeZone: string;
}) {
  const entry = preview.entry;
  if (preview.sale) {
    return (
      <SaleHero
        sale={preview.sale}
        figures={null}
        timeZone={timeZone}
        {...(entry
          ? { headline: entry.headline, imageUrl: entry.imageUrl, ctaLabel: entry.ctaLabel }
          : { ctaLabel: saleCtaLabel(preview.saleState) })}
      />
    );
  }
  const featured = products.find((p) => p.slug === preview.productSlug) ?? products[0];
  if (!featured) {
    return (
      <p className="rounded-2xl bg-ink-50 p-10 text-center text-ink-600">No hero: the catalogue is empty.</p>
    );
  }
  return (
    <ProductHero
      product={featured}
      {...(entry
        ? {
            eyebrow: entry.headline,
            imageUrl: entry.imageUrl,
            ctaLabel: entry.ctaLabel,
            ctaHref: entry.ctaHref,
          }
        : {})}
    />
  );
}
