import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Sale } from "@/db/schema";
import type { Db } from "@/lib/db";
import { isUuid } from "./db-errors";
import { getBoast, parseSaleTimes, type SaleTimes } from "./rules";
import { saleImageSql } from "./sale-image";

/** What every read of one sale shows of its own row, besides its times. */
export type SaleBasics = Pick<
  Sale,
  | "id"
  | "slug"
  | "name"
  | "headline"
  | "status"
  | "featured"
  | "perAccountLimit"
  | "totalQuantity"
  | "waitlistOfferMinutes"
>;

/** A sale's product as the sale page and the console show it. */
export interface SaleProduct {
  id: number;
  slug: string;
  name: string;
  imageUrl: string | null;
}

export interface SaleDetail extends SaleTimes, SaleBasics, SaleRulesDetail {
  boast: string | null;
  product: SaleProduct;
  skus: {
    skuId: number;
    code: string;
    colour: string;
    colourHex: string;
    storage: string | null;
    quantity: number;
    salePriceMinor: number;
    listPriceMinor: number;
    currency: string;
  }[];
}

/** A draw sale's public facts (the seed only once drawn); absent for a first-come sale. */
export interface SaleDrawInfo {
  commitment: string;
  purchaseWindowMinutes: number;
  drawnAt: Date | string | null;
  seed: string | null;
}

/** Who may register, when the sale limits it. */
export interface SaleEligibility {
  createdBefore: Date | string | null;
  minLifetimePoints: number | null;
}

/** The early-access lane (lib/sales/early-access.ts): lifetime points of its lowest tier, minutes, unit quota. */
export interface SaleEarlyAccess {
  minPoints: number;
  minutes: number;
  quota: number;
}

export interface SaleRulesDetail {
  draw?: SaleDrawInfo | null;
  eligibility?: SaleEligibility | null;
  earlyAccess?: SaleEarlyAccess | null;
}

type Row = Omit<SaleDetail, "boast">;

/**
 * A sale with its product and SKUs (what the sale page and the checkout need, prices from the database).
 * Drafts are returned too: callers that face fans hide them.
 */
export async function getSale(db: Db, by: { slug: string } | { saleId: string }): Promise<SaleDetail | null> {
  if ("saleId" in by && !isUuid(by.saleId)) return null;
  const where = "slug" in by ? sql`s.slug = ${by.slug}` : sql`s.id = ${by.saleId}::uuid`;
  const [row] = await queryRows<Row>(
    db,
    sql`
      select s.id, s.slug, s.name, s.headline, s.status, s.featured,
        s.registration_opens_at as "registrationOpensAt", s.registration_closes_at as "registrationClosesAt",
        s.starts_at as "startsAt", s.ends_at as "endsAt", s.per_account_limit as "perAccountLimit",
        s.waitlist_offer_minutes as "waitlistOfferMinutes",
        s.total_quantity as "totalQuantity", s.sold_out_at as "soldOutAt",
        json_build_object('id', p.id, 'slug', p.slug, 'name', p.name, 'imageUrl', ${saleImageSql("s.id", "p.id")})
          as "product",
        (select json_agg(json_build_object(
            'skuId', k.id, 'code', k.code, 'colour', k.colour, 'colourHex', k.colour_hex, 'storage', k.storage,
            'quantity', ss.quantity, 'salePriceMinor', ss.sale_price_minor, 'listPriceMinor', k.list_price_minor,
            'currency', ss.currency) order by ss.position, k.id)
          from sale_skus ss join skus k on k.id = ss.sku_id where ss.sale_id = s.id) as "skus",
        case when s.kind = 'draw' then json_build_object('commitment', s.draw_commitment,
          'purchaseWindowMinutes', s.purchase_window_minutes, 'drawnAt', s.drawn_at,
          'seed', case when s.drawn_at is not null then s.draw_seed end) end as "draw",
        case when s.eligible_created_before is not null or s.min_lifetime_points is not null then
          json_build_object('createdBefore', s.eligible_created_before, 'minLifetimePoints', s.min_lifetime_points)
          end as "eligibility",
        case when s.early_access_quota is not null then json_build_object('minPoints', s.early_access_min_points,
          'minutes', s.early_access_minutes, 'quota', s.early_access_quota) end as "earlyAccess"
      from sales s join products p on p.id = s.product_id
      where ${where}`,
  );
  if (!row) return null;
  const sale = { ...row, ...parseSaleTimes(row), skus: row.skus ?? [] };
  return { ...sale, boast: getBoast(sale) };
}

/** Sales a fan can see (not drafts) that have not ended by `now`, soonest first; for listings and sitemaps. */
export async function listOpenSales(db: Db, { now }: { now: Date }) {
  return queryRows<{
    id: string;
    slug: string;
    name: string;
    startsAt: Date;
    endsAt: Date;
    featured: boolean;
  }>(
    db,
    sql`
      select id, slug, name, starts_at as "startsAt", ends_at as "endsAt", featured
      from sales
      where status = 'scheduled' and ends_at > ${now.toISOString()}::timestamptz
      order by starts_at, id`,
  );
}
