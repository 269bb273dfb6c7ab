import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editDistance, trigramSimilarity, trigrams } from "./trigram";

/** Pairs search meets: typos, words that must not match, punctuation and digits pg_trgm splits on. */
const PAIRS: [string, string][] = [
  ["hedphones", "headphones"],
  ["tabelt", "tablet"],
  ["bds", "buds"],
  ["banana", "band"],
  ["sofa", "smart"],
  ["kite9", "Kite 9"],
  ["Wi-Fi_6", "wifi 6"],
  ["word", "two words"],
  ["a", "a"],
  ["KITE BUDS 2", "kite buds 2"],
  ["", "kite"],
  ["%", "%"],
];

describe("trigramSimilarity is pg_trgm's similarity()", () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create({ extensions: { pg_trgm } });
    await db.exec("create extension pg_trgm");
  });
  afterAll(() => db.close());

  it.each(PAIRS)("similarity(%j, %j)", async (a, b) => {
    const { rows } = await db.query<{ similarity: number; grams: string[] }>(
      "select similarity($1, $2), show_trgm($1) as grams",
      [a, b],
    );
    const [row] = rows;
    expect(trigramSimilarity(a, b)).toBeCloseTo(row?.similarity ?? Number.NaN, 6);
    expect([...trigrams(a)].sort()).toEqual([...(row?.grams ?? [])].sort());
  });
});

describe("editDistance", () => {
  it.each([
    ["tabelt", "tablet", 1],
    ["bds", "buds", 1],
    ["hedphones", "headphones", 1],
    ["banana", "band", 3],
    ["", "kite", 4],
    ["kite", "kite", 0],
    ["🎧a", "a🎧", 1],
  ])("%s → %s: %i", (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits);
  });
});
