import Link from "next/link";
import type { ReactNode } from "react";
import { FULFILMENT_LABELS } from "@/components/orders/fulfilment-progress";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import type { ConsoleOrderRow, OrderFilter } from "@/lib/fulfilment/queries";
import { orderNumber } from "@/lib/ids";
import { formatStoreDateTime } from "@/lib/store-time";
import { FilterNav, LINK_CLASS } from "./ui";

const FILTER_LABELS: Record<OrderFilter, string> = {
  all: "All orders",
  to_pack: "To pack",
  packed: "Packed",
  shipped: "Shipped",
  delivered: "Delivered",
  returns: "Open returns",
};

export function ordersHref(filter: OrderFilter, before?: string): string {
  const query = new URLSearchParams();
  if (filter !== "all") query.set("status", filter);
  if (before) query.set("before", before);
  const qs = query.toString();
  return qs ? `/admin/orders?${qs}` : "/admin/orders";
}

/** The fulfilment filters as links (the list is a page per filter, so it can be bookmarked and shared). */
export function OrderFilters({
  filters,
  current,
}: {
  filters: readonly OrderFilter[];
  current: OrderFilter;
}) {
  return (
    <FilterNav
      label="Filter by fulfilment"
      items={filters.map((filter) => ({
        href: ordersHref(filter),
        label: FILTER_LABELS[filter],
        current: filter === current,
      }))}
    />
  );
}

function FulfilmentCell({ row }: { row: ConsoleOrderRow }) {
  if (row.payment !== "paid" && row.step === "unfulfilled") return <span className="text-ink-400">—</span>;
  return (
    <span className="block" data-testid="order-fulfilment">
      <span className="font-medium text-ink-900">{FULFILMENT_LABELS[row.step]}</span>
      {row.trackingNumber ? (
        <span className="block text-xs text-ink-600">
          {row.carrierName} <span className="font-mono">{row.trackingNumber}</span>
        </span>
      ) : null}
      {row.openReturn ? (
        <span className="block text-xs font-semibold text-amber-800" data-testid="order-return">
          {row.openReturn === "requested" ? "Return requested" : "Return approved, parcel due back"}
        </span>
      ) : null}
    </span>
  );
}

/** The console's orders: number (linked), placed, buyer, items, total, payment, fulfilment. */
export function OrdersTable({
  rows,
  timeZone,
  empty,
}: {
  rows: ConsoleOrderRow[];
  timeZone: string;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Orders, newest first"
      density="snug"
      minWidth="52rem"
      rows={rows}
      empty={empty}
      rowKey={(row) => row.id}
      rowProps={(row) => ({ "data-order-id": row.id })}
      columns={[
        {
          header: "Order",
          rowHeader: true,
          className: "font-mono font-semibold whitespace-nowrap",
          cell: (row) => (
            <Link href={`/admin/orders/${row.id}`} className={LINK_CLASS}>
              {orderNumber(row.id)}
            </Link>
          ),
        },
        {
          header: "Placed",
          className: "whitespace-nowrap text-ink-700",
          cell: (row) => formatStoreDateTime(row.createdAt, timeZone),
        },
        { header: "Buyer", className: "break-words", cell: (row) => row.buyerEmail },
        { header: "Items", numeric: true, cell: (row) => row.itemCount },
        {
          header: "Total",
          numeric: true,
          cell: (row) => <Price amountMinor={row.totalMinor} currency={row.currency} />,
        },
        { header: "Payment", cell: (row) => <OrderStatusBadge status={row.payment} /> },
        { header: "Fulfilment", cell: (row) => <FulfilmentCell row={row} /> },
      ]}
    />
  );
}
