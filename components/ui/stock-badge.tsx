import type { StockState } from "@/lib/catalog/types";

export function StockBadge({ stock, available }: { stock: StockState; available: number }) {
  if (stock === "sold_out") {
    return (
      <span className="rounded-full bg-ink-100 px-2 py-0.5 text-xs font-medium text-ink-600">Sold out</span>
    );
  }
  if (stock === "low") {
    return (
      <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">
        Only {available} left
      </span>
    );
  }
  return (
    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">
      In stock
    </span>
  );
}
