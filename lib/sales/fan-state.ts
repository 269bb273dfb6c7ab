import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { type DrawVisitorState, getDrawVisitorState } from "./draw";
import { listLiveSaleHoldsForUser } from "./holds";
import type { SaleDetail } from "./queries";
import { getRegistrationFacts, registrationRefusal } from "./registration";
import { type CannotBuy, whyCannotBuy } from "./rules";
import { getSaleRegistration } from "./version-choice";

export interface FanSaleState {
  registered: boolean;
  /**
   * The version (SKU id) this fan chose when registering, null when none yet: per visitor, so the cached sale page
   * stays the same for everyone and the page's buttons preselect it.
   */
  chosenSkuId: number | null;
  activeHoldId: string | null;
  bought: number;
  liveHolds: number;
  cannotBuy: CannotBuy | null;
  /** A draw sale: this fan's entry and result. */
  draw?: DrawVisitorState | null;
  /** The sale's eligibility rules leave this fan out: why, before they try to register. */
  ineligible?: { code: string; message: string } | null;
}

/** Why the sale's eligibility rules leave this fan out (one read, only for sales that have rules), or null. */
async function ineligibility(
  sale: SaleDetail,
  userId: string,
  now: Date,
): Promise<FanSaleState["ineligible"]> {
  if (!sale.eligibility) return null;
  const facts = await getRegistrationFacts(await getDb(), { saleId: sale.id, userId });
  if (!facts || facts.registered) return null;
  const refusal = registrationRefusal(facts, { now, timeZone: env.STORE_TIMEZONE });
  return refusal && (refusal.code === "account_too_new" || refusal.code === "tier_too_low")
    ? { code: refusal.code, message: refusal.message }
    : null;
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
  const [registration, draw, holds, ineligible] = await Promise.all([
    sale.draw ? null : getSaleRegistration(db, { saleId: sale.id, userId }),
    sale.draw ? getDrawVisitorState(db, { saleId: sale.id, userId }) : null,
    listLiveSaleHoldsForUser(db, { saleId: sale.id, userId }),
    ineligibility(sale, userId, now),
  ]);
  const active = holds.find((h) => h.status === "active" && h.expiresAt > now);
  const state = {
    registered: draw ? draw.entered : registration !== null,
    chosenSkuId: registration?.skuId ?? null,
    activeHoldId: active?.holdId ?? null,
    bought: holds.filter((h) => h.status === "converted").length,
    liveHolds: holds.length,
    ineligible,
  };
  // A draw sale is never bought from with Buy now: its page shows the fan's draw instead.
  if (draw) return { ...state, cannotBuy: null, draw };
  return {
    ...state,
    cannotBuy: whyCannotBuy({
      sale,
      now,
      figures: remaining === null ? null : { remaining },
      registered: state.registered,
      liveHolds: holds.length,
      perAccountLimit: sale.perAccountLimit,
      format: { timeZone: env.STORE_TIMEZONE },
    }),
  };
}
