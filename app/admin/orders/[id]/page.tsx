import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderBuyerCard, OrderLinesCard, OrderPaymentCard } from "@/components/admin/order-details";
import { OrderFulfilmentCommands } from "@/components/admin/order-fulfilment-commands";
import { Card, PageHeader } from "@/components/admin/ui";
import { FulfilmentProgress } from "@/components/orders/fulfilment-progress";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getConsoleOrder } from "@/lib/fulfilment/queries";
import { orderNumber } from "@/lib/ids";
import { deliverOrderAction, packOrderAction, shipOrderAction } from "../actions";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireMarketerPage(`/admin/orders/${encodeURIComponent(id)}`);
  const order = await getConsoleOrder(await getDb(), { orderId: id });
  if (!order) notFound();
  const tz = env.STORE_TIMEZONE;
  const paid = order.payment.status === "paid";
  return (
    <>
      <PageHeader
        title={`Order ${orderNumber(order.id)}`}
        parent={{ href: "/admin/orders", label: "Orders" }}
        description={<span className="font-mono text-xs break-all">{order.id}</span>}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <Card as="div">
            <div className="space-y-5">
              {order.fulfilment.paidAt ? (
                <FulfilmentProgress fulfilment={order.fulfilment} timeZone={tz} />
              ) : (
                <h2 className="text-base font-semibold text-ink-900">Delivery: not paid</h2>
              )}
              <OrderFulfilmentCommands
                orderId={order.id}
                step={order.fulfilment.step}
                paid={paid}
                actions={{ pack: packOrderAction, ship: shipOrderAction, deliver: deliverOrderAction }}
              />
            </div>
          </Card>
          <OrderLinesCard order={order} />
        </div>
        <div className="min-w-0 space-y-6">
          <OrderBuyerCard order={order} />
          <OrderPaymentCard order={order} timeZone={tz} />
        </div>
      </div>
    </>
  );
}
