"use client";

import { useEffect, useRef, useState } from "react";
import { type DataColumn, DataTable } from "@/components/ui/data-table";
import type { LiveSaleView as LiveView } from "@/lib/sales/live";
import { formatOffset } from "@/lib/sales/live-series";
import type { DemandSummary, LiveVariant } from "@/lib/sales/live-variants";
import { SalesChart } from "./sales-chart";
import { SaleStateBadge, Stat, type StatProps } from "./ui";

const number = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

function pollInterval(view: LiveView): number {
  if (view.state === "live" || view.held > 0) return 1_000;
  if (view.state === "upcoming" || view.state === "registration_open") {
    const toStart = Date.parse(view.startsAt) - Date.parse(view.serverNow);
    return toStart < 120_000 ? 1_000 : 5_000;
  }
  return 15_000;
}

/** The figure cards, in reading order: stock first, then demand, then the sell-out. */
function liveStats(view: LiveView, soldShare: number): (StatProps & { testId: string })[] {
  const orDash = (n: number | null, show: (n: number) => string) => (n === null ? "—" : show(n));
  return [
    {
      label: "Remaining",
      value: number.format(view.remaining),
      testId: "live-remaining",
      detail: `of ${number.format(view.quantity)} units`,
    },
    { label: "Held", value: number.format(view.held), testId: "live-held", detail: "reserved, not yet paid" },
    {
      label: "Sold",
      value: number.format(view.sold),
      testId: "live-sold",
      detail: `${percent.format(soldShare)} of the batch`,
    },
    { label: "Registrations", value: number.format(view.registrations), testId: "live-registrations" },
    {
      label: "Buyers",
      value: number.format(view.buyers),
      testId: "live-buyers",
      detail: "fans with a paid unit",
    },
    {
      label: "Conversion",
      value: orDash(view.conversion, (c) => percent.format(c)),
      testId: "live-conversion",
      detail: "buyers ÷ registrations",
    },
    {
      label: "Sell-out time",
      value: orDash(view.sellOutSeconds, formatOffset),
      testId: "live-sellout",
      detail: view.sellOutSeconds === null ? "not sold out" : (view.boast ?? undefined),
    },
    {
      label: "Reserved in all",
      value: number.format(view.totalReserved),
      testId: "live-reserved",
      detail: "holds made, incl. expired",
    },
  ];
}

/** Registered fans who chose the version, with its share of all the choices. */
const CHOSE_COLUMN: DataColumn<LiveVariant> = {
  header: "Fans chose",
  numeric: true,
  className: "min-w-28",
  cell: (v) => (
    <span data-testid="live-variant-chose">
      {v.chose === null ? "—" : number.format(v.chose)}
      {v.shareOfChoices === null ? null : (
        <span className="ml-1 text-xs text-ink-500">({percent.format(v.shareOfChoices)})</span>
      )}
    </span>
  ),
};

const VARIANT_COLUMNS: DataColumn<LiveVariant>[] = [
  {
    header: "Version",
    rowHeader: true,
    className: "min-w-40",
    cell: (v) => (
      <>
        <span className="font-medium text-ink-900">{v.label}</span>
        <span className="block text-xs break-all text-ink-500">{v.code}</span>
      </>
    ),
  },
  { header: "Units", numeric: true, cell: (v) => number.format(v.quantity) },
  { header: "Sold", numeric: true, cell: (v) => number.format(v.sold) },
  { header: "Held", numeric: true, cell: (v) => number.format(v.held) },
  { header: "Left", numeric: true, cell: (v) => number.format(v.remaining) },
  {
    header: "Sell-through",
    numeric: true,
    className: "min-w-32",
    cell: (v) => (
      <span className="flex items-center justify-end gap-2">
        <span aria-hidden="true" className="h-1.5 w-14 overflow-hidden rounded-full bg-ink-100">
          <span
            className="block h-full rounded-full bg-accent-600"
            style={{ width: `${Math.round((v.sellThrough ?? 0) * 100)}%` }}
          />
        </span>
        {v.sellThrough === null ? "—" : percent.format(v.sellThrough)}
      </span>
    ),
  },
];

/**
 * Units sold, held and left per version: which colour or size is selling, not only the sale's totals; and, where
 * fans choose a version at registration, how many chose each one (demand before the start) and how many have not.
 */
function VariantFigures({ variants, demand }: { variants: LiveVariant[]; demand: DemandSummary | null }) {
  const [version, ...stock] = VARIANT_COLUMNS;
  const columns = demand && version ? [version, CHOSE_COLUMN, ...stock] : VARIANT_COLUMNS;
  return (
    <section aria-labelledby="variants-title" className="rounded-xl border border-ink-200 bg-white p-5">
      <h2 id="variants-title" className="mb-1 text-base font-semibold text-ink-900">
        By version
      </h2>
      {demand ? (
        <p className="mb-1 text-sm text-ink-700" data-testid="live-demand">
          {number.format(demand.chosen)} registered {demand.chosen === 1 ? "fan has" : "fans have"} chosen a
          version; {number.format(demand.unchosen)} {demand.unchosen === 1 ? "hasn't" : "haven't"} chosen yet.
        </p>
      ) : null}
      <p className="mb-3 text-xs text-ink-500">
        {demand ? "Fans chose: counted every 10 seconds. " : ""}Sell-through: units sold ÷ units in the sale
        for that version.
      </p>
      <DataTable
        caption={
          demand
            ? "Fans' choices and units sold, held and left per version"
            : "Units sold, held and left per version"
        }
        framed={false}
        density="compact"
        minWidth="34rem"
        focusableScroll
        rows={variants}
        rowKey={(v) => v.skuId}
        rowProps={(v) => ({ "data-testid": "live-variant", "data-sku": String(v.skuId) })}
        columns={columns}
        empty={<p className="text-sm text-ink-600">This sale has no versions.</p>}
      />
    </section>
  );
}

/**
 * A sale's figures as they move: polls the console's small figures route (cached about a second per sale on the
 * server, so a room full of marketers costs one read a second), faster while the sale runs. The figures are
 * not a live region (they change every second); a short summary is announced at most every 15 seconds.
 */
export function LiveSaleView({
  initial,
  dataUrl,
  timeZone,
}: {
  initial: LiveView;
  dataUrl: string;
  timeZone: string;
}) {
  const [view, setView] = useState(initial);
  const [updatedAt, setUpdatedAt] = useState(() => new Date());
  const [stale, setStale] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const lastAnnounced = useRef(0);
  const interval = pollInterval(view);

  useEffect(() => {
    let cancelled = false;
    const tick = async () => {
      try {
        const res = await fetch(dataUrl, { cache: "no-store" });
        if (cancelled) return;
        if (!res.ok) {
          setStale(true);
          return;
        }
        const next = (await res.json()) as LiveView;
        if (cancelled) return;
        setView(next);
        setUpdatedAt(new Date());
        setStale(false);
      } catch {
        if (!cancelled) setStale(true);
      }
    };
    const id = setInterval(tick, interval);
    return () => {
      cancelled = true;
      clearInterval(id);
    };
  }, [dataUrl, interval]);

  useEffect(() => {
    const now = Date.now();
    if (now - lastAnnounced.current < 15_000) return;
    lastAnnounced.current = now;
    setAnnouncement(
      `${number.format(view.sold)} sold, ${number.format(view.held)} held, ${number.format(view.remaining)} left of ${number.format(view.quantity)}.`,
    );
  }, [view]);

  const soldShare = view.quantity > 0 ? view.sold / view.quantity : 0;
  const time = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone,
    timeZoneName: "short",
  });

  return (
    <div className="space-y-6" data-testid="live-sale-view" data-state={view.state}>
      <div className="flex flex-wrap items-center gap-3 text-sm text-ink-600">
        <SaleStateBadge state={view.state} />
        <span>
          {stale ? (
            <span className="font-medium text-accent-700">
              Can't reach the store; showing the last figures.
            </span>
          ) : (
            <>
              Updated {time.format(updatedAt)} ·{" "}
              {interval <= 1_000 ? "refreshing every second" : `refreshing every ${interval / 1000} seconds`}
            </>
          )}
        </span>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {liveStats(view, soldShare).map((stat) => (
          <Stat key={stat.testId} {...stat} />
        ))}
      </dl>

      <VariantFigures variants={view.variants} demand={view.demand ?? null} />

      <section aria-labelledby="chart-title" className="rounded-xl border border-ink-200 bg-white p-5">
        <h2 id="chart-title" className="mb-3 text-base font-semibold text-ink-900">
          Units per second since the start
        </h2>
        {view.state === "upcoming" || view.state === "registration_open" ? (
          <p className="rounded-lg bg-ink-50 px-4 py-8 text-center text-sm text-ink-600">
            The chart starts when the sale does. {number.format(view.registrations)}{" "}
            {view.registrations === 1 ? "fan has" : "fans have"} registered so far.
          </p>
        ) : (
          <SalesChart series={view.series} />
        )}
      </section>
    </div>
  );
}
