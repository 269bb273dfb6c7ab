import { DataTable } from "@/components/ui/data-table";
import { type BinnedSeries, formatOffset } from "@/lib/sales/live-series";

const W = 720;
const H = 240;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * exp >= value) ?? 10;
  return step * exp;
}

const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * Units reserved and sold per second since the start, as an SVG bar chart drawn here (no chart library): each
 * bar pair is one interval, reserved in grey and sold in the accent colour. The figure's caption says the same
 * in words and a table holds the numbers, for screen readers and for copying.
 */
export function SalesChart({
  series,
  title = "Units per second since the start",
}: {
  series: BinnedSeries;
  title?: string;
}) {
  const bars = series.bars;
  const max = niceMax(Math.max(0, ...bars.map((b) => Math.max(b.soldPerSecond, b.reservedPerSecond))));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = bars.length > 0 ? innerW / bars.length : innerW;
  const barW = Math.max(0.8, (slot * 0.8) / 2);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const unit = series.binSeconds === 1 ? "second" : `${series.binSeconds} seconds`;
  const last = bars.at(-1);
  const labelAt =
    bars.length > 0
      ? ([
          ["start", 0],
          ["middle", Math.floor(bars.length / 2)],
          ["end", bars.length - 1],
        ] as const)
      : [];
  const summary = [
    `Each pair of bars is one ${unit}.`,
    series.peakSold
      ? `Peak: ${number.format(series.peakSold.perSecond)} sold per second at ${formatOffset(series.peakSold.t)}.`
      : "No unit has been paid for yet.",
    series.peakReserved
      ? `Reservations peaked at ${number.format(series.peakReserved.perSecond)} per second at ${formatOffset(series.peakReserved.t)}.`
      : "No reservations yet.",
  ].join(" ");
  const withData = bars.filter((b) => b.reserved > 0 || b.sold > 0);

  return (
    <figure className="space-y-3" data-testid="sales-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="sales-chart-title sales-chart-desc"
        className="h-auto w-full"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="sales-chart-title">{title}</title>
        <desc id="sales-chart-desc">{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e2df" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#6b6b66">
              {number.format(t)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = PAD.left + i * slot + slot * 0.1;
          return (
            <g key={b.t}>
              {b.reservedPerSecond > 0 ? (
                <rect
                  x={x}
                  y={y(b.reservedPerSecond)}
                  width={barW}
                  height={Math.max(1, innerH - (y(b.reservedPerSecond) - PAD.top))}
                  fill="#b9b9b3"
                />
              ) : null}
              {b.soldPerSecond > 0 ? (
                <rect
                  x={x + barW}
                  y={y(b.soldPerSecond)}
                  width={barW}
                  height={Math.max(1, innerH - (y(b.soldPerSecond) - PAD.top))}
                  fill="#c9381f"
                />
              ) : null}
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + innerH} y2={PAD.top + innerH} stroke="#8f8f89" />
        {labelAt.map(([anchor, i]) => {
          const b = bars[i];
          if (!b) return null;
          const x = PAD.left + i * slot + (anchor === "end" ? slot : 0);
          return (
            <text key={anchor} x={x} y={H - 8} fontSize={11} fill="#6b6b66" textAnchor={anchor}>
              {formatOffset(anchor === "end" && last ? last.t + series.binSeconds : b.t)}
            </text>
          );
        })}
      </svg>
      <figcaption className="flex flex-col gap-2 text-sm text-ink-600 sm:flex-row sm:items-start sm:justify-between">
        <span data-testid="chart-summary">{summary}</span>
        <span className="flex shrink-0 gap-4 text-xs" aria-hidden="true">
          <span className="inline-flex items-center gap-1.5">
            <span className="h-2.5 w-2.5 rounded-sm bg-[#b9b9b3]" /> Reserved/s
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="h-2.5 w-2.5 rounded-sm bg-accent-600" /> Sold/s
          </span>
        </span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-ink-700">Show the numbers</summary>
        <div className="mt-2">
          <DataTable
            caption="Units reserved and sold per interval since the start"
            density="compact"
            maxHeight="16rem"
            rows={withData}
            rowKey={(b) => b.t}
            empty={<p className="text-ink-600">Nothing reserved or sold yet.</p>}
            columns={[
              { header: "From", rowHeader: true, cell: (b) => formatOffset(b.t) },
              { header: "Reserved", className: "tabular-nums", cell: (b) => b.reserved },
              { header: "Sold", className: "tabular-nums", cell: (b) => b.sold },
              { header: "Sold/s", className: "tabular-nums", cell: (b) => number.format(b.soldPerSecond) },
            ]}
          />
        </div>
      </details>
    </figure>
  );
}
