import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { addToCartAction } from "@/app/(shop)/cart/actions";
import { Assurances } from "@/components/product/assurances";
import { Breadcrumbs } from "@/components/product/breadcrumbs";
import { BuyBox } from "@/components/product/buy-box";
import { Gallery } from "@/components/product/gallery";
import { ProductDetails } from "@/components/product/product-details";
import { ProductIntro } from "@/components/product/product-intro";
import { PurchaseProvider } from "@/components/product/purchase-provider";
import { SkuSelector } from "@/components/product/sku-selector";
import { StickyBuyBar } from "@/components/product/sticky-buy-bar";
import { getCachedProductDetail } from "@/lib/catalog/cached";
import { env } from "@/lib/env";
import { getCachedReviews } from "@/lib/reviews/cached";
import { DEFAULT_REVIEW_SORT } from "@/lib/reviews/review-query";
import { voteHelpfulAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

/**
 * The same page for every visitor (issue 16), rendered on a product's first visit and shared from cache after that:
 * it reads no search params, cookies or headers. What the URL chooses (`?sku=`, `?tab=`, the reviews' sort, page
 * and filter) is applied on the client; the visitor's cart count comes from /api/me. Stock badges are kept honest
 * by expiring the product's tag when one changes (lib/catalog/stock-pages.ts), and by the 60 s revalidation.
 * Nothing is rendered at build time: the build has no database.
 */
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

// generateMetadata and the page share one read per render.
const loadProduct = cache((slug: string) => getCachedProductDetail(slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const product = await loadProduct(slug);
  if (!product) return { title: { absolute: "Product not found · Kite" } };
  return {
    title: { absolute: `${product.name} · Kite` },
    description: product.tagline || undefined,
  };
}

export default async function ProductPage({ params }: Props) {
  const { slug } = await params;
  const product = await loadProduct(slug);
  if (!product || product.skus.length === 0) notFound();
  const reviews = await getCachedReviews(product.id, DEFAULT_REVIEW_SORT, 1);

  return (
    <div className="mx-auto w-full max-w-7xl px-4 pb-12 sm:px-6 lg:px-8">
      <Breadcrumbs category={product.category} productName={product.name} />

      <PurchaseProvider
        addToCart={addToCartAction}
        product={{ slug: product.slug, name: product.name, maxPerOrder: product.maxPerOrder }}
        skus={product.skus}
        images={product.images}
      >
        <div className="grid gap-8 md:grid-cols-2 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12">
          <div className="md:sticky md:top-20 md:self-start">
            <Gallery productName={product.name} />
          </div>

          <div className="flex flex-col gap-6">
            <ProductIntro product={product} />
            <SkuSelector />
            <BuyBox />
            <Assurances />
          </div>
        </div>

        <StickyBuyBar />
      </PurchaseProvider>

      <div id="product-details" className="mt-12 scroll-mt-24 sm:mt-16">
        <ProductDetails
          product={product}
          reviews={reviews}
          timeZone={env.STORE_TIMEZONE}
          voteAction={voteHelpfulAction}
        />
      </div>
    </div>
  );
}
