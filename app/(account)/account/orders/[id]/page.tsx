import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CancelOrderForm } from "@/components/orders/cancel-order-form";
import { FulfilmentProgress } from "@/components/orders/fulfilment-progress";
import { OrderView } from "@/components/orders/order-view";
import { UnfinishedPayment } from "@/components/orders/unfinished-payment";
import { ReturnRequestForm } from "@/components/returns/return-request-form";
import { ReturnSummary } from "@/components/returns/return-summary";
import { OrderReviewLinks } from "@/components/reviews/order-review-links";
import { getCurrentAccount } from "@/lib/auth/session";
import { getOrderForUser } from "@/lib/checkout/orders";
import { releaseExpiredForUser } from "@/lib/checkout/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getFulfilmentForUser } from "@/lib/fulfilment/queries";
import { orderNumber } from "@/lib/ids";
import { NO_REASON_RETURN_DAYS } from "@/lib/limits";
import { getRequestNow } from "@/lib/qa/now";
import { getReturnPanelForUser, type ReturnPanel } from "@/lib/returns/queries";
import { listReviewLinesForOrder } from "@/lib/reviews/queries";
import { formatStoreDateTime } from "@/lib/store-time";
import { cancelOrderAction, requestReturnAction } from "./actions";

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
  const now = await getRequestNow();
  await releaseExpiredForUser({ userId: user.id, now });
  const db = await getDb();
  const [order, fulfilment, returns, reviewLines] = await Promise.all([
    getOrderForUser(db, { orderId: id, userId: user.id }),
    getFulfilmentForUser(db, { orderId: id, userId: user.id }),
    getReturnPanelForUser(db, { orderId: id, userId: user.id, now }),
    listReviewLinesForOrder(db, { orderId: id, userId: user.id }),
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
      <OrderReviewLinks lines={reviewLines} now={now} />
      {returns ? <ReturnSection orderId={order.id} panel={returns} /> : null}
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

/** Why a return can't be asked for, shown only when it is something the fan would look for (not before shipping). */
const SAY_WHY_CLOSED = new Set(["window_closed"]);

/** The order's return: its status when there is one, and the form while the window is open. */
function ReturnSection({ orderId, panel }: { orderId: string; panel: ReturnPanel }) {
  const tz = env.STORE_TIMEZONE;
  const { latest, eligibility } = panel;
  const closedWhy =
    !eligibility.open && SAY_WHY_CLOSED.has(eligibility.failure.code) ? eligibility.failure : null;
  if (!latest && !eligibility.open && !closedWhy) return null;
  return (
    <section
      aria-labelledby="return-title"
      className="mt-6 rounded-2xl border border-ink-100 p-4"
      data-testid="returns"
    >
      <h2 id="return-title" className="mb-3 text-base font-semibold">
        {latest ? "Return" : "Return this order"}
      </h2>
      {latest ? <ReturnSummary ret={latest} timeZone={tz} /> : null}
      {eligibility.open ? (
        <div className={latest ? "mt-5 border-t border-ink-100 pt-4" : ""}>
          <p className="mb-3 text-sm text-ink-600">
            {latest ? "You can ask again" : `${NO_REASON_RETURN_DAYS}-day no-reason returns: ask`} until{" "}
            {formatStoreDateTime(new Date(eligibility.until), tz)}. We refund the whole order once we approve
            it.
          </p>
          <ReturnRequestForm action={requestReturnAction} orderId={orderId} />
        </div>
      ) : null}
      {closedWhy ? <p className="text-sm text-ink-600">{closedWhy.message}</p> : null}
    </section>
  );
}
