import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { drawOrder as scriptDrawOrder } from "@/scripts/verify-draw.mjs";
import { drawCommitment, drawOrder, newDrawSeed, newEntryId } from "./draw-order";

describe("the draw's algorithm", () => {
  it("is the README script's, whatever order the entries come in", () => {
    const seed = newDrawSeed();
    const entries = Array.from({ length: 500 }, () => newEntryId());
    const order = drawOrder(seed, entries);
    expect(order).toEqual(scriptDrawOrder(seed, entries));
    expect(drawOrder(seed, [...entries].reverse())).toEqual(order);
    expect([...order].sort()).toEqual([...entries].sort());
  });

  it("depends on the seed, and the commitment is SHA-256 of the seed's text", () => {
    const entries = Array.from({ length: 50 }, () => newEntryId());
    const a = newDrawSeed();
    const b = newDrawSeed();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(drawOrder(a, entries)).not.toEqual(drawOrder(b, entries));
    expect(drawCommitment(a)).toBe(createHash("sha256").update(a).digest("hex"));
  });

  it("is fixed for a known seed and entries (a change to the algorithm breaks every published draw)", () => {
    const seed = "00".repeat(32);
    const entries = ["aaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccc"];
    const rank = (id: string) => createHash("sha256").update(`${seed}:${id}`).digest("hex");
    const expected = [...entries].sort((x, y) => rank(x).localeCompare(rank(y)));
    expect(drawOrder(seed, entries)).toEqual(expected);
  });
});
