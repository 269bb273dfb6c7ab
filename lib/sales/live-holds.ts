import type { ReserveResult, SaleHoldView } from "./reserve";

/** A fan's hold in a sale that counts against the per-account limit: active, or converted into an order. */
export interface LiveHold {
  holdId: string;
  skuId: number;
  seq: number;
  status: "active" | "converted";
  requestKey: string | null;
  expiresAt: Date | string;
  orderId: string | null;
}

/** What a fan's live holds decide before any stock is touched: an answer, or expired holds to release first. */
export type HoldsVerdict = { kind: "result"; result: ReserveResult } | { kind: "release"; holdIds: string[] };

export function holdView(saleId: string, h: LiveHold): SaleHoldView {
  return {
    holdId: h.holdId,
    saleId,
    skuId: h.skuId,
    seq: h.seq,
    status: h.status,
    expiresAt: new Date(h.expiresAt),
    orderId: h.orderId,
  };
}

/**
 * The per-account rules both reservation paths (the public one and the early-access lane) apply to a fan's live
 * holds, in order: a press repeating `requestKey` gets its hold back; at the limit, expired holds are released
 * first, a hold of the same SKU is the answer (a double click or a retry without a key), else `limit_reached`.
 * Null when the fan is below the limit and may take a unit.
 */
export function judgeLiveHolds(
  holds: LiveHold[],
  {
    saleId,
    skuId,
    requestKey,
    limit,
    now,
  }: { saleId: string; skuId: number; requestKey: string | null; limit: number; now: Date },
): HoldsVerdict | null {
  const existing = (h: LiveHold): HoldsVerdict => ({
    kind: "result",
    result: { ok: true, existing: true, hold: holdView(saleId, h) },
  });
  const sameRequest = requestKey === null ? undefined : holds.find((h) => h.requestKey === requestKey);
  if (sameRequest) return existing(sameRequest);
  if (holds.length < limit) return null;
  const active = holds.filter((h) => h.status === "active");
  const expired = active.filter((h) => new Date(h.expiresAt).getTime() <= now.getTime());
  if (expired.length > 0) return { kind: "release", holdIds: expired.map((h) => h.holdId) };
  const sameSku = active.find((h) => h.skuId === skuId);
  if (sameSku) return existing(sameSku);
  const units = limit === 1 ? "1 unit" : `${limit} units`;
  return {
    kind: "result",
    result: {
      ok: false,
      code: "limit_reached",
      message:
        active.length > 0
          ? `You already have ${units} from this sale, the limit per account. Pay for your reservation, or cancel it to choose another version.`
          : `You've already bought ${units} in this sale, the limit per account.`,
    },
  };
}
