import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Db } from "@/lib/db";
import { getBoast, parseSaleTimes, type SaleTimes } from "@/lib/sales/rules";
import { saleImageSql } from "@/lib/sales/sale-image";
import { startOfNextStoreDay, storeDayOf } from "@/lib/sales/store-day";

export interface HeroSale extends SaleTimes {
  id: string;
  slug: string;
  name: string;
  headline: string;
  productSlug: string;
  productName: string;
  imageUrl: string | null;
  totalQuantity: number;
  boast: string | null;
}

/** A hero sale as pages and components take it: dates as ISO strings (it passes through caches and props). */
export type HeroSaleView = Omit<
  HeroSale,
  "registrationOpensAt" | "registrationClosesAt" | "startsAt" | "endsAt" | "soldOutAt"
> & {
  registrationOpensAt: string;
  registrationClosesAt: string;
  startsAt: string;
  endsAt: string;
  soldOutAt: string | null;
};

export function heroSaleView(sale: HeroSale): HeroSaleView {
  return {
    ...sale,
    registrationOpensAt: sale.registrationOpensAt.toISOString(),
    registrationClosesAt: sale.registrationClosesAt.toISOString(),
    startsAt: sale.startsAt.toISOString(),
    endsAt: sale.endsAt.toISOString(),
    soldOutAt: sale.soldOutAt?.toISOString() ?? null,
  };
}

export interface HeroProduct {
  id: number;
  slug: string;
  name: string;
  tagline: string;
  imageUrl: string | null;
  fromPriceMinor: number | null;
  currency: string | null;
}

interface HeroBase {
  storeDay: string;
  /** When this choice may change by the clock alone (a sale time, or the next local midnight): cache until then. */
  revalidateAt: Date;
}

export type Hero =
  | (HeroBase & {
      kind: "schedule";
      headline: string;
      imageUrl: string;
      ctaLabel: string;
      ctaHref: string;
      sale: HeroSale | null;
      product: HeroProduct | null;
    })
  | (HeroBase & { kind: "sale"; sale: HeroSale })
  | (HeroBase & { kind: "product"; product: HeroProduct })
  | (HeroBase & { kind: "none" });

const saleColumns = sql`
  s.id, s.slug, s.name, s.headline, p.slug as "productSlug", p.name as "productName",
  ${saleImageSql("s.id", "p.id")} as "imageUrl",
  s.registration_opens_at as "registrationOpensAt", s.registration_closes_at as "registrationClosesAt",
  s.starts_at as "startsAt", s.ends_at as "endsAt", s.total_quantity as "totalQuantity",
  s.sold_out_at as "soldOutAt"`;

const productColumns = sql`
  p.id, p.slug, p.name, p.tagline,
  (select i.url from product_images i where i.product_id = p.id order by i.position, i.id limit 1) as "imageUrl",
  (select min(k.price_minor) from skus k where k.product_id = p.id)::int as "fromPriceMinor",
  (select k.currency from skus k where k.product_id = p.id order by k.price_minor limit 1) as "currency"`;

type SaleRow = Omit<HeroSale, "boast">;

function toHeroSale(row: SaleRow): HeroSale {
  const sale = { ...row, ...parseSaleTimes(row) };
  return { ...sale, boast: getBoast(sale) };
}

/**
 * The homepage hero for the store day that contains `now`, in the store's time zone: the marketer's schedule
 * entry for that day if there is one; else a sale that is running (a featured one first), else the next sale to
 * start (featured first, then the soonest); else the featured product (else the first product).
 */
export async function getHero(db: Db, { now, timeZone }: { now: Date; timeZone: string }): Promise<Hero> {
  const storeDay = storeDayOf(now, timeZone);
  const nowIso = now.toISOString();
  const nextDay = startOfNextStoreDay(now, timeZone);
  const base = (times: Date[] = []): HeroBase => ({
    storeDay,
    revalidateAt: new Date(
      Math.min(nextDay.getTime(), ...times.filter((t) => t > now).map((t) => t.getTime())),
    ),
  });
  const saleTimes = (s: HeroSale) => [s.registrationOpensAt, s.registrationClosesAt, s.startsAt, s.endsAt];

  const [entry] = await queryRows<{
    headline: string;
    imageUrl: string;
    ctaLabel: string;
    ctaHref: string;
    saleId: string | null;
    productId: number | null;
  }>(
    db,
    sql`
      select headline, image_url as "imageUrl", cta_label as "ctaLabel", cta_href as "ctaHref",
        sale_id as "saleId", product_id as "productId"
      from hero_schedule where store_day = ${storeDay}::date`,
  );
  if (entry) {
    const [saleRow] = entry.saleId
      ? await queryRows<SaleRow>(
          db,
          sql`select ${saleColumns} from sales s join products p on p.id = s.product_id
              where s.id = ${entry.saleId}::uuid`,
        )
      : [];
    const [product] = entry.productId
      ? await queryRows<HeroProduct>(
          db,
          sql`select ${productColumns} from products p where p.id = ${entry.productId}`,
        )
      : [];
    const sale = saleRow ? toHeroSale(saleRow) : null;
    return {
      ...base(sale ? saleTimes(sale) : []),
      kind: "schedule",
      headline: entry.headline,
      imageUrl: entry.imageUrl,
      ctaLabel: entry.ctaLabel,
      ctaHref: entry.ctaHref,
      sale,
      product: product ?? null,
    };
  }

  const [saleRow] = await queryRows<SaleRow>(
    db,
    sql`
      select ${saleColumns}
      from sales s join products p on p.id = s.product_id
      where s.status = 'scheduled' and s.ends_at > ${nowIso}::timestamptz
      order by (s.starts_at <= ${nowIso}::timestamptz) desc, s.featured desc, s.starts_at, s.id
      limit 1`,
  );
  if (saleRow) {
    const sale = toHeroSale(saleRow);
    return { ...base(saleTimes(sale)), kind: "sale", sale };
  }

  const [product] = await queryRows<HeroProduct>(
    db,
    sql`select ${productColumns} from products p order by p.featured desc, p.position, p.id limit 1`,
  );
  if (product) return { ...base(), kind: "product", product };
  return { ...base(), kind: "none" };
}
