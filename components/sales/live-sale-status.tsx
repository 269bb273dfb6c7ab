"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Countdown } from "./countdown";
import { useServerClock } from "./use-server-clock";

export interface LiveFigures {
  state: "upcoming" | "registration_open" | "live" | "sold_out" | "ended";
  quantity: number;
  remaining: number;
  registrations: number;
  unitsBack: number;
  boast: string | null;
  startsAt: string;
  serverNow: string;
}

const number = new Intl.NumberFormat("en-US");

/**
 * The live part of a sale hero or page: countdown to the start (on the server's clock), then units left, then the
 * boast. Figures come from the small cached endpoint, never from re-rendering the page; when the state changes
 * (the sale starts, sells out) the server-rendered buttons are refreshed once.
 */
export function LiveSaleStatus({
  saleId,
  initial,
  tone = "light",
}: {
  saleId: string;
  initial: LiveFigures;
  tone?: "light" | "dark";
}) {
  const router = useRouter();
  const [figures, setFigures] = useState(initial);
  const clock = useServerClock(initial.serverNow);
  const startsAt = Date.parse(figures.startsAt);
  const lastState = useRef(initial.state);
  const { resync } = clock;

  const msToStart = startsAt - clock.now;
  const pollMs = figures.state === "live" || (msToStart > -5_000 && msToStart < 60_000) ? 2_000 : 15_000;

  useEffect(() => {
    let cancelled = false;
    const tick = async () => {
      const sent = Date.now();
      try {
        const res = await fetch(`/api/sales/${saleId}/figures`, { cache: "no-store" });
        if (!res.ok || cancelled) return;
        const next = (await res.json()) as LiveFigures;
        resync(next.serverNow, Date.now() - sent);
        setFigures(next);
        if (next.state !== lastState.current) {
          lastState.current = next.state;
          router.refresh();
        }
      } catch {
        // Offline for a moment: keep the last figures and try again on the next tick.
      }
    };
    const id = setInterval(tick, pollMs);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [saleId, pollMs, router, resync]);

  // The countdown reaching zero is itself a state change: fetch at once instead of waiting for the next poll.
  const started = msToStart <= 0;
  const wasStarted = useRef(started);
  useEffect(() => {
    if (started && !wasStarted.current) {
      wasStarted.current = true;
      router.refresh();
    }
  }, [started, router]);

  const muted = tone === "dark" ? "text-ink-300" : "text-ink-600";
  const counting = (figures.state === "upcoming" || figures.state === "registration_open") && msToStart > 0;

  return (
    <div className="space-y-3" data-testid="live-sale-status" data-state={figures.state}>
      {counting ? <Countdown target={startsAt} now={clock.now} label="Starts in" tone={tone} /> : null}
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
      {figures.state === "ended" && !figures.boast ? <p className={muted}>This sale has ended.</p> : null}
    </div>
  );
}
