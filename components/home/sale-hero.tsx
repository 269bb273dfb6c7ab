import { type LiveFigures, LiveSaleProvider } from "@/components/sales/live-sale";
import { LiveSaleStatus } from "@/components/sales/live-sale-status";
import { ButtonLink } from "@/components/ui/button";
import { ProductImage } from "@/components/ui/product-image";
import type { HeroSaleView } from "@/lib/hero/resolve";
import { getDateTimeFormat } from "@/lib/store-time";
import { SaleHeroCta } from "./sale-hero-cta";

/** "Saturday 12:00 GMT+8": the start in the store's zone, named. */
function formatStart(iso: string, timeZone: string) {
  return getDateTimeFormat("en-US", {
    weekday: "long",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/** The flash-sale hero: the facts in the brand's voice, a live countdown, then units left, then the boast. */
export function SaleHero({
  sale,
  figures,
  timeZone,
  headline,
  imageUrl,
  ctaLabel,
}: {
  sale: HeroSaleView;
  /** Null in the console's preview: a previewed moment has no live figures, and the button is the given label. */
  figures: LiveFigures | null;
  timeZone: string;
  headline?: string;
  imageUrl?: string | null;
  ctaLabel?: string;
}) {
  const units = new Intl.NumberFormat("en-US").format(sale.totalQuantity);
  return (
    <section
      aria-labelledby="hero-title"
      className="relative overflow-hidden rounded-3xl bg-gradient-to-br from-ink-900 via-ink-800 to-accent-800 text-white"
      data-testid="sale-hero"
    >
      <div className="grid items-center gap-6 p-6 sm:p-10 md:grid-cols-2">
        <div className="space-y-4">
          <p className="text-sm font-semibold tracking-wide text-accent-200 uppercase">Flash sale</p>
          <h1 id="hero-title" className="text-4xl font-bold tracking-tight sm:text-5xl">
            {headline ?? sale.name}
          </h1>
          <p className="text-lg text-ink-200">
            {units} units · {formatStart(sale.startsAt, timeZone)} · {sale.headline}
          </p>
          {figures ? (
            <LiveSaleProvider saleId={sale.id} initial={figures}>
              <LiveSaleStatus tone="dark" />
              <SaleHeroCta saleSlug={sale.slug} fallbackLabel={ctaLabel} />
            </LiveSaleProvider>
          ) : (
            <ButtonLink href={`/sales/${sale.slug}`} size="lg">
              {ctaLabel ?? "See the sale"}
            </ButtonLink>
          )}
        </div>
        <ProductImage
          src={imageUrl ?? sale.imageUrl}
          alt={sale.productName}
          size={520}
          className="mx-auto max-h-96 w-auto rounded-2xl bg-white/95 p-4"
        />
      </div>
    </section>
  );
}
