import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { AuditDiff } from "@/db/schema";
import { saleBuckets, saleSkus } from "@/db/schema";
import { type Actor, diffRecords, writeAudit } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db";
import { formatMoneyInput } from "@/lib/money-input";
import {
  addFieldError,
  type Failure,
  fail,
  invalid,
  ok,
  Refusal,
  refusable,
  type Success,
} from "@/lib/result";
import { saleNotFound } from "./commands";
import { getSaleForEdit, type SaleForEdit, type SaleSkuForEdit } from "./console-queries";
import {
  earlyAccessColumns,
  parseRulesEdit,
  parseSaleForm,
  type SaleFormSku,
  type SaleFormValue,
  type SaleRulesEdit,
  skuField,
} from "./draft";
import type { SaleTimeField } from "./draft-fields";
import {
  checkRulesEdit,
  checkSaleEdit,
  quantityFloorMessage,
  resolveEditedTimes,
  rulesLockedMessage,
  SALE_ENDED,
  saleEditStage,
} from "./edit-policy";
import { growSaleSku, readSkuStock, shrinkSaleSku } from "./quantity";
import { DEFAULT_BUCKET_COUNT, splitIntoBuckets } from "./rules";
import { recordSoldOutIfEmpty } from "./sold-out";
import { forgetSoldOut } from "./sold-out-memo";

/*
 * A marketer edits a sale. What may change, and when, is ./edit-policy's; this is the write: one transaction with
 * the stock buckets (see ./quantity), the sale's versions, the sale row (conditional on what the form was checked
 * against) and the audit entry, or nothing.
 */

type SaleUpdated = Success<{ message: string; saleId: string; slug: string; changed: boolean }>;

interface EditPlan {
  actor: Actor;
  current: SaleForEdit;
  value: SaleFormValue;
  times: Record<SaleTimeField, Date>;
  rules: SaleRulesEdit;
  started: boolean;
  now: Date;
}

const changedMeanwhile = () =>
  new Refusal(
    fail(
      "conflict",
      "This sale changed while you were editing it (it may have started). Reload the page and try again.",
    ),
  );

const tooBusy = () =>
  new Refusal(
    fail("unavailable", "So many fans are buying right now that the change didn't go through. Try again."),
  );

/** Versions taken out (only before the start, when nobody can hold a unit yet). */
async function removeVersions(tx: Tx, plan: EditPlan, before: Map<number, SaleSkuForEdit>, diff: AuditDiff) {
  const saleId = plan.current.id;
  const wanted = new Set(plan.value.skus.map((s) => s.skuId));
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
    if (removed.length === 0) throw changedMeanwhile();
    diff[`${old.label} quantity`] = { from: old.quantity, to: 0 };
  }
}

async function addVersions(tx: Tx, plan: EditPlan, before: Map<number, SaleSkuForEdit>, diff: AuditDiff) {
  const saleId = plan.current.id;
  const currentSkus = new Map(plan.current.skus.map((s) => [s.skuId, s]));
  let position = before.size;
  for (const line of plan.value.skus) {
    if (before.has(line.skuId)) continue;
    const sku = currentSkus.get(line.skuId);
    if (!sku) throw changedMeanwhile();
    const buckets = splitIntoBuckets(line.quantity, DEFAULT_BUCKET_COUNT);
    await tx.insert(saleSkus).values({
      saleId,
      skuId: line.skuId,
      quantity: line.quantity,
      salePriceMinor: line.salePriceMinor,
      currency: sku.currency,
      bucketCount: buckets.length,
      position: position++,
    });
    await tx.insert(saleBuckets).values(
      buckets.map((quantity, bucket) => ({
        saleId,
        skuId: line.skuId,
        bucket,
        quantity,
        available: quantity,
      })),
    );
    diff[`${sku.label} quantity`] = { from: 0, to: line.quantity };
    diff[`${sku.label} price`] = { from: null, to: formatMoneyInput(line.salePriceMinor, sku.currency) };
  }
}

/** Grows or shrinks one kept version's buckets to the wanted quantity; true when units were taken out. */
async function resizeVersion(
  tx: Tx,
  saleId: string,
  line: SaleFormSku,
): Promise<{ from: number; shrunk: boolean }> {
  const { skuId } = line;
  const stock = await readSkuStock(tx, { saleId, skuId });
  const delta = line.quantity - stock.quantity;
  if (delta > 0 && !(await growSaleSku(tx, { saleId, skuId, units: delta }))) throw tooBusy();
  if (delta < 0) {
    const shrink = await shrinkSaleSku(tx, { saleId, skuId, units: -delta });
    if (!shrink.ok) {
      throw shrink.reason === "busy"
        ? tooBusy()
        : new Refusal(invalid({ [skuField(skuId, "quantity")]: [quantityFloorMessage(shrink.floor)] }));
    }
  }
  return { from: stock.quantity, shrunk: delta < 0 };
}

/** Versions kept: stock first (bucket rows, then sale_skus, then the sale: the order every writer uses). */
async function updateKeptVersions(
  tx: Tx,
  plan: EditPlan,
  before: Map<number, SaleSkuForEdit>,
  diff: AuditDiff,
): Promise<boolean> {
  const saleId = plan.current.id;
  let shrunk = false;
  for (const line of plan.value.skus) {
    const old = before.get(line.skuId);
    if (!old) continue;
    const resized = await resizeVersion(tx, saleId, line);
    shrunk ||= resized.shrunk;
    if (resized.from !== line.quantity)
      diff[`${old.label} quantity`] = { from: resized.from, to: line.quantity };
    if (line.salePriceMinor !== old.salePriceMinor) {
      diff[`${old.label} price`] = {
        from: formatMoneyInput(old.salePriceMinor, old.currency),
        to: formatMoneyInput(line.salePriceMinor, old.currency),
      };
    }
    await tx.execute(sql`
      update sale_skus set sale_price_minor = ${line.salePriceMinor}::int,
        quantity = (select sum(quantity) from sale_buckets
          where sale_id = ${saleId}::uuid and sku_id = ${line.skuId}::int)
      where sale_id = ${saleId}::uuid and sku_id = ${line.skuId}::int`);
  }
  return shrunk;
}

/**
 * The sale row, conditional on what the form was checked against: the status, the start, and (before the start)
 * that the start is still ahead. A sale that started or was ended meanwhile changes nothing.
 */
async function updateSaleRow(tx: Tx, plan: EditPlan, diff: AuditDiff) {
  const { current, value, times, rules, started, now } = plan;
  const next = {
    ...rules,
    name: value.name,
    headline: value.headline,
    perAccountLimit: value.perAccountLimit,
    waitlistOfferMinutes: value.waitlistOfferMinutes,
    reminderMinutes: value.reminderMinutes,
    registrationOpensAt: times.registrationOpensAt,
    registrationClosesAt: times.registrationClosesAt,
    startsAt: times.startsAt,
    endsAt: times.endsAt,
  };
  Object.assign(diff, diffRecords({ ...current }, next));
  const lane = earlyAccessColumns(value.earlyAccess);
  const laneText = (l: typeof current.earlyAccess) =>
    l ? `${l.minTier} and above, ${l.minutes} min early, ${l.quota} units` : "none";
  if (laneText(current.earlyAccess) !== laneText(value.earlyAccess)) {
    diff.earlyAccess = { from: laneText(current.earlyAccess), to: laneText(value.earlyAccess) };
  }
  const nowIso = now.toISOString();
  const [updated] = await queryRows<{ totalQuantity: number }>(
    tx,
    sql`
      update sales set name = ${next.name}, headline = ${next.headline},
        per_account_limit = ${next.perAccountLimit}::int,
        waitlist_offer_minutes = ${next.waitlistOfferMinutes}::int,
        reminder_minutes = ${next.reminderMinutes}::int,
        purchase_window_minutes = ${next.purchaseWindowMinutes}::int,
        eligible_created_before = ${next.eligibleCreatedBefore?.toISOString() ?? null}::timestamptz,
        min_lifetime_points = ${next.minLifetimePoints}::int,
        registration_opens_at = ${next.registrationOpensAt.toISOString()}::timestamptz,
        registration_closes_at = ${next.registrationClosesAt.toISOString()}::timestamptz,
        starts_at = ${next.startsAt.toISOString()}::timestamptz,
        ends_at = ${next.endsAt.toISOString()}::timestamptz,
        early_access_min_points = ${lane.earlyAccessMinPoints}::int,
        early_access_minutes = ${lane.earlyAccessMinutes}::int,
        early_access_quota = ${lane.earlyAccessQuota}::int,
        total_quantity = (select sum(quantity) from sale_skus where sale_id = ${current.id}::uuid),
        updated_at = now()
      where id = ${current.id}::uuid and status = ${current.status}::sale_status
        and starts_at = ${current.startsAt.toISOString()}::timestamptz
        and ends_at > ${nowIso}::timestamptz
        ${started ? sql`` : sql`and (status = 'draft' or starts_at > ${nowIso}::timestamptz)`}
        ${rulesChanged(current, next) ? sql`and drawn_at is null and registration_closes_at > ${nowIso}::timestamptz` : sql``}
      returning total_quantity as "totalQuantity"`,
  );
  if (!updated) throw changedMeanwhile();
  if (updated.totalQuantity !== current.totalQuantity) {
    diff.totalQuantity = { from: current.totalQuantity, to: updated.totalQuantity };
  }
}

/**
 * The edit touches registration's rules (a draw's close time or window, the eligibility): the write then also
 * requires registration still open and no draw run, so a draw that began meanwhile (it locks the sale row) wins.
 */
function rulesChanged(current: SaleForEdit, next: SaleRulesEdit & { registrationClosesAt: Date }): boolean {
  const instant = (d: Date | null) => d?.getTime() ?? null;
  return (
    (current.kind === "draw" &&
      (instant(next.registrationClosesAt) !== instant(current.registrationClosesAt) ||
        next.purchaseWindowMinutes !== current.purchaseWindowMinutes)) ||
    instant(next.eligibleCreatedBefore) !== instant(current.eligibleCreatedBefore) ||
    next.minLifetimePoints !== current.minLifetimePoints
  );
}

async function applySaleEdit(tx: Tx, plan: EditPlan): Promise<SaleUpdated> {
  const { actor, current } = plan;
  const diff: AuditDiff = {};
  const before = new Map(current.skus.filter((s) => s.included).map((s) => [s.skuId, s]));
  await removeVersions(tx, plan, before, diff);
  await addVersions(tx, plan, before, diff);
  const shrunk = await updateKeptVersions(tx, plan, before, diff);
  await updateSaleRow(tx, plan, diff);
  if (shrunk && plan.started) await recordSoldOutIfEmpty(tx, { saleId: current.id, now: plan.now });

  const changed = Object.keys(diff).length > 0;
  if (changed) {
    await writeAudit(tx, {
      actor,
      action: "sale.update",
      entityType: "sale",
      entityId: current.id,
      summary: `Edited sale “${plan.value.name}”: ${Object.keys(diff).join(", ")}`,
      diff,
    });
  }
  return ok({
    message: changed ? "Saved." : "Nothing to save: the sale is as you left it.",
    saleId: current.id,
    slug: current.slug,
    changed,
  });
}

/**
 * A marketer edits a sale from the console form: parsed by ./draft, allowed or refused by ./edit-policy, then
 * written in one transaction (`applySaleEdit`).
 */
export async function updateSaleFromForm(
  db: Db,
  {
    actor,
    saleId,
    raw,
    timeZone,
    now,
  }: { actor: Actor; saleId: string; raw: Record<string, string>; timeZone: string; now: Date },
): Promise<SaleUpdated | Failure> {
  const current = await getSaleForEdit(db, { saleId });
  if (!current) return saleNotFound();
  const stage = saleEditStage(current, now);
  if (stage === "ended") return fail("sale_ended", SALE_ENDED);
  const parsed = parseSaleForm(raw, {
    timeZone,
    skus: current.skus.map((s) => ({
      id: s.skuId,
      currency: s.currency,
      everydayPriceMinor: s.everydayPriceMinor,
    })),
    savedPrices: new Map(current.skus.filter((s) => s.included).map((s) => [s.skuId, s.salePriceMinor])),
  });
  const parsedRules = parseRulesEdit(raw, { timeZone, kind: current.kind, current });
  if (!parsed.ok || !parsedRules.ok) {
    return invalid({
      ...(parsed.ok ? {} : parsed.fieldErrors),
      ...(parsedRules.ok ? {} : parsedRules.fieldErrors),
    });
  }
  const value = parsed.value;
  const rules = parsedRules.value;
  const times = resolveEditedTimes(current, value.times, timeZone);
  const ruling = checkRulesEdit({
    current,
    wanted: { ...rules, registrationClosesAt: times.registrationClosesAt },
    now,
    timeZone,
  });
  // Past the commitment point: refused as such, whatever else the form asked.
  if (ruling.locked) {
    return fail("registration_closed", rulesLockedMessage(current, timeZone), { fieldErrors: ruling.errors });
  }
  const errors = checkSaleEdit({
    current,
    wanted: {
      times,
      perAccountLimit: value.perAccountLimit,
      skus: value.skus,
      earlyAccess: value.earlyAccess,
    },
    stage,
    now,
    timeZone,
  });
  for (const [field, messages] of Object.entries(ruling.errors)) {
    for (const message of messages) addFieldError(errors, field, message);
  }
  if (Object.keys(errors).length > 0) return invalid(errors);
  const plan = { actor, current, value, times, rules, started: stage === "running", now };
  const result = await refusable(() => db.transaction((tx) => applySaleEdit(tx, plan)));
  // New times or versions: this instance's remembered answers about the sale go (others' within a second).
  forgetSoldOut(current.id);
  return result;
}
