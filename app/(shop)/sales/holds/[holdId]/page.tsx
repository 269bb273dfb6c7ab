import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CheckoutLine } from "@/components/sales/checkout-line";
import { Price } from "@/components/ui/price";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getSaleHoldForUser } from "@/lib/sales/holds";

export const metadata: Metadata = { title: "Your reserved unit · Kite" };

export default async function SaleHoldPage({ params }: { params: Promise<{ holdId: string }> }) {
  const { holdId } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=/sales/holds/${encodeURIComponent(holdId)}`);
  const hold = await getSaleHoldForUser(await getDb(), { holdId, userId: user.id });
  if (!hold) notFound();
  return (
    <div className="mx-auto max-w-xl px-4 py-12">
      <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">{hold.saleName}</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">
        {hold.productName} <span className="text-ink-500">· {hold.variantLabel}</span>
      </h1>
      <div className="mt-2">
        <Price amountMinor={hold.salePriceMinor} currency={hold.currency} size="lg" />
      </div>
      <div className="mt-8 rounded-2xl border border-ink-100 p-6">
        {hold.status === "converted" ? (
          <p className="text-xl font-bold">Paid. Thank you, Kite fan!</p>
        ) : hold.status === "released" ? (
          <p className="text-xl font-bold" role="alert">
            This reservation has ended and the unit went back on sale.
          </p>
        ) : (
          <CheckoutLine holdId={hold.holdId} saleSlug={hold.saleSlug} />
        )}
      </div>
    </div>
  );
}
