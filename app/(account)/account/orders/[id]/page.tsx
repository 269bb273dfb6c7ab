import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { OrderView } from "@/components/orders/order-view";
import { getCurrentAccount } from "@/lib/auth/session";
import { getOrderForUser } from "@/lib/checkout/orders";
import { releaseExpiredForUser } from "@/lib/checkout/session";
import { getDb } from "@/lib/db";
import { getRequestNow } from "@/lib/qa/now";

export const metadata: Metadata = { title: "Order · Kite" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentAccount();
  if (!user) redirect(`/sign-in?callbackUrl=/account/orders/${encodeURIComponent(id)}`);
  await releaseExpiredForUser({ userId: user.id, now: await getRequestNow() });
  const order = await getOrderForUser(await getDb(), { orderId: id, userId: user.id });
  if (!order) notFound();
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <Link href="/account" className="text-sm font-semibold text-accent-700 hover:underline">
        ← Your orders
      </Link>
      <h1 className="mt-3 mb-6 text-3xl font-bold tracking-tight">
        Order {order.id.slice(0, 8).toUpperCase()}
      </h1>
      <OrderView order={order} />
    </div>
  );
}
