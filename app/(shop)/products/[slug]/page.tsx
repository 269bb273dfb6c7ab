import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { addToCartAction } from "@/app/(shop)/cart/actions";
import { Breadcrumbs } from "@/components/product/breadcrumbs";
import { BuyBox } from "@/components/product/buy-box";
import { Gallery } from "@/components/product/gallery";
import { OverviewPanel } from "@/components/product/overview-panel";
import type { ProductTab } from "@/components/product/product-tabs";
import { ProductTabs } from "@/components/product/product-tabs";
import { PurchaseProvider } from "@/components/product/purchase-provider";
import { type ReviewLinkChanges, ReviewsPanel } from "@/components/product/reviews-panel";
import { SkuSelector } from "@/components/product/sku-selector";
import { SpecsPanel } from "@/components/product/specs-panel";
import { StickyBuyBar } from "@/components/product/sticky-buy-bar";
import { Stars } from "@/components/ui/stars";
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

function AssuranceIcon({ path }: { path: string }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 20 20"
      fill="none"
      aria-hidden="true"
      className="shrink-0 text-ink-500"
    >
      <path d={path} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ASSURANCES = [
  {
    text: "Sold and shipped by Kite",
    path: "M2.5 6.5 10 2.5l7.5 4v7L10 17.5l-7.5-4zM2.5 6.5 10 10.5l7.5-4M10 10.5v7",
  },
  { text: "Secure checkout", path: "M5 9V6.5a5 5 0 0 1 10 0V9M4 9h12v8.5H4zM10 12.5v2" },
  { text: "Kite Club support", path: "M3 4.5h14v9H8l-4 3v-3H3z" },
];

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

  const productPath = `/products/${product.slug}`;
  function productHref(state: {
    tab: ProductTab;
    stars?: number | undefined;
    page?: number | undefined;
  }): string {
    const search = new URLSearchParams();
    if (skuInUrl) search.set("sku", skuInUrl);
    search.set("tab", state.tab);
    if (state.tab === "reviews") {
      if (sort !== "recent") search.set("sort", sort);
      if (state.stars) search.set("stars", String(state.stars));
      if (state.page) search.set("page", String(state.page));
    }
    return `${productPath}?${search.toString()}`;
  }

  const reviewsHref = (changes: ReviewLinkChanges) =>
    productHref({
      tab: "reviews",
      stars: changes.stars === undefined ? stars : (changes.stars ?? undefined),
      page: changes.page,
    });

  const keepForSort: Record<string, string> = { tab: "reviews" };
  if (skuInUrl) keepForSort.sku = skuInUrl;
  if (stars) keepForSort.stars = String(stars);

  const { rating } = product;

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
            <div>
              <Link
                href={`/category/${product.category.slug}`}
                className="text-sm font-medium text-accent-700 hover:underline"
              >
                {product.category.name}
              </Link>
              <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink-900 sm:text-4xl">
                {product.name}
              </h1>
              {product.tagline ? <p className="mt-2 text-lg text-ink-600">{product.tagline}</p> : null}
              <div className="mt-3">
                {rating.count > 0 && rating.average !== null ? (
                  <Link
                    href={`${productHref({ tab: "reviews" })}#product-details`}
                    className="inline-flex items-center gap-2 text-sm text-ink-700 hover:text-ink-900"
                  >
                    <Stars rating={rating.average} />
                    <span className="font-semibold text-ink-900">{rating.average.toFixed(1)}</span>
                    <span className="underline underline-offset-2">
                      {rating.count.toLocaleString("en")} {rating.count === 1 ? "rating" : "ratings"}
                    </span>
                  </Link>
                ) : (
                  <p className="text-sm text-ink-600">No reviews yet</p>
                )}
              </div>
            </div>

            <SkuSelector />
            <BuyBox />

            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-ink-600">
              {ASSURANCES.map((a) => (
                <li key={a.text} className="flex items-center gap-2">
                  <AssuranceIcon path={a.path} />
                  {a.text}
                </li>
              ))}
            </ul>
          </div>
        </div>

        <StickyBuyBar />
      </PurchaseProvider>

      <div id="product-details" className="mt-12 scroll-mt-24 sm:mt-16">
        <ProductTabs
          activeTab={tab}
          tabs={[
            {
              id: "overview",
              label: "Overview",
              panel: (
                <OverviewPanel
                  name={product.name}
                  tagline={product.tagline}
                  description={product.description}
                  highlights={product.highlights}
                  images={product.images}
                />
              ),
            },
            {
              id: "specs",
              label: "Specifications",
              panel: <SpecsPanel name={product.name} groups={product.specGroups} />,
            },
            {
              id: "reviews",
              label: "Reviews",
              badge: rating.count > 0 ? rating.count.toLocaleString("en") : undefined,
              panel: (
                <ReviewsPanel
                  productName={product.name}
                  rating={rating}
                  reviews={reviews}
                  sort={sort}
                  stars={stars}
                  timeZone={env.STORE_TIMEZONE}
                  hrefFor={reviewsHref}
                  keep={keepForSort}
                />
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
