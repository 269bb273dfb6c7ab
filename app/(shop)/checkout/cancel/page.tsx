import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { cancelOrderCheckout } from "@/lib/checkout/session";
import { getRequestNow } from "@/lib/qa/now";

export const metadata: Metadata = { title: "Checkout cancelled · Kite" };

type Props = { searchParams: Promise<{ order?: string }> };

export default async function CheckoutCancelPage({ searchParams }: Props) {
  const { order: orderId = "" } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/cart");
  const order = await cancelOrderCheckout({ orderId, userId: user.id, now: await getRequestNow() });
  if (!order) notFound();
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-3xl font-bold tracking-tight">Checkout cancelled</h1>
      <p className="mt-3 text-ink-600" role="status">
        {order.status === "paid"
          ? "This order was already paid, so nothing changed."
          : "No payment was taken. The items are still in your cart, and we put the units back on sale."}
      </p>
      <ButtonLink href="/cart" className="mt-8">
        Back to your cart
      </ButtonLink>
    </div>
  );
}
