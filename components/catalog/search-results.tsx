import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import type { SearchOutcome } from "@/lib/catalog/search";
import type { CategoryData } from "@/lib/catalog/types";

/** Where a search for `query` lives. */
export function searchHref(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

/**
 * What was typed, quoted inside a sentence: isolated so right-to-left text does not reorder the sentence around it,
 * and free to break anywhere so a long word cannot widen the page.
 */
export function Quoted({ children }: { children: string }) {
  return (
    <>
      “<bdi className="wrap-anywhere">{children}</bdi>”
    </>
  );
}

/** How the query was read, when that is not word for word what was typed. */
export function SearchReading({ outcome }: { outcome: Pick<SearchOutcome, "corrections" | "ignored"> }) {
  const notes: ReactNode[] = [
    ...outcome.corrections.map(({ from, to }) => (
      <li key={`c-${from}`}>
        Read <Quoted>{from}</Quoted> as <Quoted>{to}</Quoted>.
      </li>
    )),
    ...outcome.ignored.map((word) => (
      <li key={`i-${word}`}>
        Nothing matched <Quoted>{word}</Quoted>, so it was left out.
      </li>
    )),
  ];
  if (notes.length === 0) return null;
  return <ul className="mt-1 text-sm text-ink-600">{notes}</ul>;
}

/** Offered when nothing typed is near a catalogue word. */
const EVERYDAY_WORDS = ["phone", "earbuds", "watch"];

function WordLinks({ words }: { words: readonly string[] }) {
  return words.map((word, i) => (
    <span key={word}>
      {i > 0 ? (i === words.length - 1 ? " or " : ", ") : null}
      <TextLink href={searchHref(word)}>{word}</TextLink>
    </span>
  ));
}

/** The honest empty state: nothing is invented, the near words are offered, and every category is a tap away. */
export function NoResults({
  suggestions,
  categories,
}: {
  suggestions: readonly string[];
  categories: readonly Pick<CategoryData, "slug" | "name">[];
}) {
  return (
    <div className="rounded-2xl bg-ink-50 p-6 text-ink-700 sm:p-10">
      <p className="text-lg">
        {suggestions.length > 0 ? "Did you mean " : "Try an everyday word, such as "}
        <WordLinks words={suggestions.length > 0 ? suggestions : EVERYDAY_WORDS} />
        {suggestions.length > 0 ? "?" : "."}
      </p>
      <h2 className="mt-6 text-base font-semibold text-ink-900">Browse a category</h2>
      <ul className="mt-3 flex flex-wrap gap-2">
        {categories.map((c) => (
          <li key={c.slug}>
            <ButtonLink href={`/category/${c.slug}`} variant="secondary" size="sm">
              {c.name}
            </ButtonLink>
          </li>
        ))}
        <li>
          <ButtonLink href="/search" variant="secondary" size="sm">
            All products
          </ButtonLink>
        </li>
      </ul>
    </div>
  );
}
