import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveSaleStatus } from "@/components/sales/live-sale-status";
import { BuyForm, RegisterForm } from "@/components/sales/sale-forms";
import { Price } from "@/components/ui/price";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getRequestNow } from "@/lib/qa/now";
import { getCachedSale, getInitialFigures } from "@/lib/sales/cached";
import { getFanSaleState } from "@/lib/sales/fan-state";
import { formatSaleTime, getSaleState } from "@/lib/sales/rules";
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
  const tz = { timeZone: env.STORE_TIMEZONE };
  const cheapest = sale.skus.reduce<(typeof sale.skus)[number] | undefined>(
    (best, s) => (!best || s.salePriceMinor < best.salePriceMinor ? s : best),
    undefined,
  );
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
          {cheapest ? (
            <Price
              amountMinor={cheapest.salePriceMinor}
              currency={cheapest.currency}
              listPriceMinor={sale.skus.length === 1 ? cheapest.listPriceMinor : undefined}
              from={sale.skus.some((s) => s.salePriceMinor !== cheapest.salePriceMinor)}
              size="xl"
            />
          ) : null}
          <dl className="grid grid-cols-2 gap-3 rounded-2xl bg-ink-50 p-4 text-sm">
            <div>
              <dt className="text-ink-500">Units</dt>
              <dd className="font-semibold">{new Intl.NumberFormat("en-US").format(sale.totalQuantity)}</dd>
            </div>
            <div>
              <dt className="text-ink-500">Starts</dt>
              <dd className="font-semibold">{formatSaleTime(sale.startsAt, tz)}</dd>
            </div>
            <div>
              <dt className="text-ink-500">Registration closes</dt>
              <dd className="font-semibold">{formatSaleTime(sale.registrationClosesAt, tz)}</dd>
            </div>
            <div>
              <dt className="text-ink-500">Limit</dt>
              <dd className="font-semibold">{sale.perAccountLimit} per fan</dd>
            </div>
          </dl>
          {figures ? <LiveSaleStatus saleId={sale.id} initial={figures} /> : null}

          <section
            aria-label="Your place in this sale"
            className="rounded-2xl border border-ink-100 p-5"
            data-testid="sale-action"
          >
            {state === "ended" ? (
              <p className="text-ink-700" role="status" data-testid="cannot-buy">
                This sale has ended. Watch the homepage for the next one.
              </p>
            ) : !user ? (
              <div className="space-y-3">
                <p className="text-ink-700">Only registered Kite fans can buy in this sale.</p>
                <Link
                  href={`/sign-in?callbackUrl=${encodeURIComponent(`/sales/${sale.slug}`)}`}
                  className="inline-block rounded-full bg-accent-600 px-8 py-3 font-semibold text-white hover:bg-accent-700"
                >
                  Sign in to {registrationOpen ? "register" : "buy"}
                </Link>
              </div>
            ) : fan?.activeHoldId ? (
              <div className="space-y-3">
                <p className="font-semibold">You have a unit reserved.</p>
                <Link
                  href={`/sales/holds/${fan.activeHoldId}`}
                  className="inline-block rounded-full bg-accent-600 px-8 py-3 font-semibold text-white hover:bg-accent-700"
                >
                  Continue to checkout
                </Link>
              </div>
            ) : fan && !fan.registered && registrationOpen ? (
              <div className="space-y-3">
                <p className="text-ink-700">Register now to be able to buy when the sale starts.</p>
                <RegisterForm saleId={sale.id} register={registerForSaleAction} />
              </div>
            ) : fan && !fan.cannotBuy && state === "live" ? (
              <BuyForm
                reserve={reserveSaleUnitAction}
                saleId={sale.id}
                options={sale.skus.map((s) => ({
                  skuId: s.skuId,
                  label: [s.colour, s.storage].filter(Boolean).join(" · "),
                  salePriceMinor: s.salePriceMinor,
                  listPriceMinor: s.listPriceMinor,
                  currency: s.currency,
                  colourHex: s.colourHex,
                }))}
              />
            ) : (
              <p className="text-ink-700" role="status" data-testid="cannot-buy">
                {fan?.bought ? "You bought yours. Thank you, Kite fan! " : ""}
                {fan?.cannotBuy?.message}
              </p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
