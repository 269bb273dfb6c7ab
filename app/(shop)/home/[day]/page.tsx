import Link from "next/link";
import { ProductCard } from "@/components/catalog/product-card";
import { ProductHero } from "@/components/home/product-hero";
import { SaleHero } from "@/components/home/sale-hero";
import { getCachedCategories, getCachedProductCards } from "@/lib/catalog/cached";
import { env } from "@/lib/env";
import { getCachedHero } from "@/lib/hero/cached";
import { getPageNow } from "@/lib/qa/now";
import { getInitialFigures } from "@/lib/sales/cached";

/** A page per store day (proxy.ts serves `/` from today's), rendered on first visit, then shared from cache. */
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ day: string }[]> {
  return [];
}

export default async function HomePage() {
  const now = await getPageNow();
  const [categories, products, hero] = await Promise.all([
    getCachedCategories(),
    getCachedProductCards(),
    getCachedHero(now),
  ]);
  const heroSale = hero.kind === "sale" ? hero.sale : hero.kind === "schedule" ? hero.sale : null;
  const figures = heroSale ? await getInitialFigures(heroSale.id, now) : null;
  const heroProductSlug =
    hero.kind === "product" ? hero.productSlug : hero.kind === "schedule" ? hero.productSlug : undefined;
  const featured = products.find((p) => p.slug === heroProductSlug) ?? products[0];
  return (
    <div className="mx-auto max-w-7xl space-y-12 px-4 py-6 sm:py-8">
      {heroSale ? (
        <SaleHero
          sale={heroSale}
          figures={figures}
          timeZone={env.STORE_TIMEZONE}
          {...(hero.kind === "schedule"
            ? { headline: hero.headline, imageUrl: hero.imageUrl, ctaLabel: hero.ctaLabel }
            : {})}
        />
      ) : featured ? (
        <ProductHero
          product={featured}
          {...(hero.kind === "schedule"
            ? {
                eyebrow: hero.headline,
                imageUrl: hero.imageUrl,
                ctaLabel: hero.ctaLabel,
                ctaHref: hero.ctaHref,
              }
            : {})}
        />
      ) : null}
      {products.length === 0 ? (
        <p className="rounded-2xl bg-ink-50 p-10 text-center text-ink-600">
          The shelves are being stocked. Come back in a moment.
        </p>
      ) : null}
      {categories.map((category) => {
        const rail = products.filter((p) => p.categorySlug === category.slug);
        if (rail.length === 0) return null;
        return (
          <section key={category.slug} aria-labelledby={`rail-${category.slug}`}>
            <div className="mb-4 flex flex-wrap items-end justify-between gap-x-4 gap-y-1">
              <div>
                <h2 id={`rail-${category.slug}`} className="text-2xl font-bold tracking-tight">
                  {category.name}
                </h2>
                {category.description ? <p className="text-sm text-ink-500">{category.description}</p> : null}
              </div>
              <Link
                href={`/category/${category.slug}`}
                className="shrink-0 text-sm font-semibold text-accent-700 hover:underline"
              >
                All {category.name.toLowerCase()}
                <span aria-hidden="true"> →</span>
              </Link>
            </div>
            <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-2 sm:mx-0 sm:grid sm:grid-cols-3 sm:gap-4 sm:overflow-visible sm:px-0 lg:grid-cols-4">
              {rail.map((p) => (
                <li key={p.id} className="w-[70%] shrink-0 snap-start sm:w-auto">
                  <ProductCard product={p} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
