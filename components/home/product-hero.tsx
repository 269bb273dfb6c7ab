import { ButtonLink } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import { ProductImage } from "@/components/ui/product-image";
import type { ProductCardData } from "@/lib/catalog/types";

/** The homepage hero when no flash sale is scheduled: the featured product, one tap from buying. */
export function ProductHero({
  product,
  eyebrow = "Featured",
  imageUrl,
  ctaLabel = "Buy now",
  ctaHref,
}: {
  product: ProductCardData;
  eyebrow?: string;
  imageUrl?: string;
  ctaLabel?: string;
  ctaHref?: string;
}) {
  const image = imageUrl ?? product.imageUrl;
  return (
    <section
      aria-labelledby="hero-title"
      className="relative overflow-hidden rounded-3xl bg-gradient-to-br from-accent-50 via-white to-ink-50"
    >
      <div className="grid items-center gap-6 p-6 sm:p-10 md:grid-cols-2">
        <div>
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{eyebrow}</p>
          <h1 id="hero-title" className="mt-2 text-4xl font-bold tracking-tight sm:text-5xl">
            {product.name}
          </h1>
          <p className="mt-3 max-w-md text-lg text-ink-600">{product.tagline}</p>
          <div className="mt-5">
            <Price
              amountMinor={product.fromPriceMinor}
              currency={product.currency}
              from={product.priceVaries}
              size="xl"
            />
          </div>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href={ctaHref ?? `/products/${product.slug}`} size="lg">
              {ctaLabel}
            </ButtonLink>
            <ButtonLink href={`/products/${product.slug}?tab=specs`} variant="secondary" size="lg">
              See the specs
            </ButtonLink>
          </div>
        </div>
        <ProductImage src={image} alt={product.imageAlt} size={560} className="mx-auto max-h-96 w-auto" />
      </div>
    </section>
  );
}
