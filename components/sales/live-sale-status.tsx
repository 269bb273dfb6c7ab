"use client";

import { Countdown } from "./countdown";
import { type LiveFigures, useLiveSale } from "./live-sale";

export type { LiveFigures };

const number = new Intl.NumberFormat("en-US");

/**
 * The live part of a sale hero or page: countdown to the start (on the server's clock), then units left, then the
 * boast. Figures come from <LiveSaleProvider> (the small cached endpoint), never from re-rendering the page.
 */
export function LiveSaleStatus({ tone = "light" }: { tone?: "light" | "dark" }) {
  const { figures, now } = useLiveSale();
  const startsAt = Date.parse(figures.startsAt);
  const msToStart = startsAt - now;
  const started = msToStart <= 0;
  const muted = tone === "dark" ? "text-ink-300" : "text-ink-600";
  const counting = (figures.state === "upcoming" || figures.state === "registration_open") && msToStart > 0;

  return (
    <div className="space-y-3" data-testid="live-sale-status" data-state={figures.state}>
      {counting ? <Countdown target={startsAt} now={now} label="Starts in" tone={tone} /> : null}
      {counting || figures.state === "upcoming" || figures.state === "registration_open" ? (
        <p className={`text-sm ${muted}`} aria-live="polite">
          <strong className="font-semibold" data-testid="registrations">
            {number.format(figures.registrations)}
          </strong>{" "}
          {figures.registrations === 1 ? "fan has" : "fans have"} registered ·{" "}
          {number.format(figures.quantity)} units
        </p>
      ) : null}
      {figures.state === "live" ||
      (!counting && figures.state !== "sold_out" && figures.state !== "ended" && started) ? (
        <div aria-live="polite">
          <p className="text-lg font-bold" data-testid="remaining">
            {number.format(figures.remaining)} of {number.format(figures.quantity)} units left
          </p>
          <div className="mt-2 h-2.5 w-full overflow-hidden rounded-full bg-ink-200" aria-hidden="true">
            <div
              className="h-full rounded-full bg-accent-600 transition-[width] duration-500"
              style={{ width: `${figures.quantity ? (figures.remaining / figures.quantity) * 100 : 0}%` }}
            />
          </div>
          {figures.unitsBack > 0 ? (
            <p className="mt-2 text-sm font-semibold text-accent-700">
              {number.format(figures.unitsBack)} {figures.unitsBack === 1 ? "unit is" : "units are"} back!
            </p>
          ) : null}
        </div>
      ) : null}
      {figures.state === "sold_out" || (figures.state === "ended" && figures.boast) ? (
        <p className="text-lg font-bold" aria-live="polite" data-testid="boast">
          {figures.boast
            ? `${figures.boast}. Thank you, Kite fans.`
            : "Sold out for now. Unpaid units may come back."}
        </p>
      ) : null}
      {figures.boast && figures.honesty && (figures.state === "sold_out" || figures.state === "ended") ? (
        <p className={`text-sm ${muted}`} data-testid="honest-numbers">
          {figures.honesty}.
        </p>
      ) : null}
      {figures.state === "ended" && !figures.boast ? <p className={muted}>This sale has ended.</p> : null}
    </div>
  );
}
