"use client";

import type { ReactNode } from "react";
import { TierPrice } from "@/components/club/tier-price";
import { SkuPrice } from "@/components/ui/price";
import { useRovingFocus } from "@/components/ui/roving-focus";
import { StockBadge } from "@/components/ui/stock-badge";
import type { SkuData } from "@/lib/catalog/types";
import { bestSkuForColour, findSku, usePurchase } from "./purchase-provider";

interface OptionItem {
  key: string;
  label: string;
  checked: boolean;
  /** Sold out or not made in this combination: still focusable, not selectable. */
  unavailable: boolean;
  target: SkuData | undefined;
  swatch?: string;
}

/**
 * A radio group in the WAI-ARIA pattern: one tab stop, arrow keys move and select, unavailable options can be
 * reached (so they can be read out) but not chosen.
 */
function OptionGroup({
  label,
  current,
  items,
  onSelect,
  renderItem,
  className,
}: {
  label: string;
  /** The chosen option's name, shown after the label. */
  current: string | null;
  items: OptionItem[];
  onSelect: (sku: SkuData) => void;
  renderItem: (item: OptionItem) => ReactNode;
  className: string;
}) {
  const focusable = Math.max(
    0,
    items.findIndex((i) => i.checked),
  );

  function choose(item: OptionItem) {
    if (!item.unavailable && item.target) onSelect(item.target);
  }

  const { refAt, onKeyDown } = useRovingFocus({
    count: items.length,
    axis: "both",
    onMove: (index) => {
      const item = items[index];
      if (item) choose(item);
    },
  });

  return (
    <div>
      <p className="mb-2.5 text-sm text-ink-600">
        <span className="font-medium text-ink-900">{label}</span>
        {current ? <span aria-hidden="true"> · {current}</span> : null}
      </p>
      <div role="radiogroup" aria-label={label} className={className}>
        {items.map((item, index) => (
          <button
            key={item.key}
            ref={refAt(index)}
            type="button"
            role="radio"
            aria-checked={item.checked}
            aria-disabled={item.unavailable || undefined}
            title={item.unavailable ? `${item.label} is unavailable` : undefined}
            tabIndex={index === focusable ? 0 : -1}
            onClick={() => choose(item)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={`group relative flex items-center gap-2 rounded-xl border px-3.5 py-2.5 text-sm transition ${
              item.checked
                ? "border-accent-600 bg-accent-50 font-semibold text-ink-900 ring-1 ring-accent-600"
                : "border-ink-200 bg-white text-ink-800 hover:border-ink-400"
            } ${item.unavailable ? "cursor-not-allowed border-dashed text-ink-500 hover:border-ink-200" : ""}`}
          >
            {renderItem(item)}
          </button>
        ))}
      </div>
    </div>
  );
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function SkuSelector() {
  const { skus, sku, selectSku } = usePurchase();

  const colours = unique(skus.map((s) => s.colour));
  const storages = unique(skus.map((s) => s.storage)).filter((s): s is string => s !== null);

  const colourItems: OptionItem[] = colours.map((colour) => {
    const target = bestSkuForColour(skus, colour, sku.storage);
    return {
      key: colour,
      label: colour,
      checked: colour === sku.colour,
      unavailable: !skus.some((s) => s.colour === colour && s.available > 0),
      target,
      swatch: skus.find((s) => s.colour === colour)?.colourHex ?? "#cccccc",
    };
  });

  const storageItems: OptionItem[] = storages.map((storage) => {
    const target = findSku(skus, sku.colour, storage);
    return {
      key: storage,
      label: storage,
      checked: storage === sku.storage,
      unavailable: !target || target.available <= 0,
      target,
    };
  });

  const discount =
    sku.listPriceMinor > sku.priceMinor
      ? Math.round(((sku.listPriceMinor - sku.priceMinor) * 100) / sku.listPriceMinor)
      : 0;

  return (
    <div className="flex flex-col gap-6">
      <div
        className="rounded-2xl bg-gradient-to-r from-accent-50 to-white px-5 py-4 ring-1 ring-accent-100"
        data-testid="product-price"
      >
        <div className="flex flex-wrap items-center gap-3">
          <SkuPrice sku={sku} size="xl" className="[&_s]:text-base [&_s]:text-ink-500" />
          {discount > 0 ? (
            <span className="rounded-md bg-accent-700 px-2 py-0.5 text-xs font-semibold text-white">
              Save {discount}%
            </span>
          ) : null}
        </div>
        <div className="mt-2 flex items-start gap-2 text-sm text-ink-600">
          <span className="shrink-0 whitespace-nowrap">
            <StockBadge stock={sku.stock} available={sku.available} />
          </span>
          {sku.stock === "sold_out" ? (
            <span>This variant is sold out. Try another colour or size.</span>
          ) : (
            <span>Ships from Kite&apos;s own warehouse</span>
          )}
        </div>
        <TierPrice priceMinor={sku.priceMinor} currency={sku.currency} />
      </div>

      <OptionGroup
        label="Colour"
        current={sku.colour}
        items={colourItems}
        onSelect={selectSku}
        className="flex flex-wrap gap-2.5"
        renderItem={(item) => (
          <>
            <span
              aria-hidden="true"
              className="relative size-5 shrink-0 overflow-hidden rounded-full ring-1 ring-ink-900/15 ring-inset"
              style={{ backgroundColor: item.swatch }}
            >
              {item.unavailable ? (
                <span className="absolute top-1/2 left-1/2 h-px w-7 -translate-x-1/2 -translate-y-1/2 -rotate-45 bg-ink-500" />
              ) : null}
            </span>
            <span className={item.unavailable ? "line-through" : ""}>{item.label}</span>
          </>
        )}
      />

      {storageItems.length > 0 ? (
        <OptionGroup
          label="Storage"
          current={sku.storage}
          items={storageItems}
          onSelect={selectSku}
          className="grid grid-cols-2 gap-2.5 sm:grid-cols-3"
          renderItem={(item) => (
            <span className={`w-full text-center ${item.unavailable ? "line-through" : ""}`}>
              {item.label}
            </span>
          )}
        />
      ) : null}
    </div>
  );
}
