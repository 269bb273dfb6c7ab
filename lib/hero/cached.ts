import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getHero, type Hero, type HeroSaleView, heroSaleView } from "@/lib/hero/resolve";
import { storeDayOf } from "@/lib/sales/store-day";

/** The cache tag of the homepage hero: every write that can change what it shows expires it. */
export const HERO_TAG = "hero";

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

function toView(hero: Hero): HeroView {
  switch (hero.kind) {
    case "schedule":
      return {
        kind: "schedule",
        headline: hero.headline,
        imageUrl: hero.imageUrl,
        ctaLabel: hero.ctaLabel,
        ctaHref: hero.ctaHref,
        sale: hero.sale ? heroSaleView(hero.sale) : null,
        productSlug: hero.product?.slug ?? null,
      };
    case "sale":
      return { kind: "sale", sale: heroSaleView(hero.sale) };
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
