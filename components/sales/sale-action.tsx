"use client";

import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { useVisitor } from "@/components/visitor/visitor-provider";
import type { FormAction } from "@/lib/action";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { FanSaleState } from "@/lib/sales/fan-state";
import type { SaleDetail } from "@/lib/sales/queries";
import { mayChangeVersion } from "@/lib/sales/version-choice-rules";
import { DrawFanState } from "./draw-panel";
import { type LiveFigures, useLiveSale } from "./live-sale";
import { BuyForm, RegisterForm, type SaleSkuOption, VersionChoice } from "./sale-forms";

function CannotBuyNote({ children }: { children: ReactNode }) {
  return (
    <p className="text-ink-700" role="status" data-testid="cannot-buy">
      {children}
    </p>
  );
}

interface SaleActionProps {
  sale: SaleDetail;
  /** The page's server actions, handed on to the client forms (components never import app/). */
  register: FormAction<{ message: string }>;
  reserve: FormAction<{ holdId: string }>;
  /** Changes a registered fan's version before the start. */
  change: FormAction<{ message: string }>;
  /** The store's zone, for the times in a draw's notes. */
  timeZone: string;
}

/** The sale's versions as the forms offer them. */
function saleOptions(sale: SaleDetail): SaleSkuOption[] {
  return sale.skus.map((s) => ({
    skuId: s.skuId,
    label: variantLabel(s),
    salePriceMinor: s.salePriceMinor,
    listPriceMinor: s.listPriceMinor,
    currency: s.currency,
    colourHex: s.colourHex,
  }));
}

/** What this visitor can do now: sign in, register, buy, finish paying, or why not. */
// long because it is the one place that orders the visitor's cases, each a few lines of markup.
function SaleActionBody({
  sale,
  timeZone,
  state,
  signedIn,
  fan,
  registrationOpen,
  now,
  register,
  reserve,
  change,
}: SaleActionProps & {
  state: LiveFigures["state"];
  signedIn: boolean;
  fan: FanSaleState | null;
  registrationOpen: boolean;
  now: number;
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
  if (sale.draw && fan) {
    return (
      <DrawFanState
        sale={sale}
        fan={fan}
        registrationOpen={registrationOpen}
        register={register}
        timeZone={timeZone}
      />
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
  if (fan && !fan.registered && fan.ineligible) {
    return <CannotBuyNote>{fan.ineligible.message}</CannotBuyNote>;
  }
  if (fan && !fan.registered && registrationOpen) {
    return (
      <div className="space-y-3">
        <p className="text-ink-700">Register now to be able to buy when the sale starts.</p>
        <RegisterForm saleId={sale.id} register={register} options={saleOptions(sale)} />
      </div>
    );
  }
  // Before the public start, a fan in the sale's early-access lane buys the same way (lib/sales/early-access.ts).
  if (fan && !fan.cannotBuy && (state === "live" || fan.earlyAccess?.open)) {
    const buy = (
      <BuyForm reserve={reserve} saleId={sale.id} options={saleOptions(sale)} chosenSkuId={fan.chosenSkuId} />
    );
    if (state === "live") return buy;
    return (
      <div className="space-y-3">
        <p className="font-semibold text-accent-700" data-testid="early-access-open">
          Kite Club early access is open for your tier.
        </p>
        {buy}
      </div>
    );
  }
  const note = (
    <CannotBuyNote>
      {fan?.bought ? "You bought yours. Thank you, Kite fan! " : ""}
      {fan?.cannotBuy?.message}
    </CannotBuyNote>
  );
  const changeable = mayChangeVersion(
    { status: sale.status, draw: false, startsAt: new Date(sale.startsAt) },
    new Date(now),
  );
  if (fan?.registered && fan.cannotBuy?.reason === "not_started" && changeable) {
    return (
      <div className="space-y-3">
        {note}
        <VersionChoice
          saleId={sale.id}
          options={saleOptions(sale)}
          chosenSkuId={fan.chosenSkuId}
          change={change}
        />
      </div>
    );
  }
  if (state === "sold_out" && fan?.registered && fan.liveHolds === 0) {
    return (
      <div className="space-y-3">
        {note}
        <ButtonLink href={`/sales/${sale.slug}/waitlist`} size="lg" variant="secondary">
          Join the waitlist
        </ButtonLink>
      </div>
    );
  }
  return note;
}

/**
 * The visitor's part of a cached sale page: the sale's state from <LiveSaleProvider>, the fan's own from /api/me.
 * Until both are in it keeps its place with a quiet line, so the page does not jump when they land.
 */
export function SaleAction(props: SaleActionProps) {
  const { sale } = props;
  const { figures, now, fresh } = useLiveSale();
  const { visitor } = useVisitor();
  const fan = visitor?.sale?.saleId === sale.id ? visitor.sale : null;
  const signedIn = visitor?.user != null;
  const waiting = !visitor || !fresh || (signedIn && !fan);
  const registrationOpen =
    now >= new Date(sale.registrationOpensAt).getTime() &&
    now < new Date(sale.registrationClosesAt).getTime();
  return (
    <section
      aria-label="Your place in this sale"
      aria-busy={waiting}
      className="min-h-32 rounded-2xl border border-ink-100 p-5"
      data-testid="sale-action"
    >
      {waiting ? (
        <p className="text-ink-500" role="status">
          Checking your place in this sale…
        </p>
      ) : (
        <SaleActionBody
          {...props}
          state={figures.state}
          signedIn={signedIn}
          fan={fan}
          registrationOpen={registrationOpen}
          now={now}
        />
      )}
    </section>
  );
}
