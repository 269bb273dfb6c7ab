import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { cachedFigures } from "./figures";
import { getSale, type SaleDetail } from "./queries";

/**
 * Sale reads shared by every visitor, from Next's data cache (Redis-backed when configured). Writes that change
 * what a sale page or list shows expire these tags.
 */
export const SALE_TAGS = {
  /** Every cached sale read. */
  all: "sales",
  /** One sale's page. */
  sale: (slug: string) => `sale:${slug}`,
} as const;

const DATE_KEYS = ["registrationOpensAt", "registrationClosesAt", "startsAt", "endsAt", "soldOutAt"] as const;

/** A sale as every visitor sees it, from the data cache (tagged `sale:<slug>`); dates revived after the cache. */
export async function getCachedSale(slug: string): Promise<SaleDetail | null> {
  const cached = await unstable_cache(async () => getSale(await getDb(), { slug }), ["sale", slug], {
    tags: [SALE_TAGS.sale(slug), SALE_TAGS.all],
    revalidate: 60,
  })();
  return publicSale(cached);
}

/** The same by id (the per-visitor endpoint is asked by id); tagged with every sale read. */
export async function getCachedSaleById(saleId: string): Promise<SaleDetail | null> {
  const cached = await unstable_cache(async () => getSale(await getDb(), { saleId }), ["sale-id", saleId], {
    tags: [SALE_TAGS.all],
    revalidate: 60,
  })();
  return publicSale(cached);
}

function publicSale(cached: SaleDetail | null): SaleDetail | null {
  if (!cached || cached.status === "draft") return null;
  const revived = { ...cached } as SaleDetail;
  for (const key of DATE_KEYS) {
    const value = cached[key] as Date | string | null;
    (revived as unknown as Record<string, Date | null>)[key] = value === null ? null : new Date(value);
  }
  return revived;
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
    honesty: figures.honesty,
    startsAt: figures.startsAt.toISOString(),
    serverNow: now.toISOString(),
  };
}
