import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveSaleStatus } from "@/components/sales/live-sale-status";
import { SaleAction, SaleFacts, SalePrice } from "@/components/sales/sale-details";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { getCachedSale, getInitialFigures } from "@/lib/sales/cached";
import { getFanSaleState } from "@/lib/sales/fan-state";
import { getSaleState } from "@/lib/sales/rules";
import { registerForSaleAction, reserveSaleUnitAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const sale = await getCachedSale((await params).slug);
  return { title: sale ? `${sale.name} · Kite flash sale` : "Sale not found · Kite" };
}

export default async function SalePage({ params }: Props) {
  const { slug } = await params;
  const sale = await getCachedSale(slug);
  if (!sale) notFound();
  const [now, user] = await Promise.all([getRequestNow(), getCurrentUser()]);
  const figures = await getInitialFigures(sale.id, now);
  const state = getSaleState({ sale, now, figures });
  const fan = user
    ? await getFanSaleState({ sale, userId: user.id, now, remaining: figures?.remaining ?? null })
    : null;
  const registrationOpen = now >= sale.registrationOpensAt && now < sale.registrationClosesAt;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-500">
        <Link href="/" className="hover:text-accent-700">
          Home
        </Link>{" "}
        › Flash sale
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <div className="flex items-center justify-center rounded-3xl bg-ink-50 p-8">
          {sale.product.imageUrl ? (
            // biome-ignore lint/performance/noImgElement: local SVG renders need no optimisation
            <img
              src={sale.product.imageUrl}
              alt={sale.product.name}
              width={480}
              height={480}
              className="max-h-[28rem] w-auto"
            />
          ) : null}
        </div>
        <div className="space-y-5">
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">Flash sale</p>
          <h1 className="text-4xl font-bold tracking-tight">{sale.name}</h1>
          <p className="text-lg text-ink-600">{sale.headline}</p>
          <SalePrice sale={sale} />
          <SaleFacts sale={sale} timeZone={env.STORE_TIMEZONE} />
          {figures ? <LiveSaleStatus saleId={sale.id} initial={figures} /> : null}
          <SaleAction
            sale={sale}
            state={state}
            signedIn={user !== null}
            fan={fan}
            registrationOpen={registrationOpen}
            register={registerForSaleAction}
            reserve={reserveSaleUnitAction}
          />
        </div>
      </div>
    </div>
  );
}
