import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/db/client";
import { heroSchedule, products, sales } from "@/db/schema";
import type { Db } from "@/lib/db";
import { FOREIGN_KEY_VIOLATION, sqlState } from "@/lib/sales/db-errors";
import { getBoast } from "@/lib/sales/rules";
import { addStoreDays, startOfNextStoreDay, storeDayOf } from "@/lib/sales/store-day";

export interface HeroSale {
  id: string;
  slug: string;
  name: string;
  headline: string;
  productSlug: string;
  productName: string;
  imageUrl: string | null;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  startsAt: Date;
  endsAt: Date;
  totalQuantity: number;
  soldOutAt: Date | null;
  boast: string | null;
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
  (select i.url from product_images i where i.product_id = p.id order by i.position, i.id limit 1) as "imageUrl",
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
  const sale = {
    ...row,
    registrationOpensAt: new Date(row.registrationOpensAt),
    registrationClosesAt: new Date(row.registrationClosesAt),
    startsAt: new Date(row.startsAt),
    endsAt: new Date(row.endsAt),
    soldOutAt: row.soldOutAt ? new Date(row.soldOutAt) : null,
  };
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

const storeDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-14.")
  // zod runs refinements even after the regex failed: check the shape again so bad input is a message, not a throw.
  .refine((d) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
    try {
      return addStoreDays(d, 0) === d;
    } catch {
      return false;
    }
  }, "That date doesn't exist.");

export const heroScheduleSchema = z
  .object({
    storeDay: storeDaySchema,
    saleId: z.guid("Choose a sale.").optional(),
    productId: z.coerce.number().int().positive("Choose a product.").optional(),
    headline: z.string().trim().min(1, "Write a headline.").max(120, "Use at most 120 characters."),
    imageUrl: z
      .string()
      .trim()
      .max(500)
      .regex(/^(\/(?!\/)|https:\/\/)/, "Use an image path on this site (/images/…) or an https:// address."),
    ctaLabel: z.string().trim().min(1, "Write the button label.").max(40, "Use at most 40 characters."),
    ctaHref: z
      .string()
      .trim()
      .max(300)
      .regex(/^\/(?!\/)/, "Link to a page of the store, starting with /."),
  })
  .refine((v) => (v.saleId ? 1 : 0) + (v.productId ? 1 : 0) === 1, {
    path: ["saleId"],
    message: "Choose either a sale or a product.",
  });
export type HeroScheduleInput = z.input<typeof heroScheduleSchema>;

export type SetHeroScheduleResult =
  | { ok: true; storeDay: string }
  | { ok: false; error: "invalid" | "not_found"; message: string; fieldErrors?: Record<string, string[]> };

/** A marketer sets (or replaces) the hero of one store day. */
export async function setHeroScheduleEntry(
  db: Db,
  { input, userId }: { input: unknown; userId: string | null },
): Promise<SetHeroScheduleResult> {
  const parsed = heroScheduleSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "form";
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    return { ok: false, error: "invalid", message: "Please check the highlighted fields.", fieldErrors };
  }
  const v = parsed.data;
  const values = {
    storeDay: v.storeDay,
    saleId: v.saleId ?? null,
    productId: v.productId ?? null,
    headline: v.headline,
    imageUrl: v.imageUrl,
    ctaLabel: v.ctaLabel,
    ctaHref: v.ctaHref,
    createdBy: userId,
  };
  try {
    await db
      .insert(heroSchedule)
      .values(values)
      .onConflictDoUpdate({ target: heroSchedule.storeDay, set: { ...values, updatedAt: sql`now()` } });
  } catch (error) {
    if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
      return { ok: false, error: "not_found", message: "That sale or product no longer exists." };
    }
    throw error;
  }
  return { ok: true, storeDay: v.storeDay };
}

export async function deleteHeroScheduleEntry(db: Db, { storeDay }: { storeDay: string }): Promise<boolean> {
  if (!storeDaySchema.safeParse(storeDay).success) return false;
  const rows = await db
    .delete(heroSchedule)
    .where(eq(heroSchedule.storeDay, storeDay))
    .returning({ id: heroSchedule.id });
  return rows.length > 0;
}

/** The schedule for `days` store days from `fromDay`, with the names of what each day shows. */
export async function listHeroSchedule(db: Db, { fromDay, days = 14 }: { fromDay: string; days?: number }) {
  return db
    .select({
      storeDay: heroSchedule.storeDay,
      headline: heroSchedule.headline,
      imageUrl: heroSchedule.imageUrl,
      ctaLabel: heroSchedule.ctaLabel,
      ctaHref: heroSchedule.ctaHref,
      saleId: heroSchedule.saleId,
      saleName: sales.name,
      productId: heroSchedule.productId,
      productName: products.name,
    })
    .from(heroSchedule)
    .leftJoin(sales, eq(sales.id, heroSchedule.saleId))
    .leftJoin(products, eq(products.id, heroSchedule.productId))
    .where(and(gte(heroSchedule.storeDay, fromDay), lt(heroSchedule.storeDay, addStoreDays(fromDay, days))))
    .orderBy(asc(heroSchedule.storeDay));
}
