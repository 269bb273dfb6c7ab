"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import { useVisitor } from "@/components/visitor/visitor-provider";
import { useServerClock } from "./use-server-clock";

export interface LiveFigures {
  state: "upcoming" | "registration_open" | "live" | "sold_out" | "ended";
  quantity: number;
  remaining: number;
  registrations: number;
  unitsBack: number;
  boast: string | null;
  /** Beside the boast: registered, presses, F-code units, refused requests. */
  honesty?: string | null;
  startsAt: string;
  serverNow: string;
}

interface LiveSaleValue {
  saleId: string;
  figures: LiveFigures;
  /** "Now" on the server's clock, ticking. */
  now: number;
  /** True once the first fresh answer arrived (the page's own figures may be a cached minute old). */
  fresh: boolean;
  /** Ask again once the endpoint's one-second cache has turned over (after this visitor changed a figure). */
  refreshSoon: () => void;
}

const LiveSaleContext = createContext<LiveSaleValue | null>(null);
/** How long /api/sales/:id/figures answers from its cache (lib/sales/figures.ts). */
const FIGURES_TTL_MS = 1_000;

/**
 * One sale's live figures for everything under it (status, countdown, the visitor's buttons). The page around it
 * is cached and shared, so the figures it was rendered with may be old: they are asked for again at once, then
 * polled from the small cached endpoint. When the state changes (the sale starts, sells out) the visitor's own
 * state is asked for again, since what they may do changed with it.
 */
export function LiveSaleProvider({
  saleId,
  initial,
  children,
}: {
  saleId: string;
  initial: LiveFigures;
  children: ReactNode;
}) {
  const { refresh, watchSale } = useVisitor();
  const [figures, setFigures] = useState(initial);
  const [fresh, setFresh] = useState(false);
  const clock = useServerClock(initial.serverNow);
  const { resync } = clock;
  const lastState = useRef(initial.state);
  const startsAt = Date.parse(figures.startsAt);
  const msToStart = startsAt - clock.now;
  const pollMs = figures.state === "live" || (msToStart > -5_000 && msToStart < 60_000) ? 2_000 : 15_000;

  useEffect(() => {
    watchSale(saleId);
    return () => watchSale(null);
  }, [saleId, watchSale]);

  const tickRef = useRef<() => Promise<void>>(async () => {});
  const refreshSoon = useCallback(() => {
    setTimeout(() => void tickRef.current(), FIGURES_TTL_MS + 100);
  }, []);

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
        setFresh(true);
        if (next.state !== lastState.current) {
          lastState.current = next.state;
          refresh();
        }
      } catch {
        // Offline for a moment: keep the last figures and try again on the next tick.
      }
    };
    tickRef.current = tick;
    void tick();
    const id = setInterval(tick, pollMs);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [saleId, pollMs, refresh, resync]);

  // The countdown reaching zero is itself a state change: ask again at once instead of waiting for the next poll.
  const started = msToStart <= 0;
  const wasStarted = useRef(started);
  useEffect(() => {
    if (started && !wasStarted.current) {
      wasStarted.current = true;
      refresh();
    }
  }, [started, refresh]);

  return (
    <LiveSaleContext.Provider value={{ saleId, figures, now: clock.now, fresh, refreshSoon }}>
      {children}
    </LiveSaleContext.Provider>
  );
}

export function useLiveSale(): LiveSaleValue {
  const value = useContext(LiveSaleContext);
  if (!value) throw new Error("useLiveSale() outside <LiveSaleProvider>");
  return value;
}

/** The live sale around this component, if there is one (a form used both on and off a sale page). */
export function useOptionalLiveSale(): LiveSaleValue | null {
  return useContext(LiveSaleContext);
}
