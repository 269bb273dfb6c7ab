import { MAX_SEARCH_LENGTH } from "@/lib/limits";

/**
 * A search box's value as the store reads it: the first of repeated `q`s, control characters (a `%00`) turned into
 * spaces, trimmed, and cut to MAX_SEARCH_LENGTH characters (whole characters: an emoji is never cut in half). Longer
 * input is cut, never an error. Import-free of the search rules, so the header's search box uses it too.
 */
export function normaliseSearch(q: string | string[] | null | undefined): string {
  const value = Array.isArray(q) ? q[0] : q;
  const clean = (value ?? "").replace(/[\p{Cc}\p{Cs}]/gu, " ").trim();
  return Array.from(clean).slice(0, MAX_SEARCH_LENGTH).join("").trim();
}
