import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getHero, type Hero, type HeroSale } from "@/lib/hero/resolve";
import { cachedFigures } from "@/lib/sales/figures";
import { storeDayOf } from "@/lib/sales/store-day";

export const HERO_TAG = "hero";

/** The hero as the page renders it: dates as ISO strings (it passes through the data cache). */
export type HeroSaleView = Omit<
  HeroSale,
  "registrationOpensAt" | "registrationClosesAt" | "startsAt" | "endsAt" | "soldOutAt"
> & {
  registrationOpensAt: string;
  registrationClosesAt: string;
  startsAt: string;
  endsAt: string;
  soldOutAt: string | null;
};

export type HeroView =
  | {
      kind: "schedule";
      headline: string;
      imageUrl: string;
      ctaLabel: string;
      ctaHref: string;
      sale: HeroSaleView | null;
      productSlug: string | null;
    }
  | { kind: "sale"; sale: HeroSaleView }
  | { kind: "product"; productSlug: string }
  | { kind: "none" };

function saleView(sale: HeroSale): HeroSaleView {
  return {
    ...sale,
    registrationOpensAt: sale.registrationOpensAt.toISOString(),
    registrationClosesAt: sale.registrationClosesAt.toISOString(),
    startsAt: sale.startsAt.toISOString(),
    endsAt: sale.endsAt.toISOString(),
    soldOutAt: sale.soldOutAt?.toISOString() ?? null,
  };
}

function toView(hero: Hero): HeroView {
  switch (hero.kind) {
    case "schedule":
      return {
        kind: "schedule",
        headline: hero.headline,
        imageUrl: hero.imageUrl,
        ctaLabel: hero.ctaLabel,
        ctaHref: hero.ctaHref,
        sale: hero.sale ? saleView(hero.sale) : null,
        productSlug: hero.product?.slug ?? null,
      };
    case "sale":
      return { kind: "sale", sale: saleView(hero.sale) };
    case "product":
      return { kind: "product", productSlug: hero.product.slug };
    default:
      return { kind: "none" };
  }
}

/**
 * The homepage hero for `now`, cached per store day and minute (so the day rolls over at local midnight without a
 * redeploy, and a sale's start is picked up within a minute), tagged `hero` so a marketer's edit shows at once.
 */
export function getCachedHero(now: Date): Promise<HeroView> {
  const storeDay = storeDayOf(now, env.STORE_TIMEZONE);
  const minute = Math.floor(now.getTime() / 60_000);
  return unstable_cache(
    async () => toView(await getHero(await getDb(), { now, timeZone: env.STORE_TIMEZONE })),
    ["hero", storeDay, String(minute)],
    { tags: [HERO_TAG], revalidate: 60 },
  )();
}

/** Live figures for a hero or sale page's first paint (the ~1 s in-process cache; no per-visitor query). */
export async function getInitialFigures(saleId: string, now: Date) {
  const figures = await cachedFigures(await getDb(), { saleId, now });
  if (!figures) return null;
  return {
    state: figures.state,
    quantity: figures.quantity,
    remaining: figures.remaining,
    registrations: figures.registrations,
    unitsBack: figures.unitsBack,
    boast: figures.boast,
    startsAt: figures.startsAt.toISOString(),
    serverNow: now.toISOString(),
  };
}
