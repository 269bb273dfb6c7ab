import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { AuditDiff } from "@/db/schema";
import { products, saleBuckets, saleCounters, saleSkus, sales, skus } from "@/db/schema";
import {
  type Actor,
  claimRequestKey,
  completeClaimedAudit,
  parseRequestKey,
  writeAudit,
} from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { inTransactionById } from "@/lib/ids";
import {
  addFieldError,
  type Failure,
  type FieldErrors,
  fail,
  invalid,
  ok,
  parseWith,
  Refusal,
  type Result,
  refusable,
  type Success,
} from "@/lib/result";
import { formatStoreDateTime } from "@/lib/store-time";
import { getSaleForEdit } from "./console-queries";
import { isUuid } from "./db-errors";
import {
  DRAW_ONE_VERSION,
  draftFromForm,
  EARLY_ACCESS_DRAW,
  earlyAccessColumns,
  minLifetimePointsFor,
  parseNewSaleIdentity,
  parseSaleForm,
  type SaleDraft,
  saleDraftSchema,
  skuField,
} from "./draft";
import { drawCommitment, newDrawSeed } from "./draw-order";
import { startAheadError } from "./edit-policy";
import { REGISTRATION_SHARDS, splitIntoBuckets } from "./rules";

/*
 * A sale's commands: create, publish, end, feature (edit is ./update.ts). Each is one transaction that writes the
 * change and, when a marketer makes it, the audit entry. Inputs are checked by ./draft (what a sale may be) and
 * ./edit-policy (what may change when); refusals are `Failure`s with a code, a message and field errors.
 */

const number = new Intl.NumberFormat("en-US");

export const saleNotFound = () =>
  fail("not_found", "That sale doesn't exist (any more). Go back to the list of sales.");

// ─── Create ──────────────────────────────────────────────────────────────────

export type CreateSaleCode = "invalid" | "product_not_found" | "sku_not_in_product" | "slug_taken";
export type CreatedSale = { saleId: string; slug: string; totalQuantity: number };

/** The product's versions with their currency, or a refusal naming the field. */
async function checkDraftProduct(
  tx: Tx,
  draft: SaleDraft,
): Promise<Result<{ currencyOf: Map<number, string> }, CreateSaleCode>> {
  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.id, draft.productId));
  if (!product) {
    return fail("product_not_found", "That product doesn't exist.", {
      fieldErrors: { productId: ["Choose a product from the catalogue."] },
    });
  }
  const found = await tx
    .select({ id: skus.id, currency: skus.currency })
    .from(skus)
    .where(
      and(
        inArray(
          skus.id,
          draft.skus.map((s) => s.skuId),
        ),
        eq(skus.productId, draft.productId),
      ),
    );
  const currencyOf = new Map(found.map((s) => [s.id, s.currency]));
  const foreign = draft.skus.flatMap((s, i) => (currencyOf.has(s.skuId) ? [] : [i]));
  if (foreign.length > 0) {
    return fail("sku_not_in_product", "Some versions don't belong to this product.", {
      fieldErrors: Object.fromEntries(
        foreign.map((i) => [`skus.${i}.skuId`, ["This version doesn't belong to the chosen product."]]),
      ),
    });
  }
  return ok({ currencyOf });
}

/** The sale's versions, their stock split over buckets, and its registration counter shards. */
async function insertSaleStock(
  tx: Tx,
  { saleId, draft, currencyOf }: { saleId: string; draft: SaleDraft; currencyOf: Map<number, string> },
) {
  await tx.insert(saleSkus).values(
    draft.skus.map((s, position) => ({
      saleId,
      skuId: s.skuId,
      quantity: s.quantity,
      salePriceMinor: s.salePriceMinor,
      currency: currencyOf.get(s.skuId) ?? "CNY",
      bucketCount: splitIntoBuckets(s.quantity, draft.bucketCount).length,
      position,
    })),
  );
  await tx.insert(saleBuckets).values(
    draft.skus.flatMap((s) =>
      splitIntoBuckets(s.quantity, draft.bucketCount).map((quantity, bucket) => ({
        saleId,
        skuId: s.skuId,
        bucket,
        quantity,
        available: quantity,
      })),
    ),
  );
  await tx
    .insert(saleCounters)
    .values(Array.from({ length: REGISTRATION_SHARDS }, (_, shard) => ({ saleId, shard })));
}

/**
 * Writes a checked draft inside the caller's transaction: the sale, its versions and stock, its counters. Refuses
 * (writing nothing) a product or version that does not exist, or an address another sale uses. Sale prices come
 * from the draft; each line's currency is its SKU's own.
 */
export async function insertSale(tx: Tx, draft: SaleDraft): Promise<Result<CreatedSale, CreateSaleCode>> {
  const checked = await checkDraftProduct(tx, draft);
  if (!checked.ok) return checked;
  const totalQuantity = draft.skus.reduce((n, s) => n + s.quantity, 0);
  // A draw commits to its seed now, when registration can first open: the page publishes its hash.
  const seed = draft.kind === "draw" ? newDrawSeed() : null;
  const [sale] = await tx
    .insert(sales)
    .values({
      slug: draft.slug,
      name: draft.name,
      headline: draft.headline,
      productId: draft.productId,
      status: draft.status,
      featured: draft.featured,
      registrationOpensAt: draft.registrationOpensAt,
      registrationClosesAt: draft.registrationClosesAt,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      perAccountLimit: draft.kind === "draw" ? 1 : draft.perAccountLimit,
      waitlistOfferMinutes: draft.waitlistOfferMinutes,
      reminderMinutes: draft.reminderMinutes,
      totalQuantity,
      kind: draft.kind,
      purchaseWindowMinutes: draft.kind === "draw" ? (draft.purchaseWindowMinutes ?? null) : null,
      drawSeed: seed,
      drawCommitment: seed ? drawCommitment(seed) : null,
      eligibleCreatedBefore: draft.eligibleCreatedBefore ?? null,
      minLifetimePoints: minLifetimePointsFor(draft.minTier),
      ...earlyAccessColumns(draft.earlyAccess),
    })
    .onConflictDoNothing({ target: sales.slug })
    .returning({ id: sales.id });
  if (!sale) {
    return fail("slug_taken", "Another sale already uses that address.", {
      fieldErrors: { slug: ["Choose another slug."] },
    });
  }
  await insertSaleStock(tx, { saleId: sale.id, draft, currencyOf: checked.currencyOf });
  return ok({ saleId: sale.id, slug: draft.slug, totalQuantity });
}

/**
 * Creates a sale from a typed draft (QA, benchmarks, tests) in one transaction. No audit entry: no marketer is
 * behind it (the console's create is `createSaleFromForm`).
 */
export async function createSale(db: Db, input: unknown): Promise<Result<CreatedSale, CreateSaleCode>> {
  const parsed = parseWith(saleDraftSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction((tx) => insertSale(tx, parsed.data));
}

/** The create form, checked: the product read for its versions, the draft parsed, the start ahead. */
async function readNewSaleForm(
  db: Db,
  { raw, timeZone, now }: { raw: Record<string, string>; timeZone: string; now: Date },
): Promise<Result<{ draft: SaleDraft }>> {
  const identity = parseNewSaleIdentity(raw, timeZone);
  const errors: FieldErrors = { ...identity.fieldErrors };
  const [product] =
    identity.productId === undefined
      ? []
      : await db.select({ id: products.id }).from(products).where(eq(products.id, identity.productId));
  if (identity.productId !== undefined && !product) {
    addFieldError(errors, "productId", "Choose a product from the catalogue.");
  }
  const productSkus = product
    ? await db
        .select({ id: skus.id, currency: skus.currency, everydayPriceMinor: skus.priceMinor })
        .from(skus)
        .where(eq(skus.productId, product.id))
        .orderBy(asc(skus.position), asc(skus.id))
    : [];
  const parsed = parseSaleForm(raw, { timeZone, skus: productSkus });
  if (!parsed.ok) {
    for (const [field, messages] of Object.entries(parsed.fieldErrors)) {
      for (const message of messages) addFieldError(errors, field, message);
    }
  } else {
    const ahead = startAheadError(parsed.value.times.startsAt.at, now, timeZone);
    if (ahead) addFieldError(errors, "startsAt", ahead);
  }
  const { slug, status, rules } = identity;
  if (parsed.ok && rules?.kind === "draw" && parsed.value.skus.length !== 1) {
    addFieldError(errors, "skus", DRAW_ONE_VERSION);
  }
  if (parsed.ok && rules?.kind === "draw" && parsed.value.earlyAccess) {
    addFieldError(errors, "earlyAccessTier", EARLY_ACCESS_DRAW);
  }
  if (Object.keys(errors).length > 0 || !parsed.ok || !product || !slug || !status) return invalid(errors);
  return ok({ draft: draftFromForm({ productId: product.id, slug, status, rules }, parsed.value) });
}

type FormCreated = Success<{ message: string; saleId: string; slug: string; duplicate: boolean }>;

/** Claims the form's one-time key: the claim's audit row, or the first submit's answer for a repeat. */
async function claimCreateKey(
  tx: Tx,
  { actor, requestKey }: { actor: Actor; requestKey: string },
): Promise<{ claimId: number; repeat?: undefined } | { repeat: FormCreated }> {
  const claim = await claimRequestKey(tx, { actor, requestKey, action: "sale.create", entityType: "sale" });
  if (claim.claimed) return { claimId: claim.id };
  const [first] = claim.entityId
    ? await tx.select({ slug: sales.slug }).from(sales).where(eq(sales.id, claim.entityId))
    : [];
  if (!claim.entityId || !first) {
    throw new Refusal(fail("conflict", "This form was already sent. Reload the page."));
  }
  return {
    repeat: ok({
      message: "This sale was already created.",
      saleId: claim.entityId,
      slug: first.slug,
      duplicate: true,
    }),
  };
}

/** `insertSale` names version rows by position; the form names them by SKU id. */
function withFormFieldNames(failure: Failure, draft: SaleDraft): Failure {
  const mapped: FieldErrors = {};
  for (const [key, messages] of Object.entries(failure.fieldErrors ?? {})) {
    const m = /^skus\.(\d+)\./.exec(key);
    const line = m ? draft.skus[Number(m[1])] : undefined;
    mapped[line ? skuField(line.skuId, "include") : key] = messages;
  }
  return fail(failure.code, failure.message, { fieldErrors: mapped });
}

async function auditSaleCreated(
  tx: Tx,
  {
    actor,
    claimId,
    draft,
    created,
    timeZone,
  }: { actor: Actor; claimId: number | null; draft: SaleDraft; created: CreatedSale; timeZone: string },
) {
  const versions = `${draft.skus.length} ${draft.skus.length === 1 ? "version" : "versions"}`;
  const summary = `Created ${draft.status === "draft" ? "draft " : ""}${draft.kind === "draw" ? "draw " : ""}sale “${draft.name}”: ${number.format(
    created.totalQuantity,
  )} units in ${versions}, starts ${formatStoreDateTime(draft.startsAt, timeZone)}`;
  const diff: AuditDiff = {
    slug: { from: null, to: draft.slug },
    status: { from: null, to: draft.status },
    startsAt: { from: null, to: draft.startsAt.toISOString() },
    endsAt: { from: null, to: draft.endsAt.toISOString() },
    totalQuantity: { from: null, to: created.totalQuantity },
    ...(draft.kind === "draw" ? { kind: { from: null, to: "draw" } } : {}),
  };
  if (claimId !== null) {
    await completeClaimedAudit(tx, claimId, { entityId: created.saleId, summary, diff });
    return;
  }
  await writeAudit(tx, {
    actor,
    action: "sale.create",
    entityType: "sale",
    entityId: created.saleId,
    summary,
    diff,
  });
}

/**
 * A marketer creates a sale from the console form: validated field by field, written with its stock buckets and
 * the audit entry in one transaction. The form's one-time `requestKey` makes a double submit return the first
 * sale instead of making a second (or failing on the address).
 */
export async function createSaleFromForm(
  db: Db,
  { actor, raw, timeZone, now }: { actor: Actor; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<FormCreated | Failure> {
  const checked = await readNewSaleForm(db, { raw, timeZone, now });
  if (!checked.ok) return checked;
  const { draft } = checked;
  const requestKey = parseRequestKey(raw.requestKey);
  return refusable(() =>
    db.transaction(async (tx) => {
      const claim = requestKey ? await claimCreateKey(tx, { actor, requestKey }) : null;
      if (claim?.repeat) return claim.repeat;
      const created = await insertSale(tx, draft);
      if (!created.ok) throw new Refusal(withFormFieldNames(created, draft));
      await auditSaleCreated(tx, { actor, claimId: claim?.claimId ?? null, draft, created, timeZone });
      return ok({ message: "Sale created.", saleId: created.saleId, slug: created.slug, duplicate: false });
    }),
  );
}

// ─── Publish, end, feature ───────────────────────────────────────────────────

/** Serialises feature changes across instances (any constant unique to this use). */
const FEATURE_LOCK = 7_304_113;

type SaleCommandDone = Success<{ message: string; saleId: string; slug: string }>;

/** A draft becomes scheduled: fans see it and it runs by its times. Idempotent. */
export async function publishSale(
  db: Db,
  { actor, saleId, now, timeZone }: { actor: Actor; saleId: string; now: Date; timeZone: string },
): Promise<SaleCommandDone | Failure> {
  const sale = await getSaleForEdit(db, { saleId });
  if (!sale) return saleNotFound();
  const done = (message: string) => ok({ message, saleId, slug: sale.slug });
  if (sale.status === "scheduled") return done("This sale is already scheduled.");
  if (sale.status === "ended") return fail("sale_ended", "This sale has ended; it can't be scheduled again.");
  if (sale.startsAt.getTime() <= now.getTime()) {
    return fail(
      "start_passed",
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
    if (rows.length === 0) return done("This sale is already scheduled.");
    await writeAudit(tx, {
      actor,
      action: "sale.publish",
      entityType: "sale",
      entityId: saleId,
      summary: `Scheduled sale “${sale.name}” (was a draft)`,
      diff: { status: { from: "draft", to: "scheduled" } },
    });
    return done("Scheduled: fans can see the sale now.");
  });
}

/**
 * Ends a sale now: no more reservations or registrations. Units already held can still be paid for (their
 * holds expire as usual). Also takes it off the featured spot. Idempotent.
 */
export async function endSale(
  db: Db,
  { actor, saleId, now }: { actor: Actor; saleId: string; now: Date },
): Promise<SaleCommandDone | Failure> {
  return inTransactionById(db, saleId, saleNotFound, async (tx) => {
    const rows = await queryRows<{ name: string; slug: string; status: string; featured: boolean }>(
      tx,
      sql`
        update sales s set status = 'ended', featured = false, updated_at = now()
        from (select id, status, featured from sales where id = ${saleId}::uuid for update) old
        where s.id = old.id and old.status <> 'ended'
        returning s.name, s.slug, old.status, old.featured`,
    );
    const row = rows[0];
    if (!row) {
      const [exists] = await tx.select({ slug: sales.slug }).from(sales).where(eq(sales.id, saleId));
      return exists
        ? ok({ message: "This sale had already ended.", saleId, slug: exists.slug })
        : saleNotFound();
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
    return ok({ message: "The sale has ended.", saleId, slug: row.slug });
  });
}

const chooseSale = (message = "Choose a sale from the list.") => invalid({ saleId: [message] });

/** The sale to feature, locked: scheduled and not ended, else a refusal (thrown, to roll back the lock). */
async function lockFeatureTarget(tx: Tx, { saleId, now }: { saleId: string; now: Date }): Promise<string> {
  const [sale] = await tx
    .select({ name: sales.name, status: sales.status, endsAt: sales.endsAt })
    .from(sales)
    .where(eq(sales.id, saleId))
    .for("update");
  if (!sale) throw new Refusal(chooseSale());
  if (sale.status !== "scheduled" || sale.endsAt.getTime() <= now.getTime()) {
    throw new Refusal(
      chooseSale(
        sale.status === "draft"
          ? "That sale is a draft: schedule it before featuring it."
          : "That sale has ended: choose one that is coming or running.",
      ),
    );
  }
  return sale.name;
}

/**
 * Makes one sale the featured one (the homepage prefers it when no schedule entry says otherwise), or none.
 * One statement sets the flag on the chosen sale and clears it everywhere else, so two are never featured.
 */
export async function setFeaturedSale(
  db: Db,
  { actor, saleId, now }: { actor: Actor; saleId: string | null; now: Date },
): Promise<Success<{ message: string }> | Failure> {
  if (saleId !== null && !isUuid(saleId)) return chooseSale();
  return refusable(() =>
    db.transaction(async (tx) => {
      // Feature changes queue behind each other: two at once could otherwise each clear only what they saw.
      await tx.execute(sql`select pg_advisory_xact_lock(${FEATURE_LOCK}::bigint)`);
      const name = saleId ? await lockFeatureTarget(tx, { saleId, now }) : null;
      const changed = await queryRows<{ id: string; name: string; featured: boolean }>(
        tx,
        sql`
          update sales set featured = (id = ${saleId ?? null}::uuid) is true, updated_at = now()
          where (featured or id = ${saleId ?? null}::uuid) and featured is distinct from ((id = ${saleId ?? null}::uuid) is true)
          returning id, name, featured`,
      );
      if (changed.length === 0) {
        return ok({ message: name ? `“${name}” is already the featured sale.` : "No sale is featured." });
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
      return ok({ message: name ? `“${name}” is now the featured sale.` : "No sale is featured now." });
    }),
  );
}
