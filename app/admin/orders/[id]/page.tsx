import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderBuyerCard, OrderLinesCard, OrderPaymentCard } from "@/components/admin/order-details";
import { OrderFulfilmentCommands } from "@/components/admin/order-fulfilment-commands";
import { Card, PageHeader } from "@/components/admin/ui";
import { FulfilmentProgress } from "@/components/orders/fulfilment-progress";
import { ReturnCommands } from "@/components/returns/return-commands";
import { ReturnSummary } from "@/components/returns/return-summary";
import { requireMarketerPage } from "@/lib/auth/marketer-page";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getConsoleOrder } from "@/lib/fulfilment/queries";
import { orderNumber } from "@/lib/ids";
import { getReturnForConsole } from "@/lib/returns/queries";
import {
  approveReturnAction,
  deliverOrderAction,
  packOrderAction,
  receiveReturnAction,
  refuseReturnAction,
  shipOrderAction,
} from "../actions";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireMarketerPage(`/admin/orders/${encodeURIComponent(id)}`);
  const db = await getDb();
  const [order, ret] = await Promise.all([
    getConsoleOrder(db, { orderId: id }),
    getReturnForConsole(db, { orderId: id }),
  ]);
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
          {ret ? (
            <Card title="Return" titleId="return-title">
              <div className="space-y-4" data-testid="console-return">
                <ReturnSummary ret={ret} timeZone={tz} />
                <ReturnCommands
                  ret={ret}
                  actions={{
                    approve: approveReturnAction,
                    refuse: refuseReturnAction,
                    receive: receiveReturnAction,
                  }}
                />
              </div>
            </Card>
          ) : null}
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
