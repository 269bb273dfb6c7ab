import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Price } from "@/components/ui/price";
import { ProductImage } from "@/components/ui/product-image";
import { Stars } from "@/components/ui/stars";
import { StockBadge } from "@/components/ui/stock-badge";
import type { ProductCardData } from "@/lib/catalog/types";

export function ProductCard({
  product,
  headingLevel = 3,
}: {
  product: ProductCardData;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const href = `/products/${product.slug}`;
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-2xl border border-ink-100 bg-white transition hover:-translate-y-0.5 hover:shadow-lg">
      <div className="flex aspect-square items-center justify-center bg-ink-50 p-6">
        <ProductImage
          src={product.imageUrl}
          size={320}
          className="h-full w-full object-contain"
          loading="lazy"
        />
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-4">
        <Heading className="text-base font-semibold text-ink-900">
          <Link href={href} className="after:absolute after:inset-0">
            {product.name}
          </Link>
        </Heading>
        <p className="line-clamp-2 text-sm text-ink-500">{product.tagline}</p>
        <div className="flex items-center gap-2 text-xs text-ink-500">
          {product.ratingAverage !== null ? (
            <>
              <Stars rating={product.ratingAverage} size={13} />
              <span>
                {product.ratingAverage.toFixed(1)} ({product.reviewCount})
              </span>
            </>
          ) : (
            <span>No reviews yet</span>
          )}
        </div>
        <div className="mt-auto flex flex-wrap items-end justify-between gap-x-2 gap-y-1 pt-2">
          <Price
            amountMinor={product.fromPriceMinor}
            currency={product.currency}
            listPriceMinor={product.priceVaries ? undefined : product.listPriceMinor}
            from={product.priceVaries}
          />
          <StockBadge stock={product.stock} available={product.available} />
        </div>
        <span
          aria-hidden="true"
          className={buttonClass({ size: "sm", className: "mt-3 group-hover:bg-accent-700" })}
        >
          {product.stock === "sold_out" ? "See details" : "Buy now"}
        </span>
      </div>
    </article>
  );
}

export function ProductGrid({
  products,
  headingLevel = 3,
}: {
  products: ProductCardData[];
  headingLevel?: 2 | 3;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4">
      {products.map((p) => (
        <li key={p.id} className="flex">
          <div className="w-full">
            <ProductCard product={p} headingLevel={headingLevel} />
          </div>
        </li>
      ))}
    </ul>
  );
}
