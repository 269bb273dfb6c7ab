/**
 * Word likeness for search, in memory. `trigramSimilarity` is PostgreSQL pg_trgm's `similarity()` (checked against
 * pg_trgm itself on PGlite in trigram.test.ts), so moving search into the database later ranks the same way.
 */

/** pg_trgm splits on anything that is not a letter or a digit (an underscore too) and ignores case. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * pg_trgm's `show_trgm()` as a set: each word lower-cased, padded with two spaces in front and one behind, cut into
 * every run of three characters.
 */
export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(""));
  }
  return grams;
}

/** pg_trgm's `similarity(a, b)`: trigrams the two share over trigrams either has, 0 when either has none. */
export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

/**
 * Edits (insert, delete, replace, or swap two neighbours) that turn `a` into `b`: the optimal string alignment
 * distance. Search uses it beside trigram similarity, which scores a swapped pair ("tabelt") lower than an unrelated
 * word that shares a prefix ("banana" and "band").
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  // rows[i][j]: edits between the first i characters of s and the first j of t.
  const rows = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(s.length, t.length);
}
