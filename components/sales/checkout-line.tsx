"use client";

import { useEffect, useState } from "react";

type Status =
  | { status: "queued"; position: number; etaSeconds: number; expiresAt: string | null }
  | { status: "ready"; url: string }
  | { status: "failed"; message: string }
  | { status: "unknown" };

/**
 * Near the front every 0.7 s; further back a quarter of the wait, between 2 and 10 s: 50,000 winners polling every
 * 2 s would be 25,000 requests a second for a line that moves at the Checkout Session rate.
 */
function pollDelayMs(status: { position: number; etaSeconds: number }): number {
  if (status.position <= 50) return 700;
  return Math.min(10_000, Math.max(2_000, (status.etaSeconds * 1000) / 4));
}

/**
 * "Unit reserved, preparing your checkout": polls the fan's place in the checkout line and moves them on to
 * Stripe as soon as their session exists.
 */
export function CheckoutLine({ holdId, saleSlug }: { holdId: string; saleSlug: string }) {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(`/api/sales/holds/${holdId}`, { cache: "no-store" });
        const next = (await res.json()) as Status;
        if (stopped) return;
        setStatus(next);
        if (next.status === "ready") {
          window.location.assign(next.url);
          return;
        }
        if (next.status === "queued") setTimeout(poll, pollDelayMs(next));
      } catch {
        if (!stopped) setTimeout(poll, 2000);
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [holdId]);

  return (
    <div aria-live="polite" className="space-y-3" data-testid="checkout-line">
      {status === null || status.status === "queued" ? (
        <>
          <p className="text-2xl font-bold">Unit reserved, preparing your checkout</p>
          {status?.status === "queued" ? (
            <p className="text-ink-700" data-testid="queue-position">
              Position {status.position.toLocaleString("en-US")}, about {status.etaSeconds}{" "}
              {status.etaSeconds === 1 ? "second" : "seconds"}. Keep this page open; your unit is yours while
              you wait.
            </p>
          ) : (
            <p className="text-ink-700">Finding your place in line…</p>
          )}
          <div className="h-2 w-full overflow-hidden rounded-full bg-ink-100" aria-hidden="true">
            <div className="h-full w-1/3 animate-pulse rounded-full bg-accent-600" />
          </div>
        </>
      ) : status.status === "ready" ? (
        <p className="text-2xl font-bold">Taking you to checkout…</p>
      ) : status.status === "failed" ? (
        <>
          <p className="text-xl font-bold text-accent-700" role="alert">
            {status.message}
          </p>
          <a href={`/sales/${saleSlug}`} className="font-semibold text-accent-700 underline">
            Back to the sale
          </a>
        </>
      ) : (
        <p role="alert">We couldn't find this reservation.</p>
      )}
    </div>
  );
}
