import type { Metadata } from "next";
import { OrderFilters, OrdersTable, ordersHref } from "@/components/admin/orders-table";
import { EmptyState, ListPager, PageHeader } from "@/components/admin/ui";
import { ButtonLink } from "@/components/ui/button";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listConsoleOrders, ORDER_FILTERS, type OrderFilter } from "@/lib/fulfilment/queries";
import { isUuid } from "@/lib/ids";
import { getRequestNow } from "@/lib/qa/now";
import { zoneLabel } from "@/lib/store-time";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<{ status?: string; before?: string }> };

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requireMarketerPage("/admin/orders");
  const { status, before } = await searchParams;
  const filter: OrderFilter = ORDER_FILTERS.find((f) => f === status) ?? "all";
  const cursor = isUuid(before) ? before : undefined;
  const tz = env.STORE_TIMEZONE;
  const now = await getRequestNow();
  const { rows, nextBefore } = await listConsoleOrders(await getDb(), { filter, before: cursor });
  return (
    <>
      <PageHeader
        title="Orders"
        description={`Newest first. Pack paid orders, ship them with a carrier and tracking number, mark them delivered; answer returns under Open returns. Times in ${zoneLabel(tz, now)}.`}
        actions={
          <ButtonLink href="/admin/orders/upload" variant="secondary" size="console">
            Upload tracking numbers
          </ButtonLink>
        }
      />
      <OrderFilters filters={ORDER_FILTERS} current={filter} />
      <OrdersTable
        rows={rows}
        timeZone={tz}
        empty={
          <EmptyState title={cursor ? "No older orders" : "No orders here"}>
            {filter === "to_pack"
              ? "Every paid order has been packed."
              : filter === "returns"
                ? "No return is waiting for a decision or for its parcel."
                : "Orders appear here as shoppers check out."}
          </EmptyState>
        }
      />
      <ListPager noun="orders" href={(b) => ordersHref(filter, b)} before={cursor} next={nextBefore} />
    </>
  );
}
