import { describe, expect, it } from "vitest";
import { judgeLiveHolds, type LiveHold } from "./live-holds";

/* The per-account rules both reservation paths apply to a fan's live holds, without a database. */

const NOW = new Date("2040-03-02T04:05:00Z");
const SALE = "00000000-0000-4000-8000-000000000001";
const hold = (over: Partial<LiveHold> & Pick<LiveHold, "holdId">): LiveHold => ({
  skuId: 11,
  seq: 1,
  status: "active",
  requestKey: null,
  expiresAt: "2040-03-02T04:15:00Z",
  orderId: null,
  ...over,
});
const judge = (
  holds: LiveHold[],
  over: { skuId?: number; requestKey?: string | null; limit?: number } = {},
) => judgeLiveHolds(holds, { saleId: SALE, skuId: 11, requestKey: null, limit: 1, now: NOW, ...over });

describe("a fan's live holds", () => {
  it("below the limit decide nothing", () => {
    expect(judge([])).toBeNull();
    expect(judge([hold({ holdId: "h1" })], { limit: 2, skuId: 12 })).toBeNull();
  });

  it("give a repeated press its own hold back, even below the limit", () => {
    const verdict = judge([hold({ holdId: "h1", requestKey: "k1", skuId: 12 })], {
      requestKey: "k1",
      limit: 2,
    });
    expect(verdict).toMatchObject({
      kind: "result",
      result: { ok: true, existing: true, hold: { holdId: "h1" } },
    });
  });

  it("at the limit release expired holds before anything else", () => {
    const verdict = judge([hold({ holdId: "h1", expiresAt: new Date(NOW.getTime() - 1) })]);
    expect(verdict).toEqual({ kind: "release", holdIds: ["h1"] });
  });

  it("at the limit answer a double click on the same version with the hold it has", () => {
    const verdict = judge([hold({ holdId: "h1" })]);
    expect(verdict).toMatchObject({
      kind: "result",
      result: { ok: true, existing: true, hold: { saleId: SALE } },
    });
  });

  it("at the limit refuse another version, saying whether to pay or that the units are bought", () => {
    const holding = judge([hold({ holdId: "h1" })], { skuId: 12 });
    expect(holding).toMatchObject({ kind: "result", result: { ok: false, code: "limit_reached" } });
    expect(holding?.kind === "result" && !holding.result.ok && holding.result.message).toMatch(/Pay for/);
    const bought = judge(
      [hold({ holdId: "h1", status: "converted" }), hold({ holdId: "h2", status: "converted" })],
      { skuId: 12, limit: 2 },
    );
    expect(bought?.kind === "result" && !bought.result.ok && bought.result.message).toBe(
      "You've already bought 2 units in this sale, the limit per account.",
    );
  });
});
