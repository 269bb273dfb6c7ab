import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { heroSchedule, productImages, products, sales, users } from "@/db/schema";
import {
  type Actor,
  claimRequestKey,
  completeClaimedAudit,
  diffRecords,
  parseRequestKey,
  writeAudit,
} from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { heroImageFor, NO_TARGET_IMAGE } from "@/lib/hero/image";
import { isSafeLocalPath } from "@/lib/http/safe-path";
import {
  addFieldError,
  CHECK_FIELDS,
  type Failure,
  type FieldErrors,
  fail,
  fieldErrorsFrom,
  invalid,
  ok,
  Refusal,
  type Result,
  refusable,
  type Success,
} from "@/lib/result";
import { FOREIGN_KEY_VIOLATION, isUuid, sqlState, UNIQUE_VIOLATION } from "@/lib/sales/db-errors";
import { saleImageSql } from "@/lib/sales/sale-image";
import { addStoreDays, atStoreTime, DAY_SHAPE, isStoreDay, storeDayOf } from "@/lib/sales/store-day";
import { formatStoreDay } from "@/lib/store-time";

/** How far ahead the calendar reaches, and how far a marketer may schedule. */
export const CALENDAR_DAYS = 28;
export const MAX_DAYS_AHEAD = 366;

export { isStoreDay };

export interface HeroImageOption {
  url: string;
  label: string;
  group: "Hero artwork" | "Product images";
}

/**
 * The images a hero may use: the hero artwork in public/images/hero and the catalogue's product images. The
 * form offers only these and the save refuses anything else, so a typo never puts a broken image on the homepage.
 */
export async function listHeroImages(db: Db): Promise<HeroImageOption[]> {
  const dir = path.join(process.cwd(), "public", "images", "hero");
  const files = await readdir(dir).catch(() => [] as string[]);
  const hero = files
    .filter((f) => /^[a-z0-9][a-z0-9-]*\.(svg|png|jpe?g|webp)$/i.test(f))
    .sort()
    .map((f) => ({
      url: `/images/hero/${f}`,
      label: f.replace(/\.[a-z]+$/i, "").replaceAll("-", " "),
      group: "Hero artwork" as const,
    }));
  const rows = await db
    .selectDistinctOn([productImages.url], { url: productImages.url, alt: productImages.alt })
    .from(productImages)
    .orderBy(asc(productImages.url));
  const product = rows.map((r) => ({ url: r.url, label: r.alt, group: "Product images" as const }));
  return [...hero, ...product];
}

export interface CalendarEntry {
  id: number;
  storeDay: string;
  headline: string;
  imageUrl: string;
  ctaLabel: string;
  ctaHref: string;
  saleId: string | null;
  saleName: string | null;
  saleStatus: "draft" | "scheduled" | "ended" | null;
  saleSlug: string | null;
  productId: number | null;
  productName: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

/** The schedule from `fromDay` for `days` store days, with the names of what each day shows. */
export async function listHeroCalendar(
  db: Db,
  { fromDay, days = CALENDAR_DAYS }: { fromDay: string; days?: number },
): Promise<CalendarEntry[]> {
  return db
    .select({
      id: heroSchedule.id,
      storeDay: heroSchedule.storeDay,
      headline: heroSchedule.headline,
      imageUrl: heroSchedule.imageUrl,
      ctaLabel: heroSchedule.ctaLabel,
      ctaHref: heroSchedule.ctaHref,
      saleId: heroSchedule.saleId,
      saleName: sales.name,
      saleStatus: sales.status,
      saleSlug: sales.slug,
      productId: heroSchedule.productId,
      productName: products.name,
      updatedAt: heroSchedule.updatedAt,
      updatedBy: users.email,
    })
    .from(heroSchedule)
    .leftJoin(sales, eq(sales.id, heroSchedule.saleId))
    .leftJoin(products, eq(products.id, heroSchedule.productId))
    .leftJoin(users, eq(users.id, heroSchedule.createdBy))
    .where(and(gte(heroSchedule.storeDay, fromDay), lt(heroSchedule.storeDay, addStoreDays(fromDay, days))))
    .orderBy(asc(heroSchedule.storeDay));
}

/** `sale:<uuid>` or `product:<id>`: the one select that says what a day shows, so it is never both. */
export function parseHeroTarget(
  value: string | undefined,
): { saleId: string } | { productId: number } | null {
  const m = /^(sale|product):(.+)$/.exec(value ?? "");
  if (!m) return null;
  if (m[1] === "sale") return isUuid(m[2]) ? { saleId: m[2] as string } : null;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? { productId: id } : null;
}

/** One day's words, picture and link (the target and the day are checked on their own). */
export const heroEntrySchema = z.object({
  headline: z.string().trim().min(1, "Write a headline.").max(120, "Use at most 120 characters."),
  imageUrl: z
    .string()
    .trim()
    .max(500)
    // Empty: the target's own image (./image); only a target without one is then refused.
    .refine(
      (url) => url === "" || /^(\/(?!\/)|https:\/\/)/.test(url),
      "Use an image path on this site (/images/…) or an https:// address.",
    ),
  ctaLabel: z.string().trim().min(1, "Write the button label.").max(40, "Use at most 40 characters."),
  ctaHref: z
    .string()
    .trim()
    .max(300)
    .refine(isSafeLocalPath, "Link to a page of the store, starting with /."),
});

type HeroTarget = { saleId: string } | { productId: number };

/**
 * A product's first image (what its cards show), as a subquery on a qualified product id column. Named in raw SQL
 * because drizzle writes a one-table select's columns unqualified, which the subquery would read as its own.
 */
const firstImageOf = (productId: "products.id") =>
  sql<string | null>`(select i.url from product_images i where i.product_id = ${sql.raw(productId)}
    order by i.position, i.id limit 1)`;

interface TargetFacts {
  name: string;
  defaultHref: string;
  /** The image a hero shows when the marketer leaves the image empty (see ./image). */
  imageUrl: string | null;
  /** The sale or product does not exist (the refusal's code is then `not_found`). */
  missing: boolean;
}

/** What the target is, for checks and the default link; its problems are added under `target`. */
async function readHeroTarget(
  db: Db,
  {
    target,
    storeDay,
    timeZone,
    errors,
  }: { target: HeroTarget; storeDay: string; timeZone: string; errors: FieldErrors },
): Promise<TargetFacts> {
  if ("productId" in target) {
    const [product] = await db
      .select({ name: products.name, slug: products.slug, imageUrl: firstImageOf("products.id") })
      .from(products)
      .where(eq(products.id, target.productId));
    if (!product) addFieldError(errors, "target", "That product doesn't exist. Choose one from the list.");
    return {
      name: product?.name ?? "",
      defaultHref: product ? `/products/${product.slug}` : "",
      imageUrl: product?.imageUrl ?? null,
      missing: !product,
    };
  }
  const [sale] = await db
    .select({
      name: sales.name,
      slug: sales.slug,
      status: sales.status,
      endsAt: sales.endsAt,
      imageUrl: saleImageSql("sales.id", "sales.product_id"),
    })
    .from(sales)
    .where(eq(sales.id, target.saleId));
  if (!sale) addFieldError(errors, "target", "That sale doesn't exist. Choose one from the list.");
  else if (sale.status === "draft")
    addFieldError(errors, "target", "That sale is a draft: schedule it first.");
  else if (sale.status === "ended") addFieldError(errors, "target", "That sale has ended.");
  else if (isStoreDay(storeDay) && sale.endsAt <= atStoreTime(storeDay, 0, 0, timeZone)) {
    addFieldError(errors, "target", `That sale ends before ${formatStoreDay(storeDay)}.`);
  }
  return {
    name: sale?.name ?? "",
    defaultHref: sale ? `/sales/${sale.slug}` : "",
    imageUrl: sale?.imageUrl ?? null,
    missing: !sale,
  };
}

/** The day: shaped like a date, a real one, not over, and within a year. */
function checkStoreDay(storeDay: string, { today, errors }: { today: string; errors: FieldErrors }) {
  if (!DAY_SHAPE.test(storeDay)) {
    addFieldError(errors, "storeDay", storeDay ? "Use a date like 2026-03-14." : "Choose a day.");
  } else if (!isStoreDay(storeDay)) addFieldError(errors, "storeDay", "That date doesn't exist.");
  else if (storeDay < today)
    addFieldError(errors, "storeDay", "That day is over: choose today or a later day.");
  else if (storeDay > addStoreDays(today, MAX_DAYS_AHEAD))
    addFieldError(errors, "storeDay", "Choose a day within a year.");
}

interface HeroValues {
  storeDay: string;
  saleId: string | null;
  productId: number | null;
  headline: string;
  imageUrl: string;
  ctaLabel: string;
  ctaHref: string;
  createdBy: string;
}

/** The form, checked field by field: the row to write and the target's name, or every refusal at once. */
async function readHeroForm(
  db: Db,
  { actor, raw, timeZone, now }: { actor: Actor; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<Result<{ values: HeroValues; targetName: string }>> {
  const errors: FieldErrors = {};
  const storeDay = (raw.storeDay ?? "").trim();
  const target = parseHeroTarget(raw.target);
  if (!target) addFieldError(errors, "target", "Choose a sale or a product.");
  const facts = target ? await readHeroTarget(db, { target, storeDay, timeZone, errors }) : null;
  checkStoreDay(storeDay, { today: storeDayOf(now, timeZone), errors });
  const imageUrl = heroImageFor({ chosen: raw.imageUrl, targetImage: facts?.imageUrl });
  if (!imageUrl && facts && !facts.missing) addFieldError(errors, "imageUrl", NO_TARGET_IMAGE);
  const parsed = heroEntrySchema.safeParse({
    headline: raw.headline ?? "",
    imageUrl,
    ctaLabel: raw.ctaLabel ?? "",
    ctaHref: raw.ctaHref?.trim() ? raw.ctaHref : facts?.defaultHref || "/",
  });
  if (!parsed.success) {
    for (const [field, messages] of Object.entries(fieldErrorsFrom(parsed.error))) {
      for (const message of messages) addFieldError(errors, field, message);
    }
  } else if (imageUrl && !(await listHeroImages(db)).some((i) => i.url === parsed.data.imageUrl)) {
    addFieldError(errors, "imageUrl", "Choose one of the listed images.");
  }
  if (Object.keys(errors).length > 0 || !parsed.success || !target) {
    return facts?.missing ? fail("not_found", CHECK_FIELDS, { fieldErrors: errors }) : invalid(errors);
  }
  const values = {
    storeDay,
    saleId: "saleId" in target ? target.saleId : null,
    productId: "productId" in target ? target.productId : null,
    ...parsed.data,
    createdBy: actor.id,
  };
  return ok({ values, targetName: facts?.name ?? "" });
}

type HeroSaved = Success<{ message: string; storeDay: string; duplicate: boolean }>;

const dayTaken = (storeDay: string, headline: string) =>
  new Refusal(
    invalid({
      storeDay: [
        `${formatStoreDay(storeDay)} already has a hero (“${headline}”). Edit that entry or remove it first.`,
      ],
    }),
  );

async function headlineOfDay(tx: Tx, storeDay: string) {
  const [other] = await tx
    .select({ headline: heroSchedule.headline })
    .from(heroSchedule)
    .where(eq(heroSchedule.storeDay, storeDay));
  return other?.headline ?? null;
}

/** Edits an existing entry (it may move to a free day), with an audit entry when anything changed. */
async function updateHeroEntry(
  tx: Tx,
  { actor, entryId, values }: { actor: Actor; entryId: number; values: HeroValues },
): Promise<HeroSaved> {
  const [old] = await tx.select().from(heroSchedule).where(eq(heroSchedule.id, entryId)).for("update");
  if (!old)
    throw new Refusal(fail("not_found", "That calendar entry was removed meanwhile. Reload the page."));
  if (old.storeDay !== values.storeDay) {
    const other = await headlineOfDay(tx, values.storeDay);
    if (other !== null) throw dayTaken(values.storeDay, other);
  }
  await tx
    .update(heroSchedule)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(heroSchedule.id, entryId));
  const { id: _id, createdBy: _by, createdAt: _at, updatedAt: _up, ...before } = old;
  const diff = diffRecords(before, { ...values, createdBy: undefined });
  if (Object.keys(diff).length > 0) {
    await writeAudit(tx, {
      actor,
      action: "hero.set",
      entityType: "hero_day",
      entityId: values.storeDay,
      summary: `Changed the hero of ${formatStoreDay(values.storeDay)}: ${Object.keys(diff).join(", ")}`,
      diff,
    });
  }
  return ok({
    message: `Saved the hero of ${formatStoreDay(values.storeDay)}.`,
    storeDay: values.storeDay,
    duplicate: false,
  });
}

/** A new entry for a free day; the form's one-time key turns a double submit into the first answer. */
async function insertHeroEntry(
  tx: Tx,
  {
    actor,
    values,
    targetName,
    requestKey,
  }: { actor: Actor; values: HeroValues; targetName: string; requestKey: string | undefined },
): Promise<HeroSaved> {
  const day = formatStoreDay(values.storeDay);
  const claim = requestKey
    ? await claimRequestKey(tx, { actor, requestKey, action: "hero.set", entityType: "hero_day" })
    : null;
  if (claim && !claim.claimed) {
    const storeDay = claim.entityId || values.storeDay;
    return ok({ message: `Saved the hero of ${formatStoreDay(storeDay)}.`, storeDay, duplicate: true });
  }
  const inserted = await tx
    .insert(heroSchedule)
    .values(values)
    .onConflictDoNothing({ target: heroSchedule.storeDay })
    .returning({ id: heroSchedule.id });
  if (inserted.length === 0) {
    throw dayTaken(values.storeDay, (await headlineOfDay(tx, values.storeDay)) ?? "another entry");
  }
  const summary = `Scheduled “${values.headline}” (${values.saleId ? "sale" : "product"} ${targetName}) as the hero of ${day}`;
  const diff = diffRecords({}, { ...values, createdBy: undefined });
  if (claim?.claimed) await completeClaimedAudit(tx, claim.id, { entityId: values.storeDay, summary, diff });
  else {
    await writeAudit(tx, {
      actor,
      action: "hero.set",
      entityType: "hero_day",
      entityId: values.storeDay,
      summary,
      diff,
    });
  }
  return ok({ message: `Scheduled the hero of ${day}.`, storeDay: values.storeDay, duplicate: false });
}

/**
 * A marketer sets what the homepage hero shows on one store day: the only writer of the hero schedule. A new
 * entry for a day that already has one is refused (edit or remove that one instead); the target must be a
 * scheduled sale that has not ended by the day, or a product; the image one of `listHeroImages`. Written with its
 * audit entry in one transaction; the form's one-time key makes a double submit harmless.
 */
export async function saveHeroEntry(
  db: Db,
  input: { actor: Actor; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<HeroSaved | Failure> {
  const { actor, raw } = input;
  const entryId = raw.entryId ? Number(raw.entryId) : null;
  if (entryId !== null && !(Number.isSafeInteger(entryId) && entryId > 0 && entryId <= 2_147_483_647)) {
    return fail("not_found", "That calendar entry doesn't exist. Reload the page.");
  }
  const form = await readHeroForm(db, input);
  if (!form.ok) return form;
  const { values, targetName } = form;
  try {
    return await refusable(() =>
      db.transaction((tx) =>
        entryId !== null
          ? updateHeroEntry(tx, { actor, entryId, values })
          : insertHeroEntry(tx, { actor, values, targetName, requestKey: parseRequestKey(raw.requestKey) }),
      ),
    );
  } catch (error) {
    // Two marketers taking one day at the same instant, or the target deleted under us.
    const code = sqlState(error);
    if (code === UNIQUE_VIOLATION) {
      return invalid({
        storeDay: [`${formatStoreDay(values.storeDay)} already has a hero. Reload to see it.`],
      });
    }
    if (code === FOREIGN_KEY_VIOLATION)
      return fail("not_found", "That sale or product no longer exists. Reload the page.");
    throw error;
  }
}

/** Removes one day's entry (the homepage falls back to the running or next sale). Idempotent. */
export async function removeHeroEntry(
  db: Db,
  { actor, entryId }: { actor: Actor; entryId: number },
): Promise<Success<{ message: string; storeDay: string | null }>> {
  const gone = ok({ message: "That entry was already removed.", storeDay: null as string | null });
  if (!Number.isSafeInteger(entryId) || entryId <= 0 || entryId > 2_147_483_647) return gone;
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(heroSchedule).where(eq(heroSchedule.id, entryId)).returning();
    if (!row) return gone;
    await writeAudit(tx, {
      actor,
      action: "hero.delete",
      entityType: "hero_day",
      entityId: row.storeDay,
      summary: `Removed the hero of ${formatStoreDay(row.storeDay)} (“${row.headline}”)`,
      diff: { headline: { from: row.headline, to: null } },
    });
    return ok({ message: `Removed the hero of ${formatStoreDay(row.storeDay)}.`, storeDay: row.storeDay });
  });
}

/** Sales a day's hero may show, for the form: scheduled and not ended, soonest first. */
export async function listSchedulableSales(db: Db, { now }: { now: Date }) {
  return db
    .select({
      id: sales.id,
      name: sales.name,
      startsAt: sales.startsAt,
      endsAt: sales.endsAt,
      featured: sales.featured,
      imageUrl: saleImageSql("sales.id", "sales.product_id"),
    })
    .from(sales)
    .where(and(eq(sales.status, "scheduled"), sql`${sales.endsAt} > ${now.toISOString()}::timestamptz`))
    .orderBy(asc(sales.startsAt), asc(sales.id));
}

export async function listProductTargets(db: Db) {
  return db
    .select({
      id: products.id,
      name: products.name,
      slug: products.slug,
      imageUrl: firstImageOf("products.id"),
    })
    .from(products)
    .orderBy(asc(products.position), asc(products.id));
}
