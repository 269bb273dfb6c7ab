import type { ProductCardData } from "./types";

/** The longest search the store reads; longer input is cut, never an error. */
export const MAX_SEARCH_LENGTH = 100;

/** A search box's value as the store reads it: the first of repeated `q`s, trimmed, bounded. */
export function normaliseSearch(q: string | string[] | undefined): string {
  const value = Array.isArray(q) ? q[0] : q;
  return (value ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
}

/**
 * Products whose name, tagline or category contains `query`, ignoring case, in the catalogue's own order. Search
 * filters the cached list of every card instead of asking the database with the query: the catalogue is small
 * (tens of products), so a search costs no query and, whatever is typed, adds no cache entry.
 */
export function filterProductCards(cards: readonly ProductCardData[], query: string): ProductCardData[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [...cards];
  return cards.filter((card) =>
    [card.name, card.tagline, card.categoryName].some((text) => text.toLocaleLowerCase().includes(needle)),
  );
}
