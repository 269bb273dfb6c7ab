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
import type { ProductTab } from "@/components/product/product-tabs";
import { PurchaseProvider } from "@/components/product/purchase-provider";
import type { ReviewLinkChanges } from "@/components/product/reviews-panel";
import { SkuSelector } from "@/components/product/sku-selector";
import { StickyBuyBar } from "@/components/product/sticky-buy-bar";
import { getCachedProductDetail, getCachedReviews } from "@/lib/catalog/cached";
import { resolveSku } from "@/lib/catalog/queries";
import { REVIEW_SORTS, type ReviewSort } from "@/lib/catalog/types";
import { env } from "@/lib/env";

// Stock and reviews are read per request (from the data cache), never at build time.
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

const PRODUCT_TABS: readonly ProductTab[] = ["overview", "specs", "reviews"];
/** Far past any real product's review count; keeps junk out of the cache keys. */
const MAX_PAGE = 10_000;

// generateMetadata and the page share one read per request.
const loadProduct = cache((slug: string) => getCachedProductDetail(slug));

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseTab(value: string | undefined): ProductTab {
  return PRODUCT_TABS.find((t) => t === value) ?? "overview";
}

function parseSort(value: string | undefined): ReviewSort {
  return REVIEW_SORTS.find((s) => s === value) ?? "recent";
}

function parsePage(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value)) return 1;
  return Math.min(Math.max(1, Number(value)), MAX_PAGE);
}

function parseStars(value: string | undefined): number | undefined {
  return value && /^[1-5]$/.test(value) ? Number(value) : undefined;
}

export async function generateMetadata({ params }: Pick<PageProps, "params">): Promise<Metadata> {
  const { slug } = await params;
  const product = await loadProduct(slug);
  if (!product) return { title: { absolute: "Product not found · Kite" } };
  return {
    title: { absolute: `${product.name} · Kite` },
    description: product.tagline || undefined,
  };
}

/** Links within the product page that keep the chosen SKU and, on the reviews tab, the sort and star filter. */
function productLinks({
  path,
  skuInUrl,
  sort,
  stars,
}: {
  path: string;
  skuInUrl: string | undefined;
  sort: ReviewSort;
  stars: number | undefined;
}) {
  function href(state: { tab: ProductTab; stars?: number | undefined; page?: number | undefined }): string {
    const search = new URLSearchParams();
    if (skuInUrl) search.set("sku", skuInUrl);
    search.set("tab", state.tab);
    if (state.tab === "reviews") {
      if (sort !== "recent") search.set("sort", sort);
      if (state.stars) search.set("stars", String(state.stars));
      if (state.page) search.set("page", String(state.page));
    }
    return `${path}?${search.toString()}`;
  }
  const reviews = (changes: ReviewLinkChanges) =>
    href({
      tab: "reviews",
      stars: changes.stars === undefined ? stars : (changes.stars ?? undefined),
      page: changes.page,
    });
  const keepForSort: Record<string, string> = { tab: "reviews" };
  if (skuInUrl) keepForSort.sku = skuInUrl;
  if (stars) keepForSort.stars = String(stars);
  return { href, reviews, keepForSort };
}

export default async function ProductPage({ params, searchParams }: PageProps) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const product = await loadProduct(slug);
  if (!product) notFound();

  const requestedSku = first(query.sku);
  const sku = resolveSku(product.skus, requestedSku);
  if (!sku) notFound();
  // Links carry the SKU only when the visitor chose one that exists; a tampered value is dropped.
  const skuInUrl =
    requestedSku && (requestedSku === sku.code || requestedSku === String(sku.id)) ? sku.code : undefined;

  const tab = parseTab(first(query.tab));
  const sort = parseSort(first(query.sort));
  const stars = parseStars(first(query.stars));
  const reviews = await getCachedReviews(product.id, sort, parsePage(first(query.page)), stars);
  const links = productLinks({ path: `/products/${product.slug}`, skuInUrl, sort, stars });

  return (
    <div className="mx-auto w-full max-w-7xl px-4 pb-12 sm:px-6 lg:px-8">
      <Breadcrumbs category={product.category} productName={product.name} />

      <PurchaseProvider
        addToCart={addToCartAction}
        product={{ slug: product.slug, name: product.name }}
        skus={product.skus}
        images={product.images}
        selectedSkuId={sku.id}
      >
        <div className="grid gap-8 md:grid-cols-2 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12">
          <div className="md:sticky md:top-20 md:self-start">
            <Gallery productName={product.name} />
          </div>

          <div className="flex flex-col gap-6">
            <ProductIntro
              product={product}
              reviewsHref={`${links.href({ tab: "reviews" })}#product-details`}
            />
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
          tab={tab}
          reviews={reviews}
          sort={sort}
          stars={stars}
          timeZone={env.STORE_TIMEZONE}
          reviewsHref={links.reviews}
          keepForSort={links.keepForSort}
        />
      </div>
    </div>
  );
}
