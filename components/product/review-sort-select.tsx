"use client";

import { useId } from "react";
import type { ReviewSort } from "@/lib/reviews/types";

const SORT_LABELS: Record<ReviewSort, string> = {
  recent: "Most recent",
  helpful: "Most helpful",
  highest: "Highest rated",
  lowest: "Lowest rated",
};

/** The reviews' order; the panel writes it to `?sort=` and starts again at page 1. */
export function ReviewSortSelect({
  sort,
  onChange,
}: {
  sort: ReviewSort;
  onChange: (sort: ReviewSort) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-ink-600">
        Sort by
      </label>
      <select
        id={id}
        name="sort"
        value={sort}
        onChange={(event) => onChange(event.target.value as ReviewSort)}
        className="h-10 rounded-xl border border-ink-200 bg-white px-3 pr-8 text-sm font-medium text-ink-900 hover:border-ink-400"
      >
        {(Object.keys(SORT_LABELS) as ReviewSort[]).map((value) => (
          <option key={value} value={value}>
            {SORT_LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
