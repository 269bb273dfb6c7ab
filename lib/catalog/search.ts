import { normaliseSearch } from "./search-query";
import { SYNONYM_GROUPS, type SynonymGroup } from "./synonyms";
import { editDistance, trigramSimilarity } from "./trigram";
import type { ProductCardData } from "./types";

/**
 * Search over the cached list of every product card, in memory: no database statement and no cache entry per
 * search, whatever is typed, and the same answer on PGlite and PostgreSQL (README, "Search stays dynamic").
 *
 * A query is cut into words (letters and digits apart, so "kite9", "Kite-9" and "kite 9" are the same three
 * characters in two words; plurals folded, so "phones" is "phone"); phrases of the synonym table
 * (lib/catalog/synonyms.ts) are read as one term. Every term must find a product for it to be listed; a term that
 * finds nothing anywhere is first read as its nearest catalogue word if it is a likely typo, else left out and
 * reported, as long as more words were understood than left out. Ranking: the whole name > the start of the name > a name word > category or synonym > tagline > a typo's
 * correction, ties in catalogue order.
 */

/** The brand every product name starts with: "buds 2" is the whole name "Kite Buds 2". */
const BRAND = "kite";
/** Words that say nothing about a product. */
const STOP_WORDS = new Set("a an and at by for from i in is it me my of on or the to with your".split(" "));
/** What a term scores on one product: its best place in the card. */
const LEVEL = { name: 30, namePrefix: 25, related: 20, tagline: 10 } as const;
/** Added to the sum of levels when the query is the product's name, or its start. */
const TIER = { exactName: 1000, namePrefix: 500 } as const;

/**
 * When a word that finds nothing is read as a catalogue word. Likeness is pg_trgm's similarity. Trigrams alone cannot
 * tell a swapped pair ("tabelt"/"tablet", 0.27) from an unrelated word with the same start ("banana"/"band",
 * 0.375), so below SURE a word is a typo only if it starts with the same letter and is at most one edit away (two
 * from six letters on). SUGGEST is pg_trgm's default threshold: words at least that alike are offered as "Did you
 * mean" when nothing is found. The tests in search.test.ts pin each value.
 */
export const FUZZY = { sure: 0.5, floor: 0.2, suggest: 0.3, minLength: 3 } as const;

/** Card words and synonym words are folded alike: lower case, letters and digits apart, plural `s` dropped. */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []
  ).map(foldPlural);
}

function foldPlural(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("s") && !/(ss|us)$/.test(word)) return word.slice(0, -1);
  return word;
}

const HAN = /\p{Script=Han}/u;
const SYNONYM_PHRASES = SYNONYM_GROUPS.flatMap((group) =>
  group.words.map((word) => ({ words: searchWords(word), group })),
).sort((a, b) => b.words.length - a.words.length);

interface Term {
  /** The words as typed, for messages. */
  text: string;
  words: string[];
  groups: SynonymGroup[];
  /** 1, or the similarity of a typo to the word it was read as. */
  likeness: number;
}

function groupsOf(words: readonly string[]): SynonymGroup[] {
  const joined = words.join(" ");
  return SYNONYM_GROUPS.filter((group) =>
    SYNONYM_PHRASES.some(
      (p) =>
        p.group === group &&
        (p.words.join(" ") === joined || (HAN.test(joined) && joined.includes(p.words.join(" ")))),
    ),
  );
}

/** The query's terms: synonym phrases kept whole, stop words dropped. */
function readTerms(query: string): Term[] {
  const surface =
    query
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? [];
  const words = surface.map(foldPlural);
  const terms: Term[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = SYNONYM_PHRASES.find(
      (p) => p.words.length > 1 && p.words.every((w, k) => words[i + k] === w),
    );
    const length = phrase ? phrase.words.length : 1;
    const own = words.slice(i, i + length);
    if (phrase || !STOP_WORDS.has(own[0] ?? "")) {
      terms.push({
        text: surface.slice(i, i + length).join(" "),
        words: own,
        groups: groupsOf(own),
        likeness: 1,
      });
    }
    i += length;
  }
  return terms;
}

interface IndexedCard {
  card: ProductCardData;
  name: string[];
  /** The name without the brand. */
  bare: string[];
  category: string[];
  tagline: string[];
  groups: Set<SynonymGroup>;
}

function indexCard(card: ProductCardData): IndexedCard {
  const name = searchWords(card.name);
  const bare = name[0] === BRAND ? name.slice(1) : name;
  const groups = SYNONYM_GROUPS.filter(
    (g) =>
      g.categories.includes(card.categorySlug) ||
      SYNONYM_PHRASES.some((p) => p.group === g && hasRun(name, p.words)),
  );
  return {
    card,
    name,
    bare,
    category: searchWords(card.categoryName),
    tagline: searchWords(card.tagline),
    groups: new Set(groups),
  };
}

/** Whether `needle` appears in `hay` word for word; with `prefix`, its last word (3+ letters) may start one. */
function hasRun(hay: readonly string[], needle: readonly string[], prefix = false): boolean {
  if (needle.length === 0) return false;
  return hay.some((_, start) =>
    needle.every((word, k) => {
      const there = hay[start + k];
      if (there === undefined) return false;
      if (there === word) return true;
      return prefix && k === needle.length - 1 && word.length >= 3 && there.startsWith(word);
    }),
  );
}

function startsWith(hay: readonly string[], needle: readonly string[]): boolean {
  return needle.length > 0 && hasRun(hay.slice(0, needle.length), needle, true);
}

function termLevel(term: Term, c: IndexedCard): number {
  let level = 0;
  if (hasRun(c.name, term.words)) level = LEVEL.name;
  else if (hasRun(c.name, term.words, true)) level = LEVEL.namePrefix;
  else if (hasRun(c.category, term.words, true) || term.groups.some((g) => c.groups.has(g)))
    level = LEVEL.related;
  else if (hasRun(c.tagline, term.words)) level = LEVEL.tagline;
  // A correction ranks below every word found as typed.
  return term.likeness < 1 ? (level * term.likeness) / 3 : level;
}

/** Words a typo may be read as: the catalogue's name and category words and the synonym table's. */
function vocabulary(cards: readonly ProductCardData[]): string[] {
  const text = [...cards.flatMap((c) => [c.name, c.categoryName]), ...SYNONYM_GROUPS.flatMap((g) => g.words)];
  const words = text.flatMap((t) => t.toLowerCase().match(/\p{L}+/gu) ?? []);
  return [...new Set(words)].filter((w) => w.length >= FUZZY.minLength);
}

/** Catalogue words alike enough to `word` by pg_trgm similarity, most alike first (ties in vocabulary order). */
function alikeWords(word: string, vocab: readonly string[], floor: number) {
  if (word.length < FUZZY.minLength || !/^\p{L}+$/u.test(word)) return [];
  return vocab
    .map((to) => ({ to, likeness: trigramSimilarity(word, to) }))
    .filter((c) => c.likeness >= floor && c.to !== word)
    .sort((a, b) => b.likeness - a.likeness);
}

/** The catalogue word a word that finds nothing was most likely meant to be, if any. */
export function correctTypo(word: string, vocab: readonly string[]) {
  const maxEdits = word.length >= 6 ? 2 : 1;
  return alikeWords(word, vocab, FUZZY.floor).find(
    ({ to, likeness }) => likeness >= FUZZY.sure || (to[0] === word[0] && editDistance(word, to) <= maxEdits),
  );
}

export interface SearchOutcome {
  /** Ranked, best first. */
  products: ProductCardData[];
  /** Typos read as a catalogue word: `{ from: "bds", to: "buds" }`. */
  corrections: { from: string; to: string }[];
  /** Words that found nothing and were left out, when others found something. */
  ignored: string[];
  /** Other searches that find something, when this one finds nothing (at most 3). */
  suggestions: string[];
}

/** Products for `query`, ranked, with what was corrected or left out and, when nothing matches, what to try. */
export function searchProductCards(cards: readonly ProductCardData[], typed: string): SearchOutcome {
  const none = { corrections: [], ignored: [], suggestions: [] };
  const query = normaliseSearch(typed);
  if (!query) return { products: [...cards], ...none };
  const indexed = cards.map(indexCard);
  const vocab = vocabulary(cards);
  const corrections: SearchOutcome["corrections"] = [];
  const active: Term[] = [];
  const ignored: Term[] = [];
  for (const asTyped of readTerms(query)) {
    const term = findsSomething(asTyped, indexed) ? asTyped : correctTerm(asTyped, indexed, vocab);
    if (!term) ignored.push(asTyped);
    else {
      if (term !== asTyped) corrections.push({ from: asTyped.text, to: term.text });
      active.push(term);
    }
  }
  // Leaving out words is for the odd word too many ("cheap earbuds"), not for reading a query mostly of nonsense.
  const products = ignored.length > active.length ? [] : rank(indexed, active);
  if (products.length > 0)
    return { products, corrections, ignored: ignored.map((t) => t.text), suggestions: [] };
  return { products, ...none, suggestions: suggest(indexed, vocab, active, ignored) };
}

function findsSomething(term: Term, indexed: readonly IndexedCard[]): boolean {
  return indexed.some((c) => termLevel(term, c) > 0);
}

function correctTerm(typed: Term, indexed: readonly IndexedCard[], vocab: readonly string[]): Term | null {
  const word = typed.words.length === 1 ? typed.text : "";
  const typo = correctTypo(word, vocab);
  if (!typo) return null;
  const words = searchWords(typo.to);
  const term = { text: typo.to, words, groups: groupsOf(words), likeness: typo.likeness };
  return findsSomething(term, indexed) ? term : null;
}

function rank(indexed: readonly IndexedCard[], terms: readonly Term[]): ProductCardData[] {
  if (terms.length === 0) return [];
  const words = terms.flatMap((t) => t.words);
  const scored = indexed.flatMap((c, position) => {
    const levels = terms.map((t) => termLevel(t, c));
    if (levels.some((level) => level === 0)) return [];
    const exact = [c.name, c.bare].some((n) => n.join(" ") === words.join(" "));
    const start = [c.name, c.bare].some((n) => startsWith(n, words));
    const tier = exact ? TIER.exactName : start ? TIER.namePrefix : 0;
    return [{ card: c.card, position, score: tier + levels.reduce((sum, l) => sum + l, 0) }];
  });
  return scored.sort((a, b) => b.score - a.score || a.position - b.position).map((s) => s.card);
}

/**
 * Up to three searches that find something: near-misses of the words that found nothing ("banana" → "band"), then
 * each word that names something on its own, when the words did not find anything together.
 */
function suggest(
  indexed: readonly IndexedCard[],
  vocab: readonly string[],
  active: readonly Term[],
  ignored: readonly Term[],
): string[] {
  const near = ignored.flatMap((t) => alikeWords(t.text, vocab, FUZZY.suggest).map((c) => c.to));
  // A word on its own is worth offering when it names something, not when only a tagline happens to use it.
  const alone =
    active.length > 1 || ignored.length > 0
      ? active.filter((t) => indexed.some((c) => termLevel(t, c) >= LEVEL.related)).map((t) => t.text)
      : [];
  const tried = [...new Set([...near, ...alone])];
  return tried.filter((q) => rank(indexed, readTerms(q)).length > 0).slice(0, 3);
}
