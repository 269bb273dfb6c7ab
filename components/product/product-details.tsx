import type { ProductDetailData, ReviewPage, ReviewSort } from "@/lib/catalog/types";
import { OverviewPanel } from "./overview-panel";
import { type ProductTab, ProductTabs } from "./product-tabs";
import { type ReviewLinkChanges, ReviewsPanel } from "./reviews-panel";
import { SpecsPanel } from "./specs-panel";

/** Overview, specifications and reviews, as tabs under the buy column. */
export function ProductDetails({
  product,
  tab,
  reviews,
  sort,
  stars,
  timeZone,
  reviewsHref,
  keepForSort,
}: {
  product: ProductDetailData;
  tab: ProductTab;
  reviews: ReviewPage;
  sort: ReviewSort;
  stars: number | undefined;
  timeZone: string;
  reviewsHref: (changes: ReviewLinkChanges) => string;
  keepForSort: Record<string, string>;
}) {
  const { rating } = product;
  return (
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
              timeZone={timeZone}
              hrefFor={reviewsHref}
              keep={keepForSort}
            />
          ),
        },
      ]}
    />
  );
}
