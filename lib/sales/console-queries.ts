import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { products, type Sale, sales, skus } from "@/db/schema";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { Db, Tx } from "@/lib/db";
import { isUuid } from "./db-errors";
import { type EarlyAccess, earlyAccessFromColumns } from "./draft";
import type { SaleBasics, SaleProduct } from "./queries";
import { getSaleState, parseSaleTimes, type SaleState, type SaleTimes } from "./rules";
import { saleImageSql } from "./sale-image";

/** The marketer console's reads of sales: the list with live counts, the catalogue for the form, one sale to edit. */

// ─── Reads ───────────────────────────────────────────────────────────────────

export interface ConsoleSaleRow extends SaleTimes {
  id: string;
  slug: string;
  name: string;
  status: "draft" | "scheduled" | "ended";
  featured: boolean;
  productName: string;
  totalQuantity: number;
  remaining: number;
  held: number;
  sold: number;
  registrations: number;
  state: SaleState | "draft";
}

/** Every sale with its live counts, for the console's table: running first, then upcoming, drafts, ended. */
export async function listConsoleSales(db: Db, { now }: { now: Date }): Promise<ConsoleSaleRow[]> {
  const rows = await queryRows<Omit<ConsoleSaleRow, "state">>(
    db,
    sql`
      select s.id, s.slug, s.name, s.status, s.featured, p.name as "productName",
        s.registration_opens_at as "registrationOpensAt", s.registration_closes_at as "registrationClosesAt",
        s.starts_at as "startsAt", s.ends_at as "endsAt", s.total_quantity as "totalQuantity",
        s.sold_out_at as "soldOutAt",
        coalesce(b.available, 0)::int as "remaining", coalesce(b.held, 0)::int as "held",
        coalesce(b.sold, 0)::int as "sold", coalesce(c.registrations, 0)::int as "registrations"
      from sales s
      join products p on p.id = s.product_id
      left join lateral (
        select sum(available) as available, sum(held) as held, sum(sold) as sold
        from sale_buckets where sale_id = s.id) b on true
      left join lateral (
        select sum(registrations) as registrations from sale_counters where sale_id = s.id) c on true
      order by s.starts_at desc, s.id
      limit 500`,
  );
  const rank: Record<ConsoleSaleRow["state"], number> = {
    live: 0,
    sold_out: 1,
    registration_open: 2,
    upcoming: 3,
    draft: 4,
    ended: 5,
  };
  return rows
    .map((r) => {
      const sale = { ...r, ...parseSaleTimes(r) };
      const state: ConsoleSaleRow["state"] =
        sale.status === "draft" ? "draft" : getSaleState({ sale, now, figures: sale });
      return { ...sale, state };
    })
    .sort((a, b) => {
      const byRank = rank[a.state] - rank[b.state];
      if (byRank !== 0) return byRank;
      // Upcoming and running: soonest first; ended: most recent first.
      const dir = a.state === "ended" ? -1 : 1;
      return dir * (a.startsAt.getTime() - b.startsAt.getTime());
    });
}

export interface ProductOption {
  id: number;
  slug: string;
  name: string;
  skus: {
    id: number;
    code: string;
    label: string;
    priceMinor: number;
    listPriceMinor: number;
    currency: string;
    available: number;
  }[];
}

/** The catalogue as the sale form needs it: each product with its versions and list prices. */
export async function listProductOptions(db: Db): Promise<ProductOption[]> {
  const [productRows, skuRows] = await Promise.all([
    db
      .select({ id: products.id, slug: products.slug, name: products.name })
      .from(products)
      .orderBy(asc(products.position), asc(products.id)),
    db
      .select({
        id: skus.id,
        productId: skus.productId,
        code: skus.code,
        colour: skus.colour,
        storage: skus.storage,
        priceMinor: skus.priceMinor,
        listPriceMinor: skus.listPriceMinor,
        currency: skus.currency,
        available: skus.available,
      })
      .from(skus)
      .orderBy(asc(skus.position), asc(skus.id)),
  ]);
  return productRows.map((p) => ({
    ...p,
    skus: skuRows
      .filter((s) => s.productId === p.id)
      .map((s) => ({
        id: s.id,
        code: s.code,
        label: variantLabel(s),
        priceMinor: s.priceMinor,
        listPriceMinor: s.listPriceMinor,
        currency: s.currency,
        available: s.available,
      })),
  }));
}

export interface SaleSkuForEdit {
  skuId: number;
  code: string;
  label: string;
  listPriceMinor: number;
  /** The catalogue's everyday price: a sale price at or above it needs the marketer's confirmation. */
  everydayPriceMinor: number;
  currency: string;
  included: boolean;
  quantity: number;
  salePriceMinor: number;
  available: number;
  held: number;
  sold: number;
}

export interface SaleForEdit
  extends SaleTimes,
    SaleBasics,
    Pick<
      Sale,
      | "reminderMinutes"
      | "kind"
      | "drawnAt"
      | "purchaseWindowMinutes"
      | "eligibleCreatedBefore"
      | "minLifetimePoints"
    > {
  product: SaleProduct;
  /** The early-access lane as saved, or null. */
  earlyAccess: EarlyAccess | null;
  updatedAt: Date;
  /** Every version of the product; `included` says whether it is in the sale. */
  skus: SaleSkuForEdit[];
}

/** A sale as the edit page shows it, with every version of its product and each one's live counts. */
export async function getSaleForEdit(
  db: Db | Tx,
  { saleId }: { saleId: string },
): Promise<SaleForEdit | null> {
  if (!isUuid(saleId)) return null;
  const [sale] = await db
    .select({
      id: sales.id,
      slug: sales.slug,
      name: sales.name,
      headline: sales.headline,
      status: sales.status,
      featured: sales.featured,
      registrationOpensAt: sales.registrationOpensAt,
      registrationClosesAt: sales.registrationClosesAt,
      startsAt: sales.startsAt,
      endsAt: sales.endsAt,
      perAccountLimit: sales.perAccountLimit,
      waitlistOfferMinutes: sales.waitlistOfferMinutes,
      reminderMinutes: sales.reminderMinutes,
      kind: sales.kind,
      drawnAt: sales.drawnAt,
      purchaseWindowMinutes: sales.purchaseWindowMinutes,
      eligibleCreatedBefore: sales.eligibleCreatedBefore,
      minLifetimePoints: sales.minLifetimePoints,
      earlyAccessMinPoints: sales.earlyAccessMinPoints,
      earlyAccessMinutes: sales.earlyAccessMinutes,
      earlyAccessQuota: sales.earlyAccessQuota,
      totalQuantity: sales.totalQuantity,
      soldOutAt: sales.soldOutAt,
      updatedAt: sales.updatedAt,
      productId: products.id,
      productSlug: products.slug,
      productName: products.name,
      imageUrl: saleImageSql("sales.id", "sales.product_id"),
    })
    .from(sales)
    .innerJoin(products, eq(products.id, sales.productId))
    .where(eq(sales.id, saleId));
  if (!sale) return null;

  const rows = await queryRows<
    Omit<SaleSkuForEdit, "label"> & { colour: string; storage: string | null; listPriceMinor: number }
  >(
    db,
    sql`
      select k.id as "skuId", k.code, k.colour, k.storage, k.list_price_minor as "listPriceMinor",
        k.price_minor as "everydayPriceMinor",
        coalesce(ss.currency, k.currency) as currency, (ss.sku_id is not null) as included,
        coalesce(ss.quantity, 0)::int as quantity, coalesce(ss.sale_price_minor, k.price_minor)::int as "salePriceMinor",
        coalesce(b.available, 0)::int as available, coalesce(b.held, 0)::int as held, coalesce(b.sold, 0)::int as sold
      from skus k
      left join sale_skus ss on ss.sku_id = k.id and ss.sale_id = ${saleId}::uuid
      left join lateral (
        select sum(available) as available, sum(held) as held, sum(sold) as sold
        from sale_buckets where sale_id = ${saleId}::uuid and sku_id = k.id) b on true
      where k.product_id = ${sale.productId}::int
      order by ss.position nulls last, k.position, k.id`,
  );
  const {
    productId,
    productSlug,
    productName,
    imageUrl,
    earlyAccessMinPoints,
    earlyAccessMinutes,
    earlyAccessQuota,
    ...rest
  } = sale;
  return {
    ...rest,
    earlyAccess: earlyAccessFromColumns({ earlyAccessMinPoints, earlyAccessMinutes, earlyAccessQuota }),
    product: { id: productId, slug: productSlug, name: productName, imageUrl },
    skus: rows.map(({ colour, storage, ...r }) => ({ ...r, label: variantLabel({ colour, storage }) })),
  };
}
