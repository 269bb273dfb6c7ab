"use client";

import { useSyncExternalStore } from "react";

/*
 * The product page is one cached HTML for every visitor, so what its URL chooses (`?sku=`, `?tab=`, the reviews'
 * `?sort=&page=&stars=`) is read here, on the client, after hydration: the server snapshot is null, meaning "render
 * the defaults", exactly what the cached HTML shows. Not `useSearchParams`: on a prerendered page it makes the tree
 * up to the nearest Suspense boundary render on the client only, so the buy column would be missing from the HTML.
 *
 * Changes go through `window.history.replaceState`, which Next.js integrates with its router (usePathname and
 * useSearchParams elsewhere stay in step), with no server round trip: the page is the same for every choice.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const getSnapshot = () => window.location.search;
const getServerSnapshot = () => null;

/** The page's query string, or null while rendering on the server and hydrating (render the defaults then). */
export function useUrlSearch(): string | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/** One parameter of the page's URL; null when absent, and on the server. */
export function useUrlParam(name: string): string | null {
  const search = useUrlSearch();
  return search === null ? null : new URLSearchParams(search).get(name);
}

/** Sets (string) or removes (null) parameters of the current URL, replacing the history entry. */
export function replaceUrlParams(changes: Record<string, string | null>): void {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  for (const listener of listeners) listener();
}

/** A same-page link to these parameters (for the href of a link that `replaceUrlParams` handles on click). */
export function hrefWithParams(search: string | null, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search ?? "");
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}
