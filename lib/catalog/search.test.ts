import { describe, expect, it } from "vitest";
import { filterProductCards, MAX_SEARCH_LENGTH, normaliseSearch } from "./search";
import type { ProductCardData } from "./types";

const card = (name: string, tagline: string, categoryName: string): ProductCardData =>
  ({ id: name.length, slug: name.toLowerCase(), name, tagline, categoryName }) as ProductCardData;
const cards = [
  card("Kite 9 Pro", "Three 50 MP cameras.", "Phones"),
  card("Kite Band 4", "Two weeks on a charge.", "Wearables"),
  card("Kite Router AX3", "Wi-Fi 6 for every room.", "Accessories & smart home"),
];

describe("filterProductCards", () => {
  it("matches name, tagline or category, ignoring case, in the catalogue's order", () => {
    expect(filterProductCards(cards, "band").map((c) => c.name)).toEqual(["Kite Band 4"]);
    expect(filterProductCards(cards, "CAMERAS").map((c) => c.name)).toEqual(["Kite 9 Pro"]);
    expect(filterProductCards(cards, "smart home").map((c) => c.name)).toEqual(["Kite Router AX3"]);
    expect(filterProductCards(cards, "kite").map((c) => c.name)).toEqual(cards.map((c) => c.name));
  });

  it("treats what is typed as text, not a pattern, and an empty search as everything", () => {
    expect(filterProductCards(cards, "%")).toEqual([]);
    expect(filterProductCards(cards, "_")).toEqual([]);
    expect(filterProductCards(cards, ".*")).toEqual([]);
    expect(filterProductCards(cards, "   ")).toHaveLength(3);
  });
});

describe("normaliseSearch", () => {
  it("takes the first of repeated values, trims and bounds it", () => {
    expect(normaliseSearch(["  band ", "phone"])).toBe("band");
    expect(normaliseSearch(undefined)).toBe("");
    expect(normaliseSearch("x".repeat(500))).toHaveLength(MAX_SEARCH_LENGTH);
  });
});
