"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { normaliseSearch } from "@/lib/catalog/search-query";
import { MAX_SEARCH_LENGTH } from "@/lib/limits";

/**
 * The header's search box. On the results page it holds the query that was searched, so it can be corrected in
 * place; everywhere else it starts empty. Only the results page reads the query string: on the cached pages
 * `useSearchParams` would make this part of the header render in the browser only.
 */
export function HeaderSearch() {
  const onResults = usePathname() === "/search";
  return (
    <form action="/search" role="search" className="ml-auto flex min-w-0 flex-1 justify-end lg:max-w-xs">
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      {onResults ? (
        <Suspense fallback={<SearchInput query="" />}>
          <SearchedInput />
        </Suspense>
      ) : (
        <SearchInput query="" />
      )}
    </form>
  );
}

function SearchedInput() {
  const query = normaliseSearch(useSearchParams().get("q"));
  // Keyed by the query: a new search (back, forward, a suggestion link) shows its own words, not the last ones.
  return <SearchInput key={query} query={query} />;
}

/** The box's fixed attributes; only its starting value changes. */
const INPUT = {
  id: "site-search",
  name: "q",
  type: "search",
  placeholder: "Search Kite",
  maxLength: MAX_SEARCH_LENGTH,
  enterKeyHint: "search",
  // Right-to-left words read right to left in the box too.
  dir: "auto",
  className:
    "w-full min-w-0 rounded-full border border-ink-200 bg-ink-50 px-4 py-1.5 text-sm placeholder:text-ink-500 focus:border-accent-500 focus:bg-white",
} as const;

function SearchInput({ query }: { query: string }) {
  return <input {...INPUT} defaultValue={query} />;
}
