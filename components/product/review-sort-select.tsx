"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useTransition } from "react";
import type { ReviewSort } from "@/lib/catalog/types";

const SORT_LABELS: Record<ReviewSort, string> = {
  recent: "Most recent",
  helpful: "Most helpful",
  highest: "Highest rated",
  lowest: "Lowest rated",
};

/**
 * Changing the order rewrites `?sort=` and starts again at page 1. Without JavaScript it is a plain GET form,
 * which is why the other parameters travel as hidden fields.
 */
export function ReviewSortSelect({ sort, keep }: { sort: ReviewSort; keep: Record<string, string> }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const id = useId();

  function onChange(next: string) {
    const params = new URLSearchParams(searchParams.toString());
    params.set("tab", "reviews");
    params.set("sort", next);
    params.delete("page");
    startTransition(() => {
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    });
  }

  return (
    <form
      method="get"
      action={pathname}
      className="flex items-center gap-2"
      data-pending={pending ? "" : undefined}
    >
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="text-sm text-ink-600">
        Sort by
      </label>
      <select
        id={id}
        name="sort"
        defaultValue={sort}
        key={sort}
        onChange={(event) => onChange(event.target.value)}
        className="h-10 rounded-xl border border-ink-200 bg-white px-3 pr-8 text-sm font-medium text-ink-900 hover:border-ink-400"
      >
        {(Object.keys(SORT_LABELS) as ReviewSort[]).map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="h-10 rounded-xl border border-ink-200 px-3 text-sm font-medium">
          Apply
        </button>
      </noscript>
    </form>
  );
}
