import { notFound, redirect } from "next/navigation";
import { unfinishedPaymentPath } from "@/lib/checkout/return-urls";
import { isUuid } from "@/lib/ids";

type Props = { searchParams: Promise<{ order?: string }> };

/**
 * Where Checkout Sessions made before the return URL moved send the buyer back. It changes nothing (a GET never
 * cancels): it forwards to the order's page, which offers to finish paying or to cancel.
 */
export default async function CheckoutCancelPage({ searchParams }: Props) {
  const { order = "" } = await searchParams;
  if (!isUuid(order)) notFound();
  redirect(unfinishedPaymentPath(order));
}
