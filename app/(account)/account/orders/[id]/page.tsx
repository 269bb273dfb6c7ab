import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CancelOrderForm } from "@/components/orders/cancel-order-form";
import { FulfilmentProgress } from "@/components/orders/fulfilment-progress";
import { OrderView } from "@/components/orders/order-view";
import { UnfinishedPayment } from "@/components/orders/unfinished-payment";
import { getCurrentAccount } from "@/lib/auth/session";
import { getOrderForUser } from "@/lib/checkout/orders";
import { releaseExpiredForUser } from "@/lib/checkout/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getFulfilmentForUser } from "@/lib/fulfilment/queries";
import { orderNumber } from "@/lib/ids";
import { getRequestNow } from "@/lib/qa/now";
import { cancelOrderAction } from "./actions";

export const metadata: Metadata = { title: "Order · Kite" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cancelled?: string; payment?: string }>;
};

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { cancelled, payment } = await searchParams;
  const user = await getCurrentAccount();
  if (!user) redirect(`/sign-in?callbackUrl=/account/orders/${encodeURIComponent(id)}`);
  await releaseExpiredForUser({ userId: user.id, now: await getRequestNow() });
  const db = await getDb();
  const [order, fulfilment] = await Promise.all([
    getOrderForUser(db, { orderId: id, userId: user.id }),
    getFulfilmentForUser(db, { orderId: id, userId: user.id }),
  ]);
  if (!order) notFound();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <Link href="/account" className="text-sm font-semibold text-accent-700 hover:underline">
        ← Your orders
      </Link>
      <h1 className="mt-3 mb-6 text-3xl font-bold tracking-tight">Order {orderNumber(order.id)}</h1>
      {cancelled && order.status === "cancelled" ? (
        <p
          role="status"
          className="mb-4 rounded-2xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800"
        >
          Order cancelled. No payment was taken, and the items are back on sale.
        </p>
      ) : null}
      {payment === "unfinished" ? <UnfinishedPayment order={order} timeZone={env.STORE_TIMEZONE} /> : null}
      <OrderView order={order} timeZone={env.STORE_TIMEZONE} />
      {fulfilment?.paidAt ? (
        <div className="mt-6 rounded-2xl border border-ink-100 p-4">
          <FulfilmentProgress fulfilment={fulfilment} timeZone={env.STORE_TIMEZONE} />
        </div>
      ) : null}
      {order.status === "pending" ? (
        <section aria-labelledby="cancel-title" className="mt-6 rounded-2xl border border-ink-100 p-4">
          <h2 id="cancel-title" className="text-base font-semibold">
            Changed your mind?
          </h2>
          <p className="mt-1 mb-3 text-sm text-ink-600">
            Cancel now and nothing is charged: the items go back on sale at once and the payment page stops
            working.
          </p>
          <CancelOrderForm action={cancelOrderAction} orderId={order.id} />
        </section>
      ) : null}
    </div>
  );
}
