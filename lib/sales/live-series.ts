/**
 * Per-second sales for the live chart: pure, so the client chart and the tests share it. A point is one second
 * since the start (`t`), with units reserved and units sold in that second.
 */

export interface SecondPoint {
  t: number;
  reserved: number;
  sold: number;
}

export interface BinnedSeries {
  /** Seconds per bar: 1 for a sale that sells out in seconds, more for a long-running one. */
  binSeconds: number;
  /** Average units per second in each bar (reserved/s and sold/s), from `t` to `t + binSeconds`. */
  bars: { t: number; reservedPerSecond: number; soldPerSecond: number; reserved: number; sold: number }[];
  peakSold: { perSecond: number; t: number } | null;
  peakReserved: { perSecond: number; t: number } | null;
}

const BIN_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];

/**
 * Spreads the points over at most `maxBars` bars covering `[0, spanSeconds)`; empty seconds count as zero, so a
 * pause in buying shows as a gap rather than disappearing.
 */
export function binSeries(
  points: readonly SecondPoint[],
  { spanSeconds, maxBars = 90 }: { spanSeconds: number; maxBars?: number },
): BinnedSeries {
  const span = Math.max(1, Math.ceil(spanSeconds));
  const binSeconds = BIN_STEPS.find((b) => Math.ceil(span / b) <= maxBars) ?? BIN_STEPS.at(-1) ?? 1;
  const count = Math.ceil(span / binSeconds);
  const bars = Array.from({ length: count }, (_, i) => ({
    t: i * binSeconds,
    reserved: 0,
    sold: 0,
    reservedPerSecond: 0,
    soldPerSecond: 0,
  }));
  for (const p of points) {
    if (p.t < 0) continue;
    const bar = bars[Math.floor(p.t / binSeconds)];
    if (!bar) continue;
    bar.reserved += p.reserved;
    bar.sold += p.sold;
  }
  let peakSold: BinnedSeries["peakSold"] = null;
  let peakReserved: BinnedSeries["peakReserved"] = null;
  for (const bar of bars) {
    // The last bar may be cut short by the span: divide by the seconds it really covers.
    const seconds = Math.max(1, Math.min(binSeconds, span - bar.t));
    bar.reservedPerSecond = Math.round((bar.reserved / seconds) * 10) / 10;
    bar.soldPerSecond = Math.round((bar.sold / seconds) * 10) / 10;
    if (bar.sold > 0 && (!peakSold || bar.soldPerSecond > peakSold.perSecond)) {
      peakSold = { perSecond: bar.soldPerSecond, t: bar.t };
    }
    if (bar.reserved > 0 && (!peakReserved || bar.reservedPerSecond > peakReserved.perSecond)) {
      peakReserved = { perSecond: bar.reservedPerSecond, t: bar.t };
    }
  }
  return { binSeconds, bars, peakSold, peakReserved };
}

/** "0:25", "12:03", "1:02:03": a time since the start of the sale. */
export function formatOffset(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** How many seconds of the sale the chart covers, given what is known at `nowSeconds` since the start. */
export function chartSpan({
  nowSeconds,
  durationSeconds,
  soldOutSeconds,
  lastActivitySeconds,
  running,
}: {
  nowSeconds: number;
  durationSeconds: number;
  soldOutSeconds: number | null;
  lastActivitySeconds: number | null;
  running: boolean;
}): number {
  if (nowSeconds <= 0) return 0;
  const upToNow = Math.min(nowSeconds, durationSeconds);
  if (running) return Math.max(10, upToNow);
  // Sold out or ended: stop a little after the last thing that happened, so a 25-second sell-out fills the chart.
  const last = Math.max(soldOutSeconds ?? 0, lastActivitySeconds ?? 0) + 1;
  return Math.max(10, Math.min(upToNow, Math.ceil(last * 1.1) + 1));
}
