import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listLiveSaleHoldsForUser } from "./holds";
import type { SaleDetail } from "./queries";
import { isRegisteredForSale } from "./registration";
import { type CannotBuy, whyCannotBuy } from "./rules";

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
