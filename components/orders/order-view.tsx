import Link from "next/link";
import { Price } from "@/components/ui/price";
import { ProductImage } from "@/components/ui/product-image";
import type { OrderDetail } from "@/lib/checkout/orders";
import { MINOR_UNITS_PER_POINT, tierWithPerk } from "@/lib/points/rules";
import { formatStoreDateTime } from "@/lib/store-time";
import { OrderStatusBadge } from "./order-status";

/** The order's times in the store's zone, named ("Sat 14 Mar 2026, 12:00 GMT+8"). */
export function OrderView({ order, timeZone }: { order: OrderDetail; timeZone: string }) {
  const formatDate = (iso: string) => formatStoreDateTime(new Date(iso), timeZone);
  return (
    <div className="rounded-2xl border border-ink-100">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-ink-100 p-4">
        <div>
          <p className="text-sm text-ink-500">Order {order.id.slice(0, 8).toUpperCase()}</p>
          <p className="text-sm text-ink-500">Placed {formatDate(order.createdAt)}</p>
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      <ul className="divide-y divide-ink-100">
        {order.lines.map((line) => (
          <li key={line.skuId} className="flex items-center gap-4 p-4">
            <ProductImage
              src={line.imageUrl}
              size={64}
              className="h-16 w-16 rounded-lg bg-ink-50 object-contain p-1"
            />
            <div className="flex-1">
              <Link href={`/products/${line.productSlug}`} className="font-semibold hover:text-accent-700">
                {line.productName}
              </Link>
              <p className="text-sm text-ink-500">
                {line.variantLabel} · Qty {line.quantity}
              </p>
            </div>
            <Price amountMinor={line.unitPriceMinor * line.quantity} currency={order.currency} />
          </li>
        ))}
      </ul>
      {order.tierDiscountPercent > 0 || order.pointsSpent > 0 ? (
        <dl className="space-y-1 border-t border-ink-100 p-4 text-sm text-ink-700">
          {order.tierDiscountPercent > 0 ? (
            <div className="flex justify-between">
              <dt>{tierWithPerk(order.tierDiscountPercent)} price</dt>
              <dd>−{order.tierDiscountPercent} % on every item, included above</dd>
            </div>
          ) : null}
          {order.pointsSpent > 0 ? (
            <div className="flex justify-between" data-testid="order-points">
              <dt>Paid with {order.pointsSpent.toLocaleString("en")} points</dt>
              <dd>
                −
                <Price
                  amountMinor={order.pointsSpent * MINOR_UNITS_PER_POINT}
                  currency={order.currency}
                  size="sm"
                />
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <div className="flex justify-between border-t border-ink-100 p-4 font-semibold">
        <span>Total</span>
        <span data-testid="order-total">
          <Price amountMinor={order.totalMinor} currency={order.currency} />
        </span>
      </div>
      {order.status === "pending" && order.stripeSessionUrl ? (
        <div className="border-t border-ink-100 p-4 text-sm text-ink-600">
          Your items are held until {formatDate(order.holdExpiresAt)}.{" "}
          <a href={order.stripeSessionUrl} className="font-semibold text-accent-700 hover:underline">
            Finish paying
          </a>
        </div>
      ) : null}
    </div>
  );
}
