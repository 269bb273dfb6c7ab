import type { FormAction } from "@/lib/action";
import type { ProductDetailData } from "@/lib/catalog/types";
import type { HelpfulVote, ReviewPage } from "@/lib/reviews/types";
import { OverviewPanel } from "./overview-panel";
import { ProductTabs } from "./product-tabs";
import { ReviewsPanel } from "./reviews-panel";
import { SpecsPanel } from "./specs-panel";

/** Overview, specifications and reviews, as tabs under the buy column. */
export function ProductDetails({
  product,
  reviews,
  timeZone,
  voteAction,
}: {
  product: ProductDetailData;
  /** The first page of reviews in the default order; other pages load on demand. */
  reviews: ReviewPage;
  timeZone: string;
  /** "Helpful" on a review (app/(shop)/products/[slug]/actions.ts). */
  voteAction: FormAction<HelpfulVote>;
}) {
  const { rating } = product;
  return (
    <ProductTabs
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
              productSlug={product.slug}
              productName={product.name}
              rating={rating}
              initial={reviews}
              timeZone={timeZone}
              voteAction={voteAction}
            />
          ),
        },
      ]}
    />
  );
}
