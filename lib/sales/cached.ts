import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getInitialFigures } from "@/lib/hero/cached";
import { listLiveSaleHoldsForUser } from "@/lib/sales/holds";
import { getSale, type SaleDetail } from "@/lib/sales/queries";
import { isRegisteredForSale } from "@/lib/sales/registration";
import { type CannotBuy, whyCannotBuy } from "@/lib/sales/rules";

export const saleTag = (slug: string) => `sale:${slug}`;

const DATE_KEYS = ["registrationOpensAt", "registrationClosesAt", "startsAt", "endsAt", "soldOutAt"] as const;

/** A sale as every visitor sees it, from the data cache (tagged `sale:<slug>`); dates revived after the cache. */
export async function getCachedSale(slug: string): Promise<SaleDetail | null> {
  const cached = await unstable_cache(async () => getSale(await getDb(), { slug }), ["sale", slug], {
    tags: [saleTag(slug), "sales"],
    revalidate: 60,
  })();
  if (!cached || cached.status === "draft") return null;
  const revived = { ...cached } as SaleDetail;
  for (const key of DATE_KEYS) {
    const value = cached[key] as Date | string | null;
    (revived as unknown as Record<string, Date | null>)[key] = value === null ? null : new Date(value);
  }
  return revived;
}

export interface FanSaleState {
  registered: boolean;
  activeHoldId: string | null;
  bought: number;
  liveHolds: number;
  cannotBuy: CannotBuy | null;
}

/** What this fan may do in this sale right now: two small indexed reads, only for signed-in fans. */
export async function getFanSaleState({
  sale,
  userId,
  now,
  remaining,
}: {
  sale: SaleDetail;
  userId: string;
  now: Date;
  remaining: number | null;
}): Promise<FanSaleState> {
  const db = await getDb();
  const [registered, holds] = await Promise.all([
    isRegisteredForSale(db, { saleId: sale.id, userId }),
    listLiveSaleHoldsForUser(db, { saleId: sale.id, userId }),
  ]);
  const active = holds.find((h) => h.status === "active" && h.expiresAt > now);
  return {
    registered,
    activeHoldId: active?.holdId ?? null,
    bought: holds.filter((h) => h.status === "converted").length,
    liveHolds: holds.length,
    cannotBuy: whyCannotBuy({
      sale,
      now,
      figures: remaining === null ? null : { remaining },
      registered,
      liveHolds: holds.length,
      perAccountLimit: sale.perAccountLimit,
      format: { timeZone: env.STORE_TIMEZONE },
    }),
  };
}

export { getInitialFigures };
