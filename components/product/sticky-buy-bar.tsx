"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Price, SkuPrice } from "@/components/ui/price";
import { variantLabel } from "@/lib/catalog/variant-label";
import { usePurchase } from "./purchase-provider";

// Room under the page (footer included) so the fixed bar never covers the end of it. On small screens the bar is
// always there; on larger ones it is there whenever the end of the page is, since the buy box is then out of view.
const BAR_SPACE = "body { padding-bottom: 5rem; }";

/**
 * A bar fixed to the bottom of the viewport: always there on small screens, and on larger ones once the main buy
 * box has scrolled out of view. It submits the same add-to-cart action, with the quantity chosen above.
 */
export function StickyBuyBar() {
  const { product, sku, images, quantity, cartState, cartAction, cartPending, buyBoxVisible } = usePurchase();
  const soldOut = sku.available <= 0;
  const thumbnail = images[0];
  const hiddenOnDesktop = buyBoxVisible;

  return (
    <section
      aria-label="Quick buy"
      data-testid="sticky-buy-bar"
      data-state={hiddenOnDesktop ? "hidden" : "shown"}
      className={`fixed inset-x-0 bottom-0 z-40 border-t border-ink-200 bg-white/95 shadow-[0_-6px_24px_-12px_rgb(0_0_0/0.25)] backdrop-blur transition duration-200 ${
        hiddenOnDesktop ? "md:invisible md:translate-y-full md:opacity-0" : ""
      }`}
    >
      {/* Not hoisted (no precedence), so it leaves with the bar when the shopper navigates away. */}
      <style>{BAR_SPACE}</style>
      <form
        action={cartAction}
        className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3 sm:px-6 lg:px-8"
      >
        <input type="hidden" name="skuId" value={sku.id} />
        <input type="hidden" name="productSlug" value={product.slug} />
        <input type="hidden" name="quantity" value={quantity} />

        {thumbnail ? (
          // biome-ignore lint/performance/noImgElement: local SVG thumbnail.
          <img
            src={thumbnail.url}
            alt=""
            width={48}
            height={48}
            className="size-10 shrink-0 rounded-lg border border-ink-100 bg-ink-50 object-cover sm:size-12"
          />
        ) : null}

        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold text-ink-900">{product.name}</p>
          <p className="flex min-w-0 items-baseline gap-2 text-xs text-ink-600">
            <span className="shrink-0 sm:hidden">
              <Price amountMinor={sku.priceMinor} currency={sku.currency} size="sm" />
            </span>
            <span className="truncate">
              {variantLabel(sku)}
              {quantity > 1 ? ` · Qty ${quantity}` : ""}
            </span>
          </p>
        </div>

        <div className="hidden shrink-0 sm:block">
          <SkuPrice sku={sku} size="lg" className="[&_s]:text-ink-500" />
        </div>

        {cartState?.ok ? (
          <Link
            href="/cart"
            className="shrink-0 text-sm font-semibold text-accent-700 underline underline-offset-2 hover:text-accent-800"
          >
            View cart
          </Link>
        ) : null}

        <Button
          type="submit"
          size="sm"
          disabled={soldOut}
          pending={cartPending}
          pendingLabel="Adding…"
          aria-label={soldOut ? `${product.name} is sold out` : `Add ${product.name} to cart`}
          className="h-11 shrink-0 sm:px-7"
        >
          {soldOut ? "Sold out" : "Add to cart"}
        </Button>
      </form>
    </section>
  );
}
