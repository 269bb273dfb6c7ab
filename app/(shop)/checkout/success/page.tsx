import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { OrderView } from "@/components/orders/order-view";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrderAfterPayment } from "@/lib/checkout/session";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";

export const metadata: Metadata = { title: "Thank you · Kite" };

type Props = { searchParams: Promise<{ session_id?: string }> };

export default async function CheckoutSuccessPage({ searchParams }: Props) {
  const { session_id: sessionId = "" } = await searchParams;
  const user = await getCurrentUser();
  if (!user)
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/checkout/success?session_id=${sessionId}`)}`);
  const order = await getOrderAfterPayment({ sessionId, userId: user.id, now: await getRequestNow() });
  if (!order) notFound();
  const paid = order.status === "paid";
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">
        {paid ? "Thank you, Kite fan!" : "We're confirming your payment"}
      </h1>
      <p className="mt-2 mb-6 text-ink-600" role="status">
        {paid
          ? "Your order is paid and on its way to the warehouse. We'll email you when it ships."
          : order.status === "refunded"
            ? "Your payment arrived after your items were released and they have sold out since, so we refunded you in full."
            : "Stripe is still confirming your payment. This page updates when you reload it."}
      </p>
      <OrderView order={order} timeZone={env.STORE_TIMEZONE} />
      <div className="mt-6 flex gap-3">
        <ButtonLink href="/account" variant="secondary">
          Your orders
        </ButtonLink>
        <ButtonLink href="/">Keep shopping</ButtonLink>
      </div>
    </div>
  );
}
