import { Price } from "@/components/ui/price";
import { laneNotice } from "@/lib/sales/early-access-rules";
import type { SaleDetail } from "@/lib/sales/queries";
import { formatSaleTime } from "@/lib/sales/rules";

/** The lowest sale price, "from" when the versions differ, and the list price when there is only one version. */
export function SalePrice({ sale }: { sale: SaleDetail }) {
  const cheapest = sale.skus.reduce<SaleDetail["skus"][number] | undefined>(
    (best, s) => (!best || s.salePriceMinor < best.salePriceMinor ? s : best),
    undefined,
  );
  if (!cheapest) return null;
  return (
    <Price
      amountMinor={cheapest.salePriceMinor}
      currency={cheapest.currency}
      listPriceMinor={sale.skus.length === 1 ? cheapest.listPriceMinor : undefined}
      from={sale.skus.some((s) => s.salePriceMinor !== cheapest.salePriceMinor)}
      size="xl"
    />
  );
}

export function SaleFacts({ sale, timeZone }: { sale: SaleDetail; timeZone: string }) {
  const tz = { timeZone };
  return (
    <dl className="grid grid-cols-2 gap-3 rounded-2xl bg-ink-50 p-4 text-sm">
      <div>
        <dt className="text-ink-500">Units</dt>
        <dd className="font-semibold">{new Intl.NumberFormat("en-US").format(sale.totalQuantity)}</dd>
      </div>
      <div>
        <dt className="text-ink-500">Starts</dt>
        <dd className="font-semibold">{formatSaleTime(sale.startsAt, tz)}</dd>
      </div>
      <div>
        <dt className="text-ink-500">Registration closes</dt>
        <dd className="font-semibold">{formatSaleTime(sale.registrationClosesAt, tz)}</dd>
      </div>
      <div>
        <dt className="text-ink-500">Limit</dt>
        <dd className="font-semibold">{sale.perAccountLimit} per fan</dd>
      </div>
      {sale.earlyAccess ? (
        <div className="col-span-2" data-testid="early-access">
          <dt className="text-ink-500">Kite Club early access</dt>
          <dd className="font-semibold">
            {laneNotice(new Date(sale.startsAt), sale.earlyAccess, timeZone)}
            <span className="font-normal text-ink-600">
              {" "}
              · {new Intl.NumberFormat("en-US").format(sale.earlyAccess.quota)} units set aside
            </span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
