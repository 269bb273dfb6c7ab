import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import type { FormAction } from "@/lib/action";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { FanSaleState } from "@/lib/sales/fan-state";
import type { SaleDetail } from "@/lib/sales/queries";
import { formatSaleTime, type SaleState } from "@/lib/sales/rules";
import { BuyForm, RegisterForm } from "./sale-forms";

/** The lowest sale price, "from" when the versions differ, and the list price when there is only one version. */
export function SalePrice({ sale }: { sale: SaleDetail }) {
  const cheapest = sale.skus.reduce<SaleDetail["skus"][number] | undefined>(
    (best, s) => (!best || s.salePriceMinor < best.salePriceMinor ? s : best),
    undefined,
  );
  if (!cheapest) return null;
  return (
    <Price
      amountMinor={cheapest.salePriceMinor}
      currency={cheapest.currency}
      listPriceMinor={sale.skus.length === 1 ? cheapest.listPriceMinor : undefined}
      from={sale.skus.some((s) => s.salePriceMinor !== cheapest.salePriceMinor)}
      size="xl"
    />
  );
}

export function SaleFacts({ sale, timeZone }: { sale: SaleDetail; timeZone: string }) {
  const tz = { timeZone };
  return (
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
  );
}

function CannotBuyNote({ children }: { children: ReactNode }) {
  return (
    <p className="text-ink-700" role="status" data-testid="cannot-buy">
      {children}
    </p>
  );
}

/** What this visitor can do now: sign in, register, buy, finish paying, or why not. */
function SaleActionBody({
  sale,
  state,
  signedIn,
  fan,
  registrationOpen,
  register,
  reserve,
}: {
  sale: SaleDetail;
  state: SaleState;
  signedIn: boolean;
  fan: FanSaleState | null;
  registrationOpen: boolean;
  /** The page's server actions, handed on to the client forms (components never import app/). */
  register: FormAction<{ message: string }>;
  reserve: FormAction<{ holdId: string }>;
}) {
  if (state === "ended") {
    return <CannotBuyNote>This sale has ended. Watch the homepage for the next one.</CannotBuyNote>;
  }
  if (!signedIn) {
    return (
      <div className="space-y-3">
        <p className="text-ink-700">Only registered Kite fans can buy in this sale.</p>
        <ButtonLink href={`/sign-in?callbackUrl=${encodeURIComponent(`/sales/${sale.slug}`)}`} size="lg">
          Sign in to {registrationOpen ? "register" : "buy"}
        </ButtonLink>
      </div>
    );
  }
  if (fan?.activeHoldId) {
    return (
      <div className="space-y-3">
        <p className="font-semibold">You have a unit reserved.</p>
        <ButtonLink href={`/sales/holds/${fan.activeHoldId}`} size="lg">
          Continue to checkout
        </ButtonLink>
      </div>
    );
  }
  if (fan && !fan.registered && registrationOpen) {
    return (
      <div className="space-y-3">
        <p className="text-ink-700">Register now to be able to buy when the sale starts.</p>
        <RegisterForm saleId={sale.id} register={register} />
      </div>
    );
  }
  if (fan && !fan.cannotBuy && state === "live") {
    return (
      <BuyForm
        reserve={reserve}
        saleId={sale.id}
        options={sale.skus.map((s) => ({
          skuId: s.skuId,
          label: variantLabel(s),
          salePriceMinor: s.salePriceMinor,
          listPriceMinor: s.listPriceMinor,
          currency: s.currency,
          colourHex: s.colourHex,
        }))}
      />
    );
  }
  return (
    <CannotBuyNote>
      {fan?.bought ? "You bought yours. Thank you, Kite fan! " : ""}
      {fan?.cannotBuy?.message}
    </CannotBuyNote>
  );
}

export function SaleAction(props: Parameters<typeof SaleActionBody>[0]) {
  return (
    <section
      aria-label="Your place in this sale"
      className="rounded-2xl border border-ink-100 p-5"
      data-testid="sale-action"
    >
      <SaleActionBody {...props} />
    </section>
  );
}
