"use client";

import type { MouseEvent, ReactNode } from "react";
import { hrefWithParams, replaceUrlParams, useUrlSearch } from "./url-params";

/** Opens the reviews tab and scrolls to it, in place; a real link for a new tab. */
export function ReviewsTabLink({ className, children }: { className?: string; children: ReactNode }) {
  const search = useUrlSearch();
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    replaceUrlParams({ tab: "reviews" });
    document.getElementById("product-details")?.scrollIntoView({ behavior: "smooth", block: "start" });
  }
  return (
    <a
      href={`${hrefWithParams(search, { tab: "reviews" })}#product-details`}
      onClick={onClick}
      className={className}
    >
      {children}
    </a>
  );
}
