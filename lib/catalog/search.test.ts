import { describe, expect, it } from "vitest";
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from "@/db/seed-data";
import { MAX_SEARCH_LENGTH } from "@/lib/limits";
import { correctTypo, FUZZY, searchProductCards, searchWords } from "./search";
import { normaliseSearch } from "./search-query";
import { SYNONYM_GROUPS } from "./synonyms";
import type { ProductCardData } from "./types";

/** The seeded catalogue as the cached card list has it: by category, then product, in seed order. */
const CARDS: ProductCardData[] = DEMO_CATEGORIES.flatMap((category) =>
  DEMO_PRODUCTS.filter((p) => p.categorySlug === category.slug).map(
    (p, i) =>
      ({
        id: i + 1,
        slug: p.slug,
        name: p.name,
        tagline: p.tagline,
        categorySlug: category.slug,
        categoryName: category.name,
      }) as ProductCardData,
  ),
);

const names = (query: string) => searchProductCards(CARDS, query).products.map((c) => c.name);
const first = (query: string) => names(query)[0];

describe("searchProductCards: everyday words", () => {
  it.each([
    ["earbuds", "Kite Buds 2"],
    ["headphones", "Kite Buds 2"],
    ["Earphones", "Kite Buds 2"],
    ["耳机", "Kite Buds 2"],
    ["wireless earbuds", "Kite Buds 2"],
    ["smartphone", "Kite 9 Pro"],
    ["mobile", "Kite 9 Pro"],
    ["tablet", "Kite Pad 5"],
    ["watch", "Kite Watch S"],
    ["fitness tracker", "Kite Band 4"],
    ["charger", "Kite Power Bank 20000 mAh"],
    ["powerbank", "Kite Power Bank 20000 mAh"],
    ["wifi", "Kite Router AX3000"],
    ["security camera", "Kite Cam 2K"],
    // Letters and digits apart: a name typed without spaces or with a dash.
    ["kite9", "Kite 9"],
    ["kite 9", "Kite 9"],
    ["Kite-9", "Kite 9"],
    ["KITE9PRO", "Kite 9 Pro"],
    ["9 pro", "Kite 9 Pro"],
    ["buds2", "Kite Buds 2"],
    ["buds 2", "Kite Buds 2"],
    ["ax3000", "Kite Router AX3000"],
    ["20000mah", "Kite Power Bank 20000 mAh"],
    ["2k", "Kite Cam 2K"],
  ])("%s finds %s first", (query, product) => {
    expect(first(query)).toBe(product);
  });

  it("finds only what a word is about", () => {
    expect(names("earbuds")).toEqual(["Kite Buds 2"]);
    expect(names("headphones")).toEqual(["Kite Buds 2"]);
    expect(names("mobile")).toEqual(["Kite 9 Pro", "Kite 9", "Kite 9 Lite"]);
    expect(names("charger")).toEqual(["Kite Power Bank 20000 mAh"]);
  });
});

describe("searchProductCards: typos", () => {
  it.each([
    { query: "hedphones", product: "Kite Buds 2", word: "headphones" },
    { query: "headfones", product: "Kite Buds 2", word: "headphones" },
    { query: "earbds", product: "Kite Buds 2", word: "earbuds" },
    { query: "tabelt", product: "Kite Pad 5", word: "tablet" },
    { query: "tablte", product: "Kite Pad 5", word: "tablet" },
    { query: "smartphnoe", product: "Kite 9 Pro", word: "smartphone" },
    { query: "rooter", product: "Kite Router AX3000", word: "router" },
    { query: "wacth", product: "Kite Watch S", word: "watch" },
    { query: "camra", product: "Kite Cam 2K", word: "camera" },
  ])("$query finds $product, read as $word", ({ query, product, word }) => {
    const outcome = searchProductCards(CARDS, query);
    expect(outcome.products[0]?.name).toBe(product);
    expect(outcome.corrections).toEqual([{ from: query, to: word }]);
  });

  it("corrects one word of several: kite bds", () => {
    const outcome = searchProductCards(CARDS, "kite bds");
    expect(outcome.products.map((c) => c.name)).toEqual(["Kite Buds 2"]);
    expect(outcome.corrections).toEqual([{ from: "bds", to: "buds" }]);
  });

  it("leaves a word found as typed alone: band is the Band, not a typo of bank", () => {
    expect(first("band")).toBe("Kite Band 4");
    expect(names("band")).not.toContain("Kite Power Bank 20000 mAh");
    expect(searchProductCards(CARDS, "band").corrections).toEqual([]);
  });

  it.each(["sofa", "banana", "pizza", "hand", "sand", "xyzzy", "qwerty", "bicycle", "carpet"])(
    "an unrelated word finds nothing: %s",
    (query) => {
      expect(names(query)).toEqual([]);
    },
  );

  it("takes a word as a typo by trigram likeness, or one edit from the same first letter", () => {
    const vocab = ["band", "bank", "buds", "tablet", "headphones"];
    expect(correctTypo("hedphones", vocab)).toMatchObject({ to: "headphones" });
    expect(correctTypo("tabelt", vocab)?.likeness).toBeLessThan(0.3);
    expect(correctTypo("tabelt", vocab)).toMatchObject({ to: "tablet" });
    // "banana" is 0.375 like "band", more than pg_trgm's default threshold, but three edits away.
    expect(correctTypo("banana", vocab)).toBeUndefined();
    expect(correctTypo("ba", vocab)).toBeUndefined();
    expect(FUZZY.suggest).toBe(0.3);
  });
});

describe("searchProductCards: ranking", () => {
  it("puts the whole name first, then names that start with the query, in catalogue order", () => {
    expect(names("kite 9")).toEqual(["Kite 9", "Kite 9 Pro", "Kite 9 Lite"]);
    expect(names("kite 9 pro")).toEqual(["Kite 9 Pro"]);
    expect(names("kite")).toEqual(CARDS.map((c) => c.name));
  });

  it("puts a name word before a category or synonym, and those before a tagline", () => {
    // Watch S by name; Band 4 by the wearables synonyms.
    expect(names("watch")).toEqual(["Kite Watch S", "Kite Band 4"]);
    expect(names("band")).toEqual(["Kite Band 4", "Kite Watch S"]);
    // The phones by category; the power bank only because its tagline says "Four phone charges".
    expect(names("phone")).toEqual(["Kite 9 Pro", "Kite 9", "Kite 9 Lite", "Kite Power Bank 20000 mAh"]);
    // The Cam by synonym; the 9 Pro by its tagline's "cameras".
    expect(names("camera")).toEqual(["Kite Cam 2K", "Kite 9 Pro"]);
  });

  it("needs every word: kite pad finds the Pad alone", () => {
    expect(names("kite pad")).toEqual(["Kite Pad 5"]);
    expect(names("pad 5")).toEqual(["Kite Pad 5"]);
  });

  it("matches the start of a word of three letters or more", () => {
    expect(names("rout")).toEqual(["Kite Router AX3000"]);
    expect(names("acc")).toEqual(
      CARDS.filter((c) => c.categorySlug === "accessories-smart-home").map((c) => c.name),
    );
  });
});

describe("searchProductCards: what it says back", () => {
  it("lists everything, in catalogue order, for an empty query", () => {
    for (const query of ["", "   "]) {
      expect(searchProductCards(CARDS, query)).toEqual({
        products: CARDS,
        corrections: [],
        ignored: [],
        suggestions: [],
      });
    }
  });

  it("reads a query of control characters (%00) as empty", () => {
    expect(names("\u0000")).toEqual(CARDS.map((c) => c.name));
  });

  it("leaves out a word that finds nothing and says so", () => {
    const outcome = searchProductCards(CARDS, "cheap earbuds");
    expect(outcome.products.map((c) => c.name)).toEqual(["Kite Buds 2"]);
    expect(outcome.ignored).toEqual(["cheap"]);
  });

  it("finds nothing when more words found nothing than something, and offers the words that did", () => {
    const outcome = searchProductCards(CARDS, "zzzz-no-such-thing");
    expect(outcome.products).toEqual([]);
    expect(outcome.suggestions).toEqual([]);
    expect(searchProductCards(CARDS, "cheap pink earbuds")).toMatchObject({
      products: [],
      suggestions: ["earbuds"],
    });
  });

  it("suggests near words when nothing matches, each of which finds something", () => {
    const outcome = searchProductCards(CARDS, "banana");
    expect(outcome.products).toEqual([]);
    expect(outcome.suggestions).toEqual(["band", "bank"]);
    for (const suggestion of outcome.suggestions) expect(names(suggestion).length).toBeGreaterThan(0);
    expect(searchProductCards(CARDS, "sofa").suggestions).toEqual([]);
  });

  it("suggests each word alone when the words find things apart but not together", () => {
    const outcome = searchProductCards(CARDS, "band 9");
    expect(outcome.products).toEqual([]);
    expect(outcome.suggestions).toEqual(["band", "9"]);
  });

  it.each([
    ["percent", "%"],
    ["underscore", "_"],
    ["regex", ".*"],
    ["SQL", "'; delete from users; --"],
    ["HTML", "<script>alert(1)</script>"],
    ["emoji", "🎧🎧🎧"],
    ["right-to-left", "سماعات لاسلكية"],
    ["stop words", "a the of"],
    ["10 kB", "x".repeat(10_000)],
    ["50 short words", Array.from({ length: 50 }, () => "ab").join(" ")],
  ])("finds nothing, without throwing, for junk: %s", (_label, query) => {
    expect(names(query)).toEqual([]);
  });

  it("searches 10 kB of words fast: it is bounded by the words, not the characters", () => {
    const started = performance.now();
    searchProductCards(CARDS, normaliseSearch("headphnes kite ".repeat(700)));
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("searchWords", () => {
  it("splits letters from digits, drops punctuation, folds case and plurals", () => {
    expect(searchWords("Kite-9 Pro")).toEqual(["kite", "9", "pro"]);
    expect(searchWords("buds2")).toEqual(["bud", "2"]);
    expect(searchWords("Watches, phones & accessories")).toEqual(["watch", "phone", "accessory"]);
    expect(searchWords("Wi-Fi 6")).toEqual(["wi", "fi", "6"]);
  });
});

describe("the synonym table", () => {
  it("gives each word one group, and every group finds a seeded product", () => {
    const words = SYNONYM_GROUPS.flatMap((g) => g.words.map((w) => searchWords(w).join(" ")));
    expect(new Set(words).size).toBe(words.length);
    for (const group of SYNONYM_GROUPS) expect(names(group.words[0] ?? ""), group.label).not.toEqual([]);
  });
});

describe("normaliseSearch", () => {
  it("takes the first of repeated values, trims and bounds it", () => {
    expect(normaliseSearch(["  band ", "phone"])).toBe("band");
    expect(normaliseSearch(undefined)).toBe("");
    expect(normaliseSearch(null)).toBe("");
    expect(normaliseSearch("x".repeat(500))).toHaveLength(MAX_SEARCH_LENGTH);
  });

  it("turns control characters into spaces and never cuts a character in half", () => {
    expect(normaliseSearch("buds\u0000 2")).toBe("buds  2");
    expect(normaliseSearch("\u0000")).toBe("");
    const emoji = normaliseSearch("🎧".repeat(200));
    expect(Array.from(emoji)).toHaveLength(MAX_SEARCH_LENGTH);
    expect(emoji.isWellFormed()).toBe(true);
  });
});
