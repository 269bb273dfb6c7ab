import "server-only";
import type { Db } from "@/lib/db";
import { getHero, type HeroSale, type HeroSaleView, heroSaleView } from "@/lib/hero/resolve";
import { getSaleState, type SaleState } from "@/lib/sales/rules";
import { formatStoreDay } from "@/lib/store-time";

export type HeroSource = "schedule" | "running_sale" | "next_sale" | "product" | "none";

export interface HeroPreview {
  asOf: Date;
  storeDay: string;
  source: HeroSource;
  /** Why the homepage shows this, in a sentence. */
  explanation: string;
  revalidateAt: Date;
  sale: HeroSaleView | null;
  /** The sale's state by the clock at `asOf` (sold-out is a live figure and is not predicted). */
  saleState: SaleState | null;
  /** A schedule entry's own words and picture; null when the hero falls back to a sale or product. */
  entry: { headline: string; imageUrl: string; ctaLabel: string; ctaHref: string } | null;
  productSlug: string | null;
}

/**
 * The homepage hero as it will be at `asOf`: the same resolution the homepage runs (`getHero`: the day's entry,
 * else a running sale, else the next one, else the featured product), read fresh rather than from the cache.
 */
export async function getHeroPreview(
  db: Db,
  { asOf, timeZone }: { asOf: Date; timeZone: string },
): Promise<HeroPreview> {
  const hero = await getHero(db, { now: asOf, timeZone });
  const day = formatStoreDay(hero.storeDay);
  const state = (sale: HeroSale) =>
    getSaleState({ sale: { ...sale, status: "scheduled" }, now: asOf, figures: null });
  const base = { asOf, storeDay: hero.storeDay, revalidateAt: hero.revalidateAt };
  switch (hero.kind) {
    case "schedule":
      return {
        ...base,
        source: "schedule",
        explanation: `${day} has a schedule entry: ${hero.sale ? `sale “${hero.sale.name}”` : `product ${hero.product?.name ?? "(removed)"}`}.`,
        sale: hero.sale ? heroSaleView(hero.sale) : null,
        saleState: hero.sale ? state(hero.sale) : null,
        entry: {
          headline: hero.headline,
          imageUrl: hero.imageUrl,
          ctaLabel: hero.ctaLabel,
          ctaHref: hero.ctaHref,
        },
        productSlug: hero.product?.slug ?? null,
      };
    case "sale": {
      const running = hero.sale.startsAt <= asOf;
      return {
        ...base,
        source: running ? "running_sale" : "next_sale",
        explanation: running
          ? `${day} has no schedule entry, so the homepage shows the running sale “${hero.sale.name}”.`
          : `${day} has no schedule entry and no sale is running, so the homepage shows the next sale, “${hero.sale.name}” (the featured sale comes first).`,
        sale: heroSaleView(hero.sale),
        saleState: state(hero.sale),
        entry: null,
        productSlug: null,
      };
    }
    case "product":
      return {
        ...base,
        source: "product",
        explanation: `${day} has no schedule entry and no sale is running or coming, so the homepage shows the featured product, ${hero.product.name}.`,
        sale: null,
        saleState: null,
        entry: null,
        productSlug: hero.product.slug,
      };
    default:
      return {
        ...base,
        source: "none",
        explanation: "The catalogue is empty, so the homepage has no hero.",
        sale: null,
        saleState: null,
        entry: null,
        productSlug: null,
      };
  }
}

/** The button label the homepage's sale hero shows in each state (unless a schedule entry names its own). */
export function saleCtaLabel(state: SaleState | null): string {
  if (state === "live") return "Buy now";
  if (state === "registration_open") return "Register now";
  return "See the sale";
}
