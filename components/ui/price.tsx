import { formatMoney } from "@/lib/money";

/** The one place money is formatted for display. Amounts are integer minor units. */
export function Price({
  amountMinor,
  currency,
  listPriceMinor,
  from = false,
  size = "md",
  className = "",
}: {
  amountMinor: number;
  currency: string;
  listPriceMinor?: number | undefined;
  from?: boolean;
  size?: "sm" | "md" | "lg" | "xl";
  className?: string;
}) {
  const sizes = { sm: "text-sm", md: "text-base", lg: "text-xl", xl: "text-3xl" } as const;
  const showList = listPriceMinor !== undefined && listPriceMinor > amountMinor;
  return (
    <span className={`inline-flex flex-wrap items-baseline gap-x-2 ${className}`}>
      <span className={`font-semibold text-accent-700 ${sizes[size]}`} data-testid="price">
        {from ? <span className="mr-1 text-sm font-normal text-ink-500">from</span> : null}
        {formatMoney(amountMinor, currency)}
      </span>
      {showList ? (
        <s className="text-sm text-ink-500">
          <span className="sr-only">was </span>
          {formatMoney(listPriceMinor, currency)}
        </s>
      ) : null}
    </span>
  );
}

/** A SKU's price with its struck-through list price: the buy box and the sticky bar show the same one. */
export function SkuPrice({
  sku,
  ...rest
}: {
  sku: { priceMinor: number; currency: string; listPriceMinor?: number | undefined };
  size?: "sm" | "md" | "lg" | "xl";
  className?: string;
}) {
  return (
    <Price
      amountMinor={sku.priceMinor}
      currency={sku.currency}
      listPriceMinor={sku.listPriceMinor}
      {...rest}
    />
  );
}
