import { describe, expect, it } from "vitest";
import { summariseDemand, toLiveVariants, type VariantCounts, withDemand } from "./live-variants";

const version = (over: Partial<VariantCounts>): VariantCounts => ({
  skuId: 1,
  code: "K9P-GR-256",
  colour: "Graphite",
  storage: "12 GB + 256 GB",
  quantity: 100,
  remaining: 100,
  held: 0,
  sold: 0,
  ...over,
});

describe("the live view per version", () => {
  it("names each version and gives its sell-through and its share of what sold", () => {
    const rows = toLiveVariants([
      version({ skuId: 1, quantity: 100, remaining: 20, held: 5, sold: 75 }),
      version({ skuId: 2, colour: "Ice", storage: null, quantity: 50, remaining: 25, held: 0, sold: 25 }),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        skuId: 1,
        label: "Graphite · 12 GB + 256 GB",
        sellThrough: 0.75,
        shareOfSold: 0.75,
      }),
      expect.objectContaining({ skuId: 2, label: "Ice", sellThrough: 0.5, shareOfSold: 0.25 }),
    ]);
    expect(rows[0]).toMatchObject({ quantity: 100, remaining: 20, held: 5, sold: 75 });
  });

  it("has no shares before anything sold, and no sell-through for a version without units", () => {
    const [none, empty] = toLiveVariants([version({}), version({ skuId: 2, quantity: 0, remaining: 0 })]);
    expect(none).toMatchObject({ sellThrough: 0, shareOfSold: null });
    expect(empty).toMatchObject({ sellThrough: null, shareOfSold: null });
    expect(toLiveVariants([])).toEqual([]);
  });

  it("adds the fans who chose each version and its share of the choices; a version nobody chose is 0", () => {
    const rows = toLiveVariants([
      version({ skuId: 1 }),
      version({ skuId: 2, colour: "Ice" }),
      version({ skuId: 3, colour: "Sand" }),
    ]);
    expect(rows.every((v) => v.chose === null && v.shareOfChoices === null)).toBe(true);
    const demand = {
      bySku: [
        { skuId: 2, fans: 30 },
        { skuId: 1, fans: 10 },
      ],
      unchosen: 7,
    };
    expect(withDemand(rows, demand).map((v) => [v.skuId, v.chose, v.shareOfChoices])).toEqual([
      [1, 10, 0.25],
      [2, 30, 0.75],
      [3, 0, 0],
    ]);
    expect(summariseDemand(demand)).toEqual({ chosen: 40, unchosen: 7 });
    expect(withDemand(rows, { bySku: [], unchosen: 3 }).map((v) => v.shareOfChoices)).toEqual([
      null,
      null,
      null,
    ]);
    expect(withDemand(rows, null).every((v) => v.chose === null)).toBe(true);
  });
});
