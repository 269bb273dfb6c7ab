import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getLifetimePoints } from "@/lib/points/queries";
import { type DrawVisitorState, getDrawVisitorState } from "./draw";
import { inLaneWindow, laneRefusal, qualifiesForLane } from "./early-access-rules";
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
  /**
   * The sale's early-access lane, before the public start: whether this fan's tier is in it, and whether they may
   * press Buy now right now (lane open, registered, under the limit).
   */
  earlyAccess?: { qualifies: boolean; open: boolean } | null;
}

/** Before the public start of a sale with a lane: the fan's lifetime points decide (one indexed read). */
async function laneState(
  sale: SaleDetail,
  userId: string,
  now: Date,
): Promise<{ qualifies: boolean; inWindow: boolean } | null> {
  if (!sale.earlyAccess || sale.draw || now.getTime() >= new Date(sale.startsAt).getTime()) return null;
  const lifetime = await getLifetimePoints(await getDb(), { userId });
  return {
    qualifies: qualifiesForLane(sale.earlyAccess, lifetime),
    inWindow: inLaneWindow(new Date(sale.startsAt), sale.earlyAccess, now),
  };
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
  const [registration, draw, holds, ineligible, lane] = await Promise.all([
    sale.draw ? null : getSaleRegistration(db, { saleId: sale.id, userId }),
    sale.draw ? getDrawVisitorState(db, { saleId: sale.id, userId }) : null,
    listLiveSaleHoldsForUser(db, { saleId: sale.id, userId }),
    ineligibility(sale, userId, now),
    laneState(sale, userId, now),
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
  const cannotBuy = whyCannotBuy({
    sale,
    now,
    figures: remaining === null ? null : { remaining },
    registered: state.registered,
    liveHolds: holds.length,
    perAccountLimit: sale.perAccountLimit,
    format: { timeZone: env.STORE_TIMEZONE },
  });
  if (lane && sale.earlyAccess) {
    const open = lane.qualifies && lane.inWindow && state.registered && holds.length < sale.perAccountLimit;
    const earlyAccess = { qualifies: lane.qualifies, open };
    if (open) return { ...state, cannotBuy: null, earlyAccess };
    if (cannotBuy?.reason === "not_started") {
      const when = laneRefusal(new Date(sale.startsAt), sale.earlyAccess, env.STORE_TIMEZONE);
      const message = lane.qualifies
        ? `You're registered, and your tier is in the early-access lane: ${when}`
        : `You're registered. ${when}`;
      return { ...state, cannotBuy: { ...cannotBuy, message }, earlyAccess };
    }
    return { ...state, cannotBuy, earlyAccess };
  }
  return { ...state, cannotBuy };
}
