"use client";

import type { ReactNode } from "react";
import { useRovingFocus } from "@/components/ui/roving-focus";
import { type ProductTab, parseProductTab } from "@/lib/catalog/product-url";
import { replaceUrlParams, useUrlParam } from "./url-params";

export type { ProductTab };

export interface ProductTabItem {
  id: ProductTab;
  label: string;
  /** Shown after the label, e.g. the review count. */
  badge?: string | undefined;
  panel: ReactNode;
}

/**
 * Tabs in the WAI-ARIA pattern (automatic activation). Every panel is in the (cached) HTML so a switch is instant;
 * the choice is written to `?tab=` so a link opens on the same tab, and read back from it once hydrated (the
 * HTML shows the first tab; an unknown value is the first tab too).
 */
export function ProductTabs({ tabs }: { tabs: ProductTabItem[] }) {
  const active = parseProductTab(useUrlParam("tab"));

  function activate(tab: ProductTab) {
    if (tab === active) return;
    replaceUrlParams({ tab });
  }

  const { refAt, onKeyDown } = useRovingFocus({
    count: tabs.length,
    axis: "horizontal",
    onMove: (index) => {
      const tab = tabs[index];
      if (tab) activate(tab.id);
    },
  });

  return (
    <div>
      <div className="border-b border-ink-200">
        <div role="tablist" aria-label="Product information" className="-mb-px flex overflow-x-auto sm:gap-6">
          {tabs.map((tab, index) => {
            const selected = tab.id === active;
            return (
              <button
                key={tab.id}
                ref={refAt(index)}
                type="button"
                role="tab"
                id={`product-tab-${tab.id}`}
                aria-selected={selected}
                aria-controls={`product-panel-${tab.id}`}
                tabIndex={selected ? 0 : -1}
                onClick={() => activate(tab.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
                className={`flex shrink-0 items-center gap-1.5 border-b-2 px-2 py-3.5 text-[0.9375rem] font-semibold whitespace-nowrap transition sm:gap-2 sm:px-1 sm:text-base ${
                  selected
                    ? "border-accent-700 text-ink-900"
                    : "border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-900"
                }`}
              >
                {tab.label}
                {tab.badge ? (
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                      selected ? "bg-accent-50 text-accent-700" : "bg-ink-100 text-ink-600"
                    }`}
                  >
                    {tab.badge}
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`product-panel-${tab.id}`}
          aria-labelledby={`product-tab-${tab.id}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes panels focusable.
          tabIndex={0}
          hidden={tab.id !== active}
          className="py-8 focus-visible:outline-offset-4 sm:py-10"
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
