import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import type { FormAction } from "@/lib/action";
import type { FanSaleState } from "@/lib/sales/fan-state";
import type { SaleDetail, SaleDrawInfo } from "@/lib/sales/queries";
import { formatSaleTime } from "@/lib/sales/rules";
import { RegisterForm } from "./sale-forms";

const mono = "font-mono text-xs break-all";

/**
 * A draw sale's public facts, the same for every visitor (so the page stays cacheable): while registration is open
 * the seed's commitment; once drawn the seed, the entries and winners to download, and how to check them.
 */
export function DrawFacts({
  sale,
  draw,
  timeZone,
}: {
  sale: Pick<SaleDetail, "id" | "registrationClosesAt">;
  draw: SaleDrawInfo;
  timeZone: string;
}) {
  const drawn = draw.drawnAt !== null && draw.seed !== null;
  return (
    <section
      aria-label="The draw"
      className="space-y-3 rounded-2xl border border-ink-100 p-5 text-sm"
      data-testid="draw-facts"
    >
      <h2 className="text-lg font-bold">{drawn ? "Drawn" : "A draw, not first come"}</h2>
      <p className="text-ink-700">
        {drawn
          ? `The draw ran at ${formatSaleTime(new Date(draw.drawnAt ?? 0), { timeZone })}. Winners have ${windowText(draw.purchaseWindowMinutes)} to pay; units not paid for go to the next entries in the drawn order.`
          : `Enter before ${formatSaleTime(sale.registrationClosesAt, { timeZone })}. Then the store draws the winners among the entries; each winner has ${windowText(draw.purchaseWindowMinutes)} to pay.`}
      </p>
      <dl className="space-y-2">
        <div>
          <dt className="text-ink-500">Commitment (SHA-256 of the secret seed, published before the draw)</dt>
          <dd className={mono} data-testid="draw-commitment">
            {draw.commitment}
          </dd>
        </div>
        {drawn ? (
          <div>
            <dt className="text-ink-500">Seed, revealed at the draw</dt>
            <dd className={mono} data-testid="draw-seed">
              {draw.seed}
            </dd>
          </div>
        ) : null}
      </dl>
      {drawn ? (
        <p>
          <a className="font-semibold text-accent-700 underline" href={`/api/sales/${sale.id}/draw`} download>
            Download the entries and winners (JSON)
          </a>{" "}
          and check them with <code className="text-xs">node scripts/verify-draw.mjs</code> (see the README).
        </p>
      ) : null}
    </section>
  );
}

function windowText(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? "day" : "days"}`;
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? "hour" : "hours"}`;
  return `${minutes} minutes`;
}

function Note({ children }: { children: ReactNode }) {
  return (
    <p className="text-ink-700" role="status" data-testid="draw-state">
      {children}
    </p>
  );
}

/** This fan's place in a draw: enter, entered, won (pay), bought, lapsed, or on the reserve list. */
export function DrawFanState({
  sale,
  fan,
  registrationOpen,
  register,
  timeZone,
}: {
  sale: Pick<SaleDetail, "id" | "registrationClosesAt">;
  fan: FanSaleState;
  registrationOpen: boolean;
  register: FormAction<{ message: string }>;
  timeZone: string;
}) {
  const draw = fan.draw;
  const at = (d: Date | string) => formatSaleTime(new Date(d), { timeZone });
  if (draw?.holdId && draw.holdStatus === "active" && draw.holdExpiresAt) {
    return (
      <div className="space-y-3">
        <Note>
          <strong>Your entry was drawn.</strong> A unit is held for you until {at(draw.holdExpiresAt)}.
        </Note>
        <ButtonLink href={`/sales/holds/${draw.holdId}`} size="lg">
          Pay for your unit
        </ButtonLink>
      </div>
    );
  }
  if (draw?.holdStatus === "converted") return <Note>You bought yours. Thank you, Kite fan!</Note>;
  if (draw?.holdId) {
    return (
      <Note>
        Your purchase window ended before payment, so the unit went to the next entry in the drawn order.
      </Note>
    );
  }
  if (draw?.entered && draw.position === null) {
    return (
      <Note>
        You're entered (entry <span className={mono}>{draw.entryId}</span>). The draw runs after registration
        closes at {at(sale.registrationClosesAt)}; we'll mail you the result.
      </Note>
    );
  }
  if (draw?.entered) {
    return (
      <Note>
        Not this time: your entry <span className={mono}>{draw.entryId}</span> is on the reserve list with{" "}
        {draw.waitingAhead ?? 0} {draw.waitingAhead === 1 ? "entry" : "entries"} ahead of it. If a winner
        doesn't pay in time, the unit goes to the next entry and we'll mail you if it's yours.
      </Note>
    );
  }
  if (fan.ineligible) return <Note>{fan.ineligible.message}</Note>;
  if (registrationOpen) {
    return (
      <div className="space-y-3">
        <p className="text-ink-700">
          Enter the draw: one entry per fan, winners are drawn when registration closes.
        </p>
        <RegisterForm saleId={sale.id} register={register} label="Enter the draw" />
      </div>
    );
  }
  return <Note>Registration for this draw has closed.</Note>;
}
