import type { Metadata } from "next";
import Link from "next/link";
import { ProductGrid } from "@/components/catalog/product-card";
import { getCachedProductCards } from "@/lib/catalog/cached";
import { filterProductCards, normaliseSearch } from "@/lib/catalog/search";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = normaliseSearch((await searchParams).q);
  return { title: q ? `“${q}” · Search · Kite` : "All products · Kite" };
}

export default async function SearchPage({ searchParams }: Props) {
  const q = normaliseSearch((await searchParams).q);
  // Every card from the shared cache, filtered here: no query and no cache entry per search (lib/catalog/search.ts).
  const products = filterProductCards(await getCachedProductCards(), q);
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">{q ? `Results for “${q}”` : "All products"}</h1>
      <p className="mt-1 text-ink-600" aria-live="polite">
        {products.length} {products.length === 1 ? "product" : "products"}
      </p>
      <div className="mt-6">
        {products.length ? (
          <ProductGrid products={products} headingLevel={2} />
        ) : (
          <div className="rounded-2xl bg-ink-50 p-10 text-center text-ink-600">
            <p>No Kite gear matches “{q}”. Try “phone”, “band” or “router”.</p>
            <Link href="/search" className="mt-4 inline-block font-semibold text-accent-700 hover:underline">
              Browse everything
            </Link>
          </div>
        )}
      </div>
    </div>
  );
}
