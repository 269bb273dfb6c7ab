import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { isUuid } from "@/lib/sales/db-errors";
import {
  cacheSaleRead,
  liveCounts,
  liveTimes,
  readSaleCounts,
  reviveSaleCounts,
  type SaleCounts,
  withState,
} from "@/lib/sales/figures";
import type { SaleState } from "@/lib/sales/rules";
import { type BinnedSeries, binSeries, chartSpan, type SecondPoint } from "./live-series";
import {
  type DemandSummary,
  type LiveVariant,
  summariseDemand,
  toLiveVariants,
  type VariantCounts,
  type VersionDemand,
  withDemand,
} from "./live-variants";
import { cachedVersionDemand } from "./version-demand";

/** What the database says about a sale's selling, independent of the caller's clock (so it can be shared). */
export interface SaleActivity {
  counts: SaleCounts;
  name: string;
  /** Fans with at least one paid unit. */
  buyers: number;
  /** Units reserved and units sold in each second since the start that had any. */
  perSecond: SecondPoint[];
  /** Each version's stock in the sale, in the sale's order. */
  variants: VariantCounts[];
}

/** The versions' bucket sums, grouped in the database: one row per version, however many buckets. */
const VARIANTS_JSON = (saleId: string) => sql`
  coalesce((
    select json_agg(json_build_object('skuId', v.sku_id, 'code', v.code, 'colour', v.colour,
      'storage', v.storage, 'quantity', v.quantity, 'remaining', v.remaining, 'held', v.held, 'sold', v.sold)
      order by v.position, v.sku_id)
    from (
      select ss.sku_id, ss.position, k.code, k.colour, k.storage,
        -- Left for the public, like the sale's own figures: units set aside for F-codes are not.
        coalesce(sum(b.quantity), 0)::int as quantity,
        coalesce(sum(b.available) filter (where b.bucket >= 0), 0)::int as remaining,
        coalesce(sum(b.held), 0)::int as held, coalesce(sum(b.sold), 0)::int as sold
      from sale_skus ss
      join skus k on k.id = ss.sku_id
      left join sale_buckets b on b.sale_id = ss.sale_id and b.sku_id = ss.sku_id
      where ss.sale_id = ${saleId}::uuid
      group by ss.sku_id, ss.position, k.code, k.colour, k.storage
    ) v), '[]'::json)`;

const fromJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * Two queries: the live counts (bucket sums and registration shards, shared with the shop's figures) and the
 * activity: the holds grouped by second since the start (reservations by when they were made, sales by when they
 * were paid) and the bucket sums grouped by version, in the same statement.
 */
export async function readSaleActivity(db: Db, { saleId }: { saleId: string }): Promise<SaleActivity | null> {
  if (!isUuid(saleId)) return null;
  const counts = await readSaleCounts(db, { saleId });
  if (!counts) return null;
  const [row] = await queryRows<{
    name: string;
    buyers: number;
    series: [number, number, number][] | string;
    variants: VariantCounts[] | string;
  }>(
    db,
    sql`
      select s.name,
        (select count(distinct h.user_id) from sale_holds h
          where h.sale_id = s.id and h.status = 'converted')::int as buyers,
        coalesce((
          select json_agg(json_build_array(x.sec, x.reserved, x.sold) order by x.sec)
          from (
            select y.sec, sum(y.r)::int as reserved, sum(y.s)::int as sold
            from (
              select floor(extract(epoch from h.created_at - s.starts_at))::int as sec, 1 as r, 0 as s
              from sale_holds h where h.sale_id = s.id
              union all
              select floor(extract(epoch from h.settled_at - s.starts_at))::int, 0, 1
              from sale_holds h where h.sale_id = s.id and h.status = 'converted' and h.settled_at is not null
            ) y
            where y.sec >= 0
            group by y.sec
          ) x), '[]'::json) as series,
        ${VARIANTS_JSON(saleId)} as variants
      from sales s where s.id = ${saleId}::uuid`,
  );
  if (!row) return null;
  return {
    counts,
    name: row.name,
    buyers: row.buyers,
    perSecond: fromJson(row.series).map(([t, reserved, sold]) => ({ t, reserved, sold })),
    variants: fromJson(row.variants),
  };
}

/** The live view's payload: plain JSON, dates as ISO strings. */
export interface LiveSaleView {
  saleId: string;
  name: string;
  state: SaleState;
  quantity: number;
  remaining: number;
  held: number;
  sold: number;
  registrations: number;
  buyers: number;
  /** buyers / registrations, or null before anyone registered. */
  conversion: number | null;
  startsAt: string;
  endsAt: string;
  soldOutAt: string | null;
  /** Seconds from the start to the sell-out, or null. */
  sellOutSeconds: number | null;
  boast: string | null;
  serverNow: string;
  series: BinnedSeries;
  /** Totals over the whole sale (the bars may cover only part of it). */
  totalReserved: number;
  totalSoldTracked: number;
  /** The same stock figures per version, with each one's sell-through (and, with the demand, its fans' choices). */
  variants: LiveVariant[];
  /** Registered fans who chose a version and who have not; null for a draw (see `withVersionDemand`). */
  demand: DemandSummary | null;
}

export function toLiveView(activity: SaleActivity, { now }: { now: Date }): LiveSaleView {
  const figures = withState(activity.counts, { now });
  const start = figures.startsAt.getTime();
  const soldOutSeconds = figures.soldOutAt ? (figures.soldOutAt.getTime() - start) / 1000 : null;
  const last = activity.perSecond.at(-1)?.t ?? null;
  const span = chartSpan({
    nowSeconds: (now.getTime() - start) / 1000,
    durationSeconds: (figures.endsAt.getTime() - start) / 1000,
    soldOutSeconds,
    lastActivitySeconds: last,
    running: figures.state === "live",
  });
  return {
    saleId: figures.saleId,
    name: activity.name,
    state: figures.state,
    ...liveCounts(figures),
    buyers: activity.buyers,
    conversion: figures.registrations > 0 ? activity.buyers / figures.registrations : null,
    ...liveTimes(figures),
    sellOutSeconds: soldOutSeconds === null ? null : Math.max(1, Math.round(soldOutSeconds)),
    boast: figures.boast,
    serverNow: now.toISOString(),
    series: binSeries(activity.perSecond, { spanSeconds: span }),
    totalReserved: activity.perSecond.reduce((n, p) => n + p.reserved, 0),
    totalSoldTracked: activity.perSecond.reduce((n, p) => n + p.sold, 0),
    variants: toLiveVariants(activity.variants),
    demand: null,
  };
}

/** The live view with the registered fans' version choices (read apart, less often: ./version-demand). */
export function withVersionDemand(view: LiveSaleView, demand: VersionDemand | null): LiveSaleView {
  return {
    ...view,
    variants: withDemand(view.variants, demand),
    demand: demand ? summariseDemand(demand) : null,
  };
}

/** The console's live view: the figures of the second and the demand per version, each from its own cache. */
export async function liveViewWithDemand(
  db: Db,
  { saleId, now }: { saleId: string; now: Date },
): Promise<LiveSaleView | null> {
  const [view, demand] = await Promise.all([
    cachedLiveView(db, { saleId, now }),
    cachedVersionDemand(db, { saleId, now }),
  ]);
  return view ? withVersionDemand(view, demand) : null;
}

/** SaleActivity read back from JSON (the shared cache). */
export function reviveSaleActivity(json: unknown): SaleActivity | null {
  if (json === null) return null;
  const raw = json as SaleActivity;
  // `variants` may be missing from an entry a previous release shared (the cache lives about a second).
  return { ...raw, counts: reviveSaleCounts(raw.counts), variants: raw.variants ?? [] };
}

/**
 * The live view for one viewer, read at most about once a second per sale however many marketers watch (see
 * `cacheSaleRead`); each viewer's clock only shapes the answer.
 */
export const cachedLiveView = cacheSaleRead({
  name: "live",
  revive: reviveSaleActivity,
  maxEntries: 200,
  read: readSaleActivity,
  view: toLiveView,
});
