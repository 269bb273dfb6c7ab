import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductGrid } from "@/components/catalog/product-card";
import { getCachedCategory, getCachedProductCards } from "@/lib/catalog/cached";

type Props = { params: Promise<{ slug: string }> };

/** The same for every visitor: rendered on first visit, then shared from cache (catalogue writes expire its tags). */
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await getCachedCategory((await params).slug);
  return { title: category ? `${category.name} · Kite` : "Not found · Kite" };
}

export default async function CategoryPage({ params }: Props) {
  const { slug } = await params;
  const category = await getCachedCategory(slug);
  if (!category) notFound();
  const products = await getCachedProductCards({ categorySlug: slug });
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">{category.name}</h1>
      {category.description ? <p className="mt-1 text-ink-600">{category.description}</p> : null}
      <div className="mt-6">
        {products.length ? (
          <ProductGrid products={products} headingLevel={2} />
        ) : (
          <p className="rounded-2xl bg-ink-50 p-10 text-center text-ink-600">
            Nothing here yet. New gear lands soon.
          </p>
        )}
      </div>
    </div>
  );
}
