import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ShareButton } from "@/components/club/share-button";
import { DrawFacts } from "@/components/sales/draw-panel";
import { LiveSaleProvider } from "@/components/sales/live-sale";
import { LiveSaleStatus } from "@/components/sales/live-sale-status";
import { SaleAction } from "@/components/sales/sale-action";
import { SaleFacts, SalePrice } from "@/components/sales/sale-details";
import { ProductImage } from "@/components/ui/product-image";
import { env } from "@/lib/env";
import { getPageNow } from "@/lib/qa/now";
import { getCachedSale, getInitialFigures } from "@/lib/sales/cached";
import { changeSaleVersionAction, registerForSaleAction, reserveSaleUnitAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

/**
 * The same page for every visitor, rendered on a sale's first visit and shared from cache after that (a marketer's
 * edit expires it through its tags). Live figures and the visitor's own buttons fill in on the client.
 */
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const sale = await getCachedSale((await params).slug);
  return { title: sale ? `${sale.name} · Kite flash sale` : "Sale not found · Kite" };
}

export default async function SalePage({ params }: Props) {
  const { slug } = await params;
  const sale = await getCachedSale(slug);
  if (!sale) notFound();
  const figures = await getInitialFigures(sale.id, await getPageNow());
  if (!figures) notFound();

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
          <ProductImage
            src={sale.product.imageUrl}
            alt={sale.product.name}
            size={480}
            className="max-h-[28rem] w-auto"
          />
        </div>
        <div className="space-y-5">
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
            {sale.draw ? "Flash sale · draw" : "Flash sale"}
          </p>
          <h1 className="text-4xl font-bold tracking-tight">{sale.name}</h1>
          <p className="text-lg text-ink-600">{sale.headline}</p>
          <SalePrice sale={sale} />
          <SaleFacts sale={sale} timeZone={env.STORE_TIMEZONE} />
          <LiveSaleProvider saleId={sale.id} initial={figures}>
            <LiveSaleStatus />
            <SaleAction
              sale={sale}
              register={registerForSaleAction}
              reserve={reserveSaleUnitAction}
              change={changeSaleVersionAction}
              timeZone={env.STORE_TIMEZONE}
            />
          </LiveSaleProvider>
          {sale.draw ? <DrawFacts sale={sale} draw={sale.draw} timeZone={env.STORE_TIMEZONE} /> : null}
          <ShareButton title={sale.name} />
        </div>
      </div>
    </div>
  );
}
