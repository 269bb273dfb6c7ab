import type { ReactNode } from "react";
import { OrderStatusBadge } from "@/components/orders/order-status";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { Price } from "@/components/ui/price";
import type { ConsoleOrder } from "@/lib/fulfilment/queries";
import { formatStoreDateTime } from "@/lib/store-time";
import { Card } from "./ui";

type ShippingAddress = NonNullable<ConsoleOrder["shippingAddress"]>;

/** The order's lines as sold (names and prices frozen at checkout). */
export function OrderLinesCard({ order }: { order: ConsoleOrder }) {
  const { currency } = order.payment;
  return (
    <Card title="Items" titleId="items-title">
      <DataTable
        caption="Items in this order"
        framed={false}
        density="snug"
        rows={order.lines}
        rowKey={(line) => line.id}
        columns={[
          {
            header: "Product",
            rowHeader: true,
            className: "font-medium",
            cell: (line) => (
              <>
                {line.productName}
                <span className="block text-xs font-normal text-ink-500">{line.variantLabel}</span>
              </>
            ),
          },
          { header: "Qty", numeric: true, cell: (line) => line.quantity },
          {
            header: "Price",
            numeric: true,
            cell: (line) => <Price amountMinor={line.unitPriceMinor * line.quantity} currency={currency} />,
          },
        ]}
      />
      <p className="mt-3 flex justify-between border-t border-ink-100 pt-3 text-sm font-semibold">
        <span>Total</span>
        <Price amountMinor={order.payment.totalMinor} currency={currency} />
      </p>
    </Card>
  );
}

function AddressLines({ address }: { address: ShippingAddress }) {
  return (
    <address className="text-sm not-italic text-ink-800">
      <span className="block font-semibold">{address.recipientName}</span>
      <span className="block">{address.mobile}</span>
      <span className="block break-words">{address.street}</span>
      <span className="block">
        {address.district}, {address.city}, {address.province} {address.postcode}
      </span>
      <span className="block">China</span>
    </address>
  );
}

/** Who bought it and where it goes: the address as it was when the order was placed. */
export function OrderBuyerCard({ order }: { order: ConsoleOrder }) {
  return (
    <Card title="Buyer and delivery" titleId="buyer-title">
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">Buyer</dt>
          <dd className="text-ink-900">{order.buyer.name}</dd>
          <dd className="break-all text-ink-600">{order.buyer.email}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">Deliver to</dt>
          <dd data-testid="shipping-address">
            {order.shippingAddress ? (
              <AddressLines address={order.shippingAddress} />
            ) : (
              <span className="text-ink-600">No address on this order.</span>
            )}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** Payment as Stripe settled it. */
export function OrderPaymentCard({ order, timeZone }: { order: ConsoleOrder; timeZone: string }) {
  const { payment } = order;
  const rows: [string, ReactNode][] = [
    ["Status", <OrderStatusBadge key="status" status={payment.status} />],
    ["Placed", formatStoreDateTime(order.createdAt, timeZone)],
    ["Paid", payment.paidAt ? formatStoreDateTime(payment.paidAt, timeZone) : "—"],
  ];
  if (payment.closedAt) rows.push(["Closed", formatStoreDateTime(payment.closedAt, timeZone)]);
  if (payment.refundedMinor > 0) {
    rows.push([
      "Refunded",
      <Price key="refund" amountMinor={payment.refundedMinor} currency={payment.currency} />,
    ]);
  }
  if (payment.paymentIntentId) {
    rows.push([
      "Stripe payment",
      <code key="pi" className="text-xs break-all">
        {payment.paymentIntentId}
      </code>,
    ]);
  }
  return (
    <Card title="Payment" titleId="payment-title">
      <DetailList rows={rows} />
    </Card>
  );
}
