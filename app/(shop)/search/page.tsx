import type { Metadata } from "next";
import { ProductGrid } from "@/components/catalog/product-card";
import { NoResults, Quoted, SearchReading } from "@/components/catalog/search-results";
import { getCachedCategories, getCachedProductCards } from "@/lib/catalog/cached";
import { searchProductCards } from "@/lib/catalog/search";
import { normaliseSearch } from "@/lib/catalog/search-query";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = normaliseSearch((await searchParams).q);
  return { title: q ? `“${q}” · Search · Kite` : "All products · Kite" };
}

/**
 * Search results. Every card and every category come from the shared cache and are matched here, in memory: no
 * database statement and no cache entry per search, whatever is typed (lib/catalog/search.ts). The header's search
 * box shows the query (components/layout/header-search.tsx).
 */
export default async function SearchPage({ searchParams }: Props) {
  const q = normaliseSearch((await searchParams).q);
  const [cards, categories] = await Promise.all([getCachedProductCards(), getCachedCategories()]);
  const outcome = searchProductCards(cards, q);
  const count = outcome.products.length;
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
        {!q ? (
          "All products"
        ) : count ? (
          <>
            {count} {count === 1 ? "result" : "results"} for <Quoted>{q}</Quoted>
          </>
        ) : (
          <>
            No products match <Quoted>{q}</Quoted>
          </>
        )}
      </h1>
      {q ? <SearchReading outcome={outcome} /> : <p className="mt-1 text-ink-600">{count} products</p>}
      <div className="mt-6">
        {count ? (
          <ProductGrid products={outcome.products} headingLevel={2} />
        ) : (
          <NoResults suggestions={outcome.suggestions} categories={categories} />
        )}
      </div>
    </div>
  );
}
