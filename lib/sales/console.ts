import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "@/db/client";
import type { AuditDiff } from "@/db/schema";
import { productImages, products, saleBuckets, saleSkus, sales, skus } from "@/db/schema";
import { type AdminResult, CHECK_FIELDS, Refusal, refusable, refuse } from "@/lib/admin/errors";
import { type Actor, claimRequestKey, completeClaimedAudit, diffRecords, writeAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { formatMoneyInput } from "@/lib/money-input";
import { createSale } from "@/lib/sales/commands";
import { isUuid } from "@/lib/sales/db-errors";
import { DEFAULT_BUCKET_COUNT, getSaleState, type SaleState, splitIntoBuckets } from "@/lib/sales/rules";
import { recordSoldOutIfEmpty } from "@/lib/sales/sold-out";
import { formatStoreDateTime, toStoreInputValue } from "@/lib/store-time";
import { type ParsedSaleForm, parseSaleForm, SALE_TIME_FIELDS, saleSlugSchema, skuField } from "./draft";
import { growSaleSku, readSkuStock, shrinkSaleSku } from "./quantity";

const number = new Intl.NumberFormat("en-US");

// ─── Reads ───────────────────────────────────────────────────────────────────

export interface ConsoleSaleRow {
  id: string;
  slug: string;
  name: string;
  status: "draft" | "scheduled" | "ended";
  featured: boolean;
  productName: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  startsAt: Date;
  endsAt: Date;
  totalQuantity: number;
  soldOutAt: Date | null;
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
      const sale = {
        ...r,
        registrationOpensAt: new Date(r.registrationOpensAt),
        registrationClosesAt: new Date(r.registrationClosesAt),
        startsAt: new Date(r.startsAt),
        endsAt: new Date(r.endsAt),
        soldOutAt: r.soldOutAt ? new Date(r.soldOutAt) : null,
      };
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

function variantLabel(s: { colour: string; storage: string | null }) {
  return s.storage ? `${s.colour} · ${s.storage}` : s.colour;
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
  currency: string;
  included: boolean;
  quantity: number;
  salePriceMinor: number;
  available: number;
  held: number;
  sold: number;
}

export interface SaleForEdit {
  id: string;
  slug: string;
  name: string;
  headline: string;
  status: "draft" | "scheduled" | "ended";
  featured: boolean;
  product: { id: number; slug: string; name: string; imageUrl: string | null };
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  startsAt: Date;
  endsAt: Date;
  perAccountLimit: number;
  totalQuantity: number;
  soldOutAt: Date | null;
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
      totalQuantity: sales.totalQuantity,
      soldOutAt: sales.soldOutAt,
      updatedAt: sales.updatedAt,
      productId: products.id,
      productSlug: products.slug,
      productName: products.name,
    })
    .from(sales)
    .innerJoin(products, eq(products.id, sales.productId))
    .where(eq(sales.id, saleId));
  if (!sale) return null;
  const [image] = await db
    .select({ url: productImages.url })
    .from(productImages)
    .where(eq(productImages.productId, sale.productId))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .limit(1);
  const rows = await queryRows<
    Omit<SaleSkuForEdit, "label"> & { colour: string; storage: string | null; listPriceMinor: number }
  >(
    db,
    sql`
      select k.id as "skuId", k.code, k.colour, k.storage, k.list_price_minor as "listPriceMinor",
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
  const { productId, productSlug, productName, ...rest } = sale;
  return {
    ...rest,
    product: { id: productId, slug: productSlug, name: productName, imageUrl: image?.url ?? null },
    skus: rows.map(({ colour, storage, ...r }) => ({ ...r, label: variantLabel({ colour, storage }) })),
  };
}

/** A started sale: scheduled and past its start. Drafts never start, however their times read. */
export function hasStarted(sale: { status: string; startsAt: Date }, now: Date): boolean {
  return sale.status !== "draft" && sale.startsAt.getTime() <= now.getTime();
}

export function hasEnded(sale: { status: string; endsAt: Date }, now: Date): boolean {
  return sale.status === "ended" || sale.endsAt.getTime() <= now.getTime();
}

// ─── Create ──────────────────────────────────────────────────────────────────

const requestKeySchema = z.string().regex(/^[A-Za-z0-9-]{16,64}$/);

async function productSkus(db: Db | Tx, productId: number) {
  return db
    .select({ id: skus.id, currency: skus.currency })
    .from(skus)
    .where(eq(skus.productId, productId))
    .orderBy(asc(skus.position), asc(skus.id));
}

function fail(parsed: Extract<ParsedSaleForm, { ok: false }>, extra: Record<string, string[]> = {}) {
  const fieldErrors = { ...parsed.fieldErrors };
  for (const [k, v] of Object.entries(extra)) fieldErrors[k] = [...(fieldErrors[k] ?? []), ...v];
  return refuse(CHECK_FIELDS, fieldErrors);
}

/**
 * A marketer creates a sale from the console form: validated field by field, written with its stock buckets and
 * the audit entry in one transaction. The form's one-time `requestKey` makes a double submit return the first
 * sale instead of making a second (or failing on the address).
 */
export async function createConsoleSale(
  db: Db,
  { actor, raw, timeZone, now }: { actor: Actor; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<AdminResult<{ saleId: string; slug: string; duplicate: boolean }>> {
  const fieldErrors: Record<string, string[]> = {};
  const productId = Number(raw.productId);
  const product =
    Number.isSafeInteger(productId) && productId > 0 && productId <= 2_147_483_647
      ? (await db.select({ id: products.id }).from(products).where(eq(products.id, productId)))[0]
      : undefined;
  if (!product) fieldErrors.productId = ["Choose a product from the catalogue."];
  const slug = saleSlugSchema.safeParse(raw.slug);
  if (!slug.success) fieldErrors.slug = slug.error.issues.map((i) => i.message);
  const status = raw.status === "draft" ? "draft" : raw.status === "scheduled" ? "scheduled" : null;
  if (!status) fieldErrors.status = ["Choose whether to schedule the sale or keep it as a draft."];

  const parsed = parseSaleForm(raw, { timeZone, skus: product ? await productSkus(db, product.id) : [] });
  if (parsed.ok && parsed.value.times.startsAt.at.getTime() <= now.getTime()) {
    fieldErrors.startsAt = [`The start must be in the future (it is ${formatStoreDateTime(now, timeZone)}).`];
  }
  if (!parsed.ok) return fail(parsed, fieldErrors);
  if (Object.keys(fieldErrors).length > 0 || !product || !slug.success || !status) {
    return refuse(CHECK_FIELDS, fieldErrors);
  }
  const v = parsed.value;
  const requestKey = requestKeySchema.safeParse(raw.requestKey).success ? raw.requestKey : undefined;

  return refusable(() =>
    db.transaction(async (tx) => {
      let claimId: number | null = null;
      if (requestKey) {
        const claim = await claimRequestKey(tx, {
          actor,
          requestKey,
          action: "sale.create",
          entityType: "sale",
        });
        if (!claim.claimed) {
          const [first] = claim.entityId
            ? await tx.select({ slug: sales.slug }).from(sales).where(eq(sales.id, claim.entityId))
            : [];
          if (!claim.entityId || !first)
            throw new Refusal(refuse("This form was already sent. Reload the page."));
          return {
            ok: true as const,
            message: "This sale was already created.",
            saleId: claim.entityId,
            slug: first.slug,
            duplicate: true,
          };
        }
        claimId = claim.id;
      }
      const created = await createSale(tx as unknown as Db, {
        slug: slug.data,
        name: v.name,
        headline: v.headline,
        productId: product.id,
        registrationOpensAt: v.times.registrationOpensAt.at,
        registrationClosesAt: v.times.registrationClosesAt.at,
        startsAt: v.times.startsAt.at,
        endsAt: v.times.endsAt.at,
        perAccountLimit: v.perAccountLimit,
        status,
        skus: v.skus,
      });
      if (!created.ok) {
        // createSale names SKU rows by position; the console names them by SKU id.
        const mapped: Record<string, string[]> = {};
        for (const [key, messages] of Object.entries(created.fieldErrors ?? {})) {
          const m = /^skus\.(\d+)\./.exec(key);
          const sku = m ? v.skus[Number(m[1])] : undefined;
          mapped[sku ? skuField(sku.skuId, "include") : key] = messages;
        }
        throw new Refusal(refuse(created.message, mapped));
      }
      const summary = `Created ${status === "draft" ? "draft " : ""}sale “${v.name}”: ${number.format(
        created.totalQuantity,
      )} units in ${v.skus.length} ${v.skus.length === 1 ? "version" : "versions"}, starts ${formatStoreDateTime(
        v.times.startsAt.at,
        timeZone,
      )}`;
      const diff: AuditDiff = {
        slug: { from: null, to: slug.data },
        status: { from: null, to: status },
        startsAt: { from: null, to: v.times.startsAt.at.toISOString() },
        endsAt: { from: null, to: v.times.endsAt.at.toISOString() },
        totalQuantity: { from: null, to: created.totalQuantity },
      };
      if (claimId !== null) {
        await completeClaimedAudit(tx, claimId, { entityId: created.saleId, summary, diff });
      } else {
        await writeAudit(tx, {
          actor,
          action: "sale.create",
          entityType: "sale",
          entityId: created.saleId,
          summary,
          diff,
        });
      }
      return {
        ok: true as const,
        message: "Sale created.",
        saleId: created.saleId,
        slug: created.slug,
        duplicate: false,
      };
    }),
  );
}

// ─── Edit ────────────────────────────────────────────────────────────────────

/** Serialises feature changes across instances (any constant unique to this use). */
const FEATURE_LOCK = 7_304_113;

const notFound = () => refuse("That sale doesn't exist (any more). Go back to the list of sales.");

/**
 * A marketer edits a sale. Before the start everything but the product and the address can change. Once the sale
 * has started, the price of each version, the start and the registration window are locked, versions can be
 * neither added nor removed, the per-account limit can only rise, and a version's quantity can grow but never
 * drop below the units held or sold at that moment. An ended sale cannot change. One transaction: the stock
 * buckets (see ./quantity), the sale's versions, the sale row (conditional on what the form was checked against)
 * and the audit entry, or nothing.
 */
export async function updateConsoleSale(
  db: Db,
  {
    actor,
    saleId,
    raw,
    timeZone,
    now,
  }: { actor: Actor; saleId: string; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<AdminResult<{ saleId: string; slug: string; changed: boolean }>> {
  const current = await getSaleForEdit(db, { saleId });
  if (!current) return notFound();
  if (hasEnded(current, now)) return refuse("This sale has ended, so it can no longer change.");
  const started = hasStarted(current, now);
  const parsed = parseSaleForm(raw, {
    timeZone,
    skus: current.skus.map((s) => ({ id: s.skuId, currency: s.currency })),
  });
  if (!parsed.ok) return fail(parsed);
  const v = parsed.value;
  const errors: Record<string, string[]> = {};
  const addError = (key: string, message: string) => {
    errors[key] = [...(errors[key] ?? []), message];
  };

  // A time left as it was keeps its stored instant exactly (the input shows minutes only).
  const times = Object.fromEntries(
    SALE_TIME_FIELDS.map((f) => [
      f,
      v.times[f].text === toStoreInputValue(current[f], timeZone) ? current[f] : v.times[f].at,
    ]),
  ) as Record<(typeof SALE_TIME_FIELDS)[number], Date>;
  const startedAt = formatStoreDateTime(current.startsAt, timeZone);
  const wanted = new Map(v.skus.map((s) => [s.skuId, s]));
  const before = new Map(current.skus.filter((s) => s.included).map((s) => [s.skuId, s]));

  if (started) {
    for (const f of ["registrationOpensAt", "registrationClosesAt", "startsAt"] as const) {
      if (times[f].getTime() !== current[f].getTime()) {
        addError(f, `Locked: the sale started at ${startedAt}.`);
      }
    }
    if (times.endsAt.getTime() <= now.getTime()) {
      addError("endsAt", "Choose an end in the future, or use “End sale now”.");
    }
    if (v.perAccountLimit < current.perAccountLimit) {
      addError(
        "perAccountLimit",
        `Once the sale has started the limit can only rise (it is ${current.perAccountLimit}).`,
      );
    }
    const sameSet = wanted.size === before.size && [...wanted.keys()].every((id) => before.has(id));
    if (!sameSet) addError("skus", "Versions can't be added or removed once the sale has started.");
    for (const [skuId, line] of wanted) {
      const old = before.get(skuId);
      if (!old) continue;
      if (line.salePriceMinor !== old.salePriceMinor) {
        addError(
          skuField(skuId, "price"),
          `Locked at ${formatMoneyInput(old.salePriceMinor, old.currency)} since the sale started.`,
        );
      }
      const floor = old.held + old.sold;
      if (line.quantity < floor) {
        addError(
          skuField(skuId, "quantity"),
          `At least ${number.format(floor)}: that many units are held or sold right now.`,
        );
      }
    }
  } else if (times.startsAt.getTime() <= now.getTime()) {
    addError("startsAt", `The start must be in the future (it is ${formatStoreDateTime(now, timeZone)}).`);
  }
  if (Object.keys(errors).length > 0) return refuse(CHECK_FIELDS, errors);

  return refusable(() =>
    db.transaction(async (tx) => {
      const conflict = () =>
        new Refusal(
          refuse(
            "This sale changed while you were editing it (it may have started). Reload the page and try again.",
          ),
        );
      const diff: AuditDiff = {};
      let shrunk = false;

      // Versions taken out (before the start, when nobody can hold a unit yet).
      for (const [skuId, old] of before) {
        if (wanted.has(skuId)) continue;
        const removed = await queryRows<{ skuId: number }>(
          tx,
          sql`
            delete from sale_skus ss
            where ss.sale_id = ${saleId}::uuid and ss.sku_id = ${skuId}::int
              and not exists (select 1 from sale_holds h where h.sale_id = ${saleId}::uuid and h.sku_id = ${skuId}::int)
            returning ss.sku_id as "skuId"`,
        );
        if (removed.length === 0) throw conflict();
        diff[`${old.label} quantity`] = { from: old.quantity, to: 0 };
      }
      // Versions added.
      const currentSkus = new Map(current.skus.map((s) => [s.skuId, s]));
      let position = before.size;
      for (const [skuId, line] of wanted) {
        if (before.has(skuId)) continue;
        const sku = currentSkus.get(skuId);
        if (!sku) throw conflict();
        await tx.insert(saleSkus).values({
          saleId,
          skuId,
          quantity: line.quantity,
          salePriceMinor: line.salePriceMinor,
          currency: sku.currency,
          bucketCount: splitIntoBuckets(line.quantity, DEFAULT_BUCKET_COUNT).length,
          position: position++,
        });
        await tx.insert(saleBuckets).values(
          splitIntoBuckets(line.quantity, DEFAULT_BUCKET_COUNT).map((quantity, bucket) => ({
            saleId,
            skuId,
            bucket,
            quantity,
            available: quantity,
          })),
        );
        diff[`${sku.label} quantity`] = { from: 0, to: line.quantity };
        diff[`${sku.label} price`] = { from: null, to: formatMoneyInput(line.salePriceMinor, sku.currency) };
      }
      // Versions kept: stock first (bucket rows, then sale_skus, then the sale: the order every writer uses).
      for (const [skuId, line] of wanted) {
        const old = before.get(skuId);
        if (!old) continue;
        const stock = await readSkuStock(tx, { saleId, skuId });
        const delta = line.quantity - stock.quantity;
        if (delta > 0) {
          if (!(await growSaleSku(tx, { saleId, skuId, units: delta }))) {
            throw new Refusal(
              refuse("So many fans are buying right now that the change didn't go through. Try again."),
            );
          }
        } else if (delta < 0) {
          const shrink = await shrinkSaleSku(tx, { saleId, skuId, units: -delta });
          if (!shrink.ok) {
            throw new Refusal(
              shrink.reason === "busy"
                ? refuse("So many fans are buying right now that the change didn't go through. Try again.")
                : refuse(CHECK_FIELDS, {
                    [skuField(skuId, "quantity")]: [
                      `At least ${number.format(shrink.floor)}: that many units are held or sold right now.`,
                    ],
                  }),
            );
          }
          shrunk = true;
        }
        if (delta !== 0) diff[`${old.label} quantity`] = { from: stock.quantity, to: line.quantity };
        if (line.salePriceMinor !== old.salePriceMinor) {
          diff[`${old.label} price`] = {
            from: formatMoneyInput(old.salePriceMinor, old.currency),
            to: formatMoneyInput(line.salePriceMinor, old.currency),
          };
        }
        await tx.execute(sql`
          update sale_skus set sale_price_minor = ${line.salePriceMinor}::int,
            quantity = (select sum(quantity) from sale_buckets
              where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int)
          where sale_id = ${saleId}::uuid and sku_id = ${skuId}::int`);
      }

      const next = {
        name: v.name,
        headline: v.headline,
        perAccountLimit: v.perAccountLimit,
        registrationOpensAt: times.registrationOpensAt,
        registrationClosesAt: times.registrationClosesAt,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
      };
      Object.assign(
        diff,
        diffRecords(
          {
            name: current.name,
            headline: current.headline,
            perAccountLimit: current.perAccountLimit,
            registrationOpensAt: current.registrationOpensAt,
            registrationClosesAt: current.registrationClosesAt,
            startsAt: current.startsAt,
            endsAt: current.endsAt,
          },
          next,
        ),
      );
      const nowIso = now.toISOString();
      // Conditional on what the form was checked against: the status, the start, and (before the start) that
      // the start is still ahead. A sale that started or was ended meanwhile changes nothing.
      const updated = await queryRows<{ totalQuantity: number }>(
        tx,
        sql`
          update sales set name = ${next.name}, headline = ${next.headline},
            per_account_limit = ${next.perAccountLimit}::int,
            registration_opens_at = ${next.registrationOpensAt.toISOString()}::timestamptz,
            registration_closes_at = ${next.registrationClosesAt.toISOString()}::timestamptz,
            starts_at = ${next.startsAt.toISOString()}::timestamptz,
            ends_at = ${next.endsAt.toISOString()}::timestamptz,
            total_quantity = (select sum(quantity) from sale_skus where sale_id = ${saleId}::uuid),
            updated_at = now()
          where id = ${saleId}::uuid and status = ${current.status}::sale_status
            and starts_at = ${current.startsAt.toISOString()}::timestamptz
            and ends_at > ${nowIso}::timestamptz
            ${started ? sql`` : sql`and (status = 'draft' or starts_at > ${nowIso}::timestamptz)`}
          returning total_quantity as "totalQuantity"`,
      );
      if (updated.length === 0) throw conflict();
      if (updated[0] && updated[0].totalQuantity !== current.totalQuantity) {
        diff.totalQuantity = { from: current.totalQuantity, to: updated[0].totalQuantity };
      }
      if (shrunk && started) await recordSoldOutIfEmpty(tx, { saleId, now });

      const changed = Object.keys(diff).length > 0;
      if (changed) {
        await writeAudit(tx, {
          actor,
          action: "sale.update",
          entityType: "sale",
          entityId: saleId,
          summary: `Edited sale “${next.name}”: ${Object.keys(diff).join(", ")}`,
          diff,
        });
      }
      return {
        ok: true as const,
        message: changed ? "Saved." : "Nothing to save: the sale is as you left it.",
        saleId,
        slug: current.slug,
        changed,
      };
    }),
  );
}

// ─── Publish, end, feature ───────────────────────────────────────────────────

/** A draft becomes scheduled: fans see it and it runs by its times. Idempotent. */
export async function publishSale(
  db: Db,
  { actor, saleId, now, timeZone }: { actor: Actor; saleId: string; now: Date; timeZone: string },
): Promise<AdminResult> {
  const sale = await getSaleForEdit(db, { saleId });
  if (!sale) return notFound();
  if (sale.status === "scheduled") return { ok: true, message: "This sale is already scheduled." };
  if (sale.status === "ended") return refuse("This sale has ended; it can't be scheduled again.");
  if (sale.startsAt.getTime() <= now.getTime()) {
    return refuse(
      `The start (${formatStoreDateTime(sale.startsAt, timeZone)}) has passed. Move it into the future, then schedule the sale.`,
    );
  }
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(sales)
      .set({ status: "scheduled" })
      .where(
        and(
          eq(sales.id, saleId),
          eq(sales.status, "draft"),
          sql`${sales.startsAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: sales.id });
    if (rows.length === 0) return { ok: true as const, message: "This sale is already scheduled." };
    await writeAudit(tx, {
      actor,
      action: "sale.publish",
      entityType: "sale",
      entityId: saleId,
      summary: `Scheduled sale “${sale.name}” (was a draft)`,
      diff: { status: { from: "draft", to: "scheduled" } },
    });
    return { ok: true as const, message: "Scheduled: fans can see the sale now." };
  });
}

/**
 * Ends a sale now: no more reservations or registrations. Units already held can still be paid for (their
 * holds expire as usual). Also takes it off the featured spot. Idempotent.
 */
export async function endSale(
  db: Db,
  { actor, saleId, now }: { actor: Actor; saleId: string; now: Date },
): Promise<AdminResult> {
  if (!isUuid(saleId)) return notFound();
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ name: string; status: string; featured: boolean }>(
      tx,
      sql`
        update sales s set status = 'ended', featured = false, updated_at = now()
        from (select id, status, featured from sales where id = ${saleId}::uuid for update) old
        where s.id = old.id and old.status <> 'ended'
        returning s.name, old.status, old.featured`,
    );
    const row = rows[0];
    if (!row) {
      const [exists] = await tx.select({ id: sales.id }).from(sales).where(eq(sales.id, saleId));
      return exists ? { ok: true as const, message: "This sale had already ended." } : notFound();
    }
    await writeAudit(tx, {
      actor,
      action: "sale.end",
      entityType: "sale",
      entityId: saleId,
      summary: `Ended sale “${row.name}” at ${now.toISOString()}`,
      diff: {
        status: { from: row.status, to: "ended" },
        ...(row.featured ? { featured: { from: true, to: false } } : {}),
      },
    });
    return { ok: true as const, message: "The sale has ended." };
  });
}

/**
 * Makes one sale the featured one (the homepage prefers it when no schedule entry says otherwise), or none.
 * One statement sets the flag on the chosen sale and clears it everywhere else, so two are never featured.
 */
export async function setFeaturedSale(
  db: Db,
  { actor, saleId, now }: { actor: Actor; saleId: string | null; now: Date },
): Promise<AdminResult> {
  if (saleId !== null && !isUuid(saleId)) {
    return refuse(CHECK_FIELDS, { saleId: ["Choose a sale from the list."] });
  }
  return refusable(() =>
    db.transaction(async (tx) => {
      // Feature changes queue behind each other: two at once could otherwise each clear only what they saw.
      await tx.execute(sql`select pg_advisory_xact_lock(${FEATURE_LOCK}::bigint)`);
      let name: string | null = null;
      if (saleId) {
        const [sale] = await tx
          .select({ name: sales.name, status: sales.status, endsAt: sales.endsAt })
          .from(sales)
          .where(eq(sales.id, saleId))
          .for("update");
        if (!sale) throw new Refusal(refuse(CHECK_FIELDS, { saleId: ["Choose a sale from the list."] }));
        if (sale.status !== "scheduled" || sale.endsAt.getTime() <= now.getTime()) {
          throw new Refusal(
            refuse(CHECK_FIELDS, {
              saleId: [
                sale.status === "draft"
                  ? "That sale is a draft: schedule it before featuring it."
                  : "That sale has ended: choose one that is coming or running.",
              ],
            }),
          );
        }
        name = sale.name;
      }
      const changed = await queryRows<{ id: string; name: string; featured: boolean }>(
        tx,
        sql`
          update sales set featured = (id = ${saleId ?? null}::uuid) is true, updated_at = now()
          where (featured or id = ${saleId ?? null}::uuid) and featured is distinct from ((id = ${saleId ?? null}::uuid) is true)
          returning id, name, featured`,
      );
      if (changed.length === 0) {
        return {
          ok: true as const,
          message: name ? `“${name}” is already the featured sale.` : "No sale is featured.",
        };
      }
      const previous = changed.find((c) => !c.featured);
      await writeAudit(tx, {
        actor,
        action: saleId ? "sale.feature" : "sale.unfeature",
        entityType: "sale",
        entityId: saleId ?? previous?.id ?? "",
        summary: saleId
          ? `Featured sale “${name}”${previous ? ` instead of “${previous.name}”` : ""}`
          : `No featured sale (was “${previous?.name ?? "none"}”)`,
        diff: { featured: { from: previous?.name ?? null, to: name } },
      });
      return {
        ok: true as const,
        message: name ? `“${name}” is now the featured sale.` : "No sale is featured now.",
      };
    }),
  );
}
