import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { heroSchedule, productImages, products, sales, users } from "@/db/schema";
import { type AdminResult, CHECK_FIELDS, Refusal, refusable, refuse } from "@/lib/admin/errors";
import { type Actor, claimRequestKey, completeClaimedAudit, diffRecords, writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db";
import { heroScheduleSchema } from "@/lib/hero/resolve";
import { FOREIGN_KEY_VIOLATION, isUuid, sqlState, UNIQUE_VIOLATION } from "@/lib/sales/db-errors";
import { addStoreDays, atStoreTime, storeDayOf } from "@/lib/sales/store-day";
import { formatStoreDay } from "@/lib/store-time";

/** How far ahead the calendar reaches, and how far a marketer may schedule. */
export const CALENDAR_DAYS = 28;
export const MAX_DAYS_AHEAD = 366;

/** A date's shape with a real month and day number (the calendar check follows). */
const DAY_SHAPE = /^(?!0000)\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** "2026-03-14" and a day that exists (not 30 February). */
export function isStoreDay(value: string | undefined | null): value is string {
  return typeof value === "string" && DAY_SHAPE.test(value) && addStoreDays(value, 0) === value;
}

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

/**
 * A marketer sets what the homepage hero shows on one store day. A new entry for a day that already has one is
 * refused (edit or remove that one instead); the target must be a scheduled sale that has not ended by the
 * day, or a product; the image one of `listHeroImages`. Written with its audit entry in one transaction; the
 * form's one-time key makes a double submit harmless.
 */
export async function saveHeroEntry(
  db: Db,
  { actor, raw, timeZone, now }: { actor: Actor; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<AdminResult<{ storeDay: string; duplicate: boolean }>> {
  const errors: Record<string, string[]> = {};
  const addError = (key: string, message: string) => {
    errors[key] = [...(errors[key] ?? []), message];
  };
  const entryId = raw.entryId ? Number(raw.entryId) : null;
  if (entryId !== null && !(Number.isSafeInteger(entryId) && entryId > 0 && entryId <= 2_147_483_647)) {
    return refuse("That calendar entry doesn't exist. Reload the page.");
  }
  const target = parseHeroTarget(raw.target);
  if (!target) addError("target", "Choose a sale or a product.");

  // What the target is, for checks and the default link.
  let targetName = "";
  let defaultHref = "";
  const storeDay = (raw.storeDay ?? "").trim();
  if (target && "saleId" in target) {
    const [sale] = await db
      .select({ name: sales.name, slug: sales.slug, status: sales.status, endsAt: sales.endsAt })
      .from(sales)
      .where(eq(sales.id, target.saleId));
    if (!sale) addError("target", "That sale doesn't exist. Choose one from the list.");
    else if (sale.status === "draft") addError("target", "That sale is a draft: schedule it first.");
    else if (sale.status === "ended") addError("target", "That sale has ended.");
    else if (
      DAY_SHAPE.test(storeDay) &&
      addStoreDays(storeDay, 0) === storeDay &&
      sale.endsAt <= atStoreTime(storeDay, 0, 0, timeZone)
    ) {
      addError("target", `That sale ends before ${formatStoreDay(storeDay)}.`);
    }
    if (sale) {
      targetName = sale.name;
      defaultHref = `/sales/${sale.slug}`;
    }
  } else if (target && "productId" in target) {
    const [product] = await db
      .select({ name: products.name, slug: products.slug })
      .from(products)
      .where(eq(products.id, target.productId));
    if (!product) addError("target", "That product doesn't exist. Choose one from the list.");
    else {
      targetName = product.name;
      defaultHref = `/products/${product.slug}`;
    }
  }

  // heroScheduleSchema's date check throws on text that is not shaped like a date (its refine runs even after
  // the regex fails), so the shape is checked here first and a placeholder keeps the other fields' messages.
  const dayShaped = DAY_SHAPE.test(storeDay);
  if (!dayShaped) addError("storeDay", storeDay ? "Use a date like 2026-03-14." : "Choose a day.");
  const parsed = heroScheduleSchema.safeParse({
    storeDay: dayShaped ? storeDay : "2000-01-01",
    ...(target ?? {}),
    headline: raw.headline ?? "",
    imageUrl: raw.imageUrl ?? "",
    ctaLabel: raw.ctaLabel ?? "",
    ctaHref: raw.ctaHref?.trim() ? raw.ctaHref : defaultHref || "/",
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      // Target problems are reported once, above.
      if (key === "saleId" || key === "productId") {
        if (target) addError("target", issue.message);
      } else addError(key, issue.message);
    }
  }
  const today = storeDayOf(now, timeZone);
  if (dayShaped && !errors.storeDay) {
    if (storeDay < today) addError("storeDay", "That day is over: choose today or a later day.");
    else if (storeDay > addStoreDays(today, MAX_DAYS_AHEAD))
      addError("storeDay", "Choose a day within a year.");
  }
  if (parsed.success) {
    const images = await listHeroImages(db);
    if (!images.some((i) => i.url === parsed.data.imageUrl)) {
      addError("imageUrl", "Choose one of the listed images.");
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return refuse(CHECK_FIELDS, errors);
  const v = parsed.data;
  const values = {
    storeDay: v.storeDay,
    saleId: v.saleId ?? null,
    productId: v.productId ?? null,
    headline: v.headline,
    imageUrl: v.imageUrl,
    ctaLabel: v.ctaLabel,
    ctaHref: v.ctaHref,
    createdBy: actor.id,
  };
  const taken = (headline: string) =>
    new Refusal(
      refuse(CHECK_FIELDS, {
        storeDay: [
          `${formatStoreDay(v.storeDay)} already has a hero (“${headline}”). Edit that entry or remove it first.`,
        ],
      }),
    );

  try {
    return await refusable(() =>
      db.transaction(async (tx) => {
        if (entryId !== null) {
          const [old] = await tx
            .select()
            .from(heroSchedule)
            .where(eq(heroSchedule.id, entryId))
            .for("update");
          if (!old) throw new Refusal(refuse("That calendar entry was removed meanwhile. Reload the page."));
          if (old.storeDay !== v.storeDay) {
            const [other] = await tx
              .select({ headline: heroSchedule.headline })
              .from(heroSchedule)
              .where(eq(heroSchedule.storeDay, v.storeDay));
            if (other) throw taken(other.headline);
          }
          await tx
            .update(heroSchedule)
            .set({ ...values, updatedAt: sql`now()` })
            .where(eq(heroSchedule.id, entryId));
          const diff = diffRecords(
            {
              storeDay: old.storeDay,
              saleId: old.saleId,
              productId: old.productId,
              headline: old.headline,
              imageUrl: old.imageUrl,
              ctaLabel: old.ctaLabel,
              ctaHref: old.ctaHref,
            },
            { ...values, createdBy: undefined },
          );
          if (Object.keys(diff).length > 0) {
            await writeAudit(tx, {
              actor,
              action: "hero.set",
              entityType: "hero_day",
              entityId: v.storeDay,
              summary: `Changed the hero of ${formatStoreDay(v.storeDay)}: ${Object.keys(diff).join(", ")}`,
              diff,
            });
          }
          return {
            ok: true as const,
            message: `Saved the hero of ${formatStoreDay(v.storeDay)}.`,
            storeDay: v.storeDay,
            duplicate: false,
          };
        }

        const requestKey = /^[A-Za-z0-9-]{16,64}$/.test(raw.requestKey ?? "") ? raw.requestKey : undefined;
        let claimId: number | null = null;
        if (requestKey) {
          const claim = await claimRequestKey(tx, {
            actor,
            requestKey,
            action: "hero.set",
            entityType: "hero_day",
          });
          if (!claim.claimed) {
            return {
              ok: true as const,
              message: `Saved the hero of ${formatStoreDay(claim.entityId || v.storeDay)}.`,
              storeDay: claim.entityId || v.storeDay,
              duplicate: true,
            };
          }
          claimId = claim.id;
        }
        const inserted = await tx
          .insert(heroSchedule)
          .values(values)
          .onConflictDoNothing({ target: heroSchedule.storeDay })
          .returning({ id: heroSchedule.id });
        if (inserted.length === 0) {
          const [other] = await tx
            .select({ headline: heroSchedule.headline })
            .from(heroSchedule)
            .where(eq(heroSchedule.storeDay, v.storeDay));
          throw taken(other?.headline ?? "another entry");
        }
        const summary = `Scheduled “${v.headline}” (${v.saleId ? "sale" : "product"} ${targetName}) as the hero of ${formatStoreDay(v.storeDay)}`;
        const diff = diffRecords({}, { ...values, createdBy: undefined });
        if (claimId !== null)
          await completeClaimedAudit(tx, claimId, { entityId: v.storeDay, summary, diff });
        else {
          await writeAudit(tx, {
            actor,
            action: "hero.set",
            entityType: "hero_day",
            entityId: v.storeDay,
            summary,
            diff,
          });
        }
        return {
          ok: true as const,
          message: `Scheduled the hero of ${formatStoreDay(v.storeDay)}.`,
          storeDay: v.storeDay,
          duplicate: false,
        };
      }),
    );
  } catch (error) {
    // Two marketers taking one day at the same instant, or the target deleted under us.
    const code = sqlState(error);
    if (code === UNIQUE_VIOLATION) {
      return refuse(CHECK_FIELDS, {
        storeDay: [`${formatStoreDay(v.storeDay)} already has a hero. Reload to see it.`],
      });
    }
    if (code === FOREIGN_KEY_VIOLATION)
      return refuse("That sale or product no longer exists. Reload the page.");
    throw error;
  }
}

/** Removes one day's entry (the homepage falls back to the running or next sale). Idempotent. */
export async function removeHeroEntry(
  db: Db,
  { actor, entryId }: { actor: Actor; entryId: number },
): Promise<AdminResult<{ storeDay: string | null }>> {
  if (!Number.isSafeInteger(entryId) || entryId <= 0 || entryId > 2_147_483_647) {
    return { ok: true, message: "That entry was already removed.", storeDay: null };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(heroSchedule).where(eq(heroSchedule.id, entryId)).returning();
    if (!row) return { ok: true as const, message: "That entry was already removed.", storeDay: null };
    await writeAudit(tx, {
      actor,
      action: "hero.delete",
      entityType: "hero_day",
      entityId: row.storeDay,
      summary: `Removed the hero of ${formatStoreDay(row.storeDay)} (“${row.headline}”)`,
      diff: { headline: { from: row.headline, to: null } },
    });
    return {
      ok: true as const,
      message: `Removed the hero of ${formatStoreDay(row.storeDay)}.`,
      storeDay: row.storeDay,
    };
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
    })
    .from(sales)
    .where(and(eq(sales.status, "scheduled"), sql`${sales.endsAt} > ${now.toISOString()}::timestamptz`))
    .orderBy(asc(sales.startsAt), asc(sales.id));
}

export async function listProductTargets(db: Db) {
  return db
    .select({ id: products.id, name: products.name, slug: products.slug })
    .from(products)
    .orderBy(asc(products.position), asc(products.id));
}
