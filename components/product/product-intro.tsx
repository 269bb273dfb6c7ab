import Link from "next/link";
import { ShareButton } from "@/components/club/share-button";
import { Stars } from "@/components/ui/stars";
import type { ProductDetailData } from "@/lib/catalog/types";
import { ReviewsTabLink } from "./reviews-tab-link";

/** The top of the buy column: category, name, tagline and the rating (a link to the reviews). */
export function ProductIntro({ product }: { product: ProductDetailData }) {
  const { rating } = product;
  return (
    <div>
      <Link
        href={`/category/${product.category.slug}`}
        className="text-sm font-medium text-accent-700 hover:underline"
      >
        {product.category.name}
      </Link>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink-900 sm:text-4xl">{product.name}</h1>
      {product.tagline ? <p className="mt-2 text-lg text-ink-600">{product.tagline}</p> : null}
      <div className="mt-3">
        {rating.count > 0 && rating.average !== null ? (
          <ReviewsTabLink className="inline-flex items-center gap-2 text-sm text-ink-700 hover:text-ink-900">
            <Stars rating={rating.average} />
            <span className="font-semibold text-ink-900">{rating.average.toFixed(1)}</span>
            <span className="underline underline-offset-2">
              {rating.count.toLocaleString("en")} {rating.count === 1 ? "rating" : "ratings"}
            </span>
          </ReviewsTabLink>
        ) : (
          <p className="text-sm text-ink-600">No reviews yet</p>
        )}
      </div>
      <ShareButton title={product.name} className="mt-3" />
    </div>
  );
}
