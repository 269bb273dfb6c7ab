import { formatMoneyInput } from "@/lib/money-input";
import { addFieldError, type FieldErrors } from "@/lib/result";
import { formatStoreDateTime, toStoreInputValue } from "@/lib/store-time";
import type { EarlyAccess, SaleFormSku, TimeValue } from "./draft";
import { SALE_TIME_FIELDS, type SaleTimeField, skuField } from "./draft-fields";

/**
 * What may change about a sale, and when. Before the start everything but the product and the address can
 * change. Once the sale has started, the price of each version, the start and the registration window are
 * locked, versions can be neither added nor removed, the per-account limit can only rise, the end must stay
 * ahead, and a version's quantity can grow but never drop below the units held or sold at that moment. An ended
 * sale cannot change. Pure: the clock and the sale's figures are inputs, so every rule is tested without a
 * database (the database re-checks the quantity floor and the start when it writes).
 */

const number = new Intl.NumberFormat("en-US");

/** A started sale: scheduled and past its start. Drafts never start, however their times read. */
export function hasStarted(sale: { status: string; startsAt: Date }, now: Date): boolean {
  return sale.status !== "draft" && sale.startsAt.getTime() <= now.getTime();
}

export function hasEnded(sale: { status: string; endsAt: Date }, now: Date): boolean {
  return sale.status === "ended" || sale.endsAt.getTime() <= now.getTime();
}

export type SaleEditStage = "before_start" | "running" | "ended";

export function saleEditStage(
  sale: { status: string; startsAt: Date; endsAt: Date },
  now: Date,
): SaleEditStage {
  if (hasEnded(sale, now)) return "ended";
  return hasStarted(sale, now) ? "running" : "before_start";
}

export const SALE_ENDED = "This sale has ended, so it can no longer change.";

/** A new or not-yet-started sale must start in the future; the message names the store's "now". */
export function startAheadError(startsAt: Date, now: Date, timeZone: string): string | null {
  return startsAt.getTime() <= now.getTime()
    ? `The start must be in the future (it is ${formatStoreDateTime(now, timeZone)}).`
    : null;
}

export const quantityFloorMessage = (floor: number) =>
  `At least ${number.format(floor)}: that many units are held or sold right now.`;

/** The sale as it is now, as far as the policy needs it. */
export interface SaleEditCurrent extends Record<SaleTimeField, Date> {
  status: "draft" | "scheduled" | "ended";
  perAccountLimit: number;
  /** Absent: first come. */
  kind?: "first_come" | "draw";
  /** The early-access lane as saved (null or absent: none). */
  earlyAccess?: EarlyAccess | null;
  skus: {
    skuId: number;
    included: boolean;
    salePriceMinor: number;
    currency: string;
    held: number;
    sold: number;
  }[];
}

/** The times the form asks for: a time left as it was keeps its stored instant exactly (inputs show minutes). */
export function resolveEditedTimes(
  current: Record<SaleTimeField, Date>,
  wanted: Record<SaleTimeField, TimeValue>,
  timeZone: string,
): Record<SaleTimeField, Date> {
  return Object.fromEntries(
    SALE_TIME_FIELDS.map((f) => [
      f,
      wanted[f].text === toStoreInputValue(current[f], timeZone) ? current[f] : wanted[f].at,
    ]),
  ) as Record<SaleTimeField, Date>;
}

export interface SaleEditRequest {
  times: Record<SaleTimeField, Date>;
  perAccountLimit: number;
  skus: SaleFormSku[];
  /** The lane asked for; absent: left as it is. */
  earlyAccess?: EarlyAccess | null;
}

/** When a sale's early-access lane opens, or null for none (or a draft, which never opens). */
export function earlyAccessOpensAt(sale: {
  status: string;
  startsAt: Date;
  earlyAccess?: EarlyAccess | null;
}): Date | null {
  if (!sale.earlyAccess || sale.status === "draft") return null;
  return new Date(sale.startsAt.getTime() - sale.earlyAccess.minutes * 60_000);
}

/** Why the lane can no longer change at `now` (it opened, or the sale started), or null while it can. */
export function earlyAccessLock(
  current: Pick<SaleEditCurrent, "status" | "startsAt" | "earlyAccess">,
  now: Date,
  timeZone: string,
): string | null {
  const opened = earlyAccessOpensAt(current);
  if (opened && opened.getTime() <= now.getTime()) {
    return `Locked: the early-access lane opened at ${formatStoreDateTime(opened, timeZone)}.`;
  }
  if (current.status !== "draft" && current.startsAt.getTime() <= now.getTime()) {
    return `Locked: the sale started at ${formatStoreDateTime(current.startsAt, timeZone)}.`;
  }
  return null;
}

const sameLane = (a: EarlyAccess | null | undefined, b: EarlyAccess | null | undefined) =>
  (a ?? null) === (b ?? null) ||
  (!!a && !!b && a.minTier === b.minTier && a.minutes === b.minutes && a.quota === b.quota);

/**
 * The lane's rules for an edit: a draw has none; once the lane has opened (or the sale started) it is locked, since
 * fans may already hold units from it; before that it may change freely.
 */
function checkEarlyAccessEdit(
  current: SaleEditCurrent,
  wanted: SaleEditRequest,
  now: Date,
  timeZone: string,
  errors: FieldErrors,
) {
  if (wanted.earlyAccess === undefined || sameLane(current.earlyAccess, wanted.earlyAccess)) return;
  if (wanted.earlyAccess && current.kind === "draw") {
    addFieldError(errors, "earlyAccessTier", "A draw has no early-access lane: choose no early access.");
    return;
  }
  const locked = earlyAccessLock(current, now, timeZone);
  if (locked) addFieldError(errors, "earlyAccessTier", locked);
}

/**
 * The field errors an edit earns at `stage` (empty: allowed). `stage` is `saleEditStage(current, now)`; an ended
 * sale is refused before its form is read (`SALE_ENDED`).
 */
export function checkSaleEdit({
  current,
  wanted,
  stage,
  now,
  timeZone,
}: {
  current: SaleEditCurrent;
  wanted: SaleEditRequest;
  stage: Exclude<SaleEditStage, "ended">;
  now: Date;
  timeZone: string;
}): FieldErrors {
  const errors: FieldErrors = {};
  checkEarlyAccessEdit(current, wanted, now, timeZone, errors);
  if (stage === "before_start") {
    const ahead = startAheadError(wanted.times.startsAt, now, timeZone);
    if (ahead) addFieldError(errors, "startsAt", ahead);
    return errors;
  }
  const startedAt = formatStoreDateTime(current.startsAt, timeZone);
  for (const f of ["registrationOpensAt", "registrationClosesAt", "startsAt"] as const) {
    if (wanted.times[f].getTime() !== current[f].getTime()) {
      addFieldError(errors, f, `Locked: the sale started at ${startedAt}.`);
    }
  }
  if (wanted.times.endsAt.getTime() <= now.getTime()) {
    addFieldError(errors, "endsAt", "Choose an end in the future, or use “End sale now”.");
  }
  if (wanted.perAccountLimit < current.perAccountLimit) {
    addFieldError(
      errors,
      "perAccountLimit",
      `Once the sale has started the limit can only rise (it is ${current.perAccountLimit}).`,
    );
  }
  checkRunningVersions(current, wanted, errors);
  return errors;
}

/** Running sale: the same versions, prices as they were, quantities not below what is held or sold. */
function checkRunningVersions(current: SaleEditCurrent, wanted: SaleEditRequest, errors: FieldErrors) {
  const before = new Map(current.skus.filter((s) => s.included).map((s) => [s.skuId, s]));
  const asked = new Map(wanted.skus.map((s) => [s.skuId, s]));
  const sameSet = asked.size === before.size && [...asked.keys()].every((id) => before.has(id));
  if (!sameSet)
    addFieldError(errors, "skus", "Versions can't be added or removed once the sale has started.");
  for (const [skuId, line] of asked) {
    const old = before.get(skuId);
    if (!old) continue;
    if (line.salePriceMinor !== old.salePriceMinor) {
      addFieldError(
        errors,
        skuField(skuId, "price"),
        `Locked at ${formatMoneyInput(old.salePriceMinor, old.currency)} since the sale started.`,
      );
    }
    const floor = old.held + old.sold;
    if (line.quantity < floor)
      addFieldError(errors, skuField(skuId, "quantity"), quantityFloorMessage(floor));
  }
}

/*
 * Who may register, and a draw's settings. Fans register under the eligibility rules, and a draw commits to its
 * entries when registration closes (runDraw may run from that instant: lib/sales/draw.ts), so registration's
 * rules stay open to change until then and are locked from then on: the account-age cutoff and the required tier
 * (any sale), and for a draw also the time registration closes and the winners' window to pay. A draw that has
 * run is past that point whatever its times say. Fans who registered before a change keep their registration.
 */

/** The rules as stored on the sale (null: none). */
export interface SaleRulesCurrent {
  kind: "first_come" | "draw";
  registrationClosesAt: Date;
  drawnAt: Date | null;
  purchaseWindowMinutes: number | null;
  eligibleCreatedBefore: Date | null;
  minLifetimePoints: number | null;
}

/** The rules an edit asks for. */
export type SaleRulesRequest = Pick<
  SaleRulesCurrent,
  "registrationClosesAt" | "purchaseWindowMinutes" | "eligibleCreatedBefore" | "minLifetimePoints"
>;

/** The commitment point has passed: registration closed (a draw's entries are final) or the draw ran. */
export function registrationHasClosed(
  sale: { registrationClosesAt: Date; drawnAt: Date | null },
  now: Date,
): boolean {
  return sale.drawnAt !== null || sale.registrationClosesAt.getTime() <= now.getTime();
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * The field errors an edit of registration's rules earns, and whether they come from the lock (`locked`: the
 * commitment point has passed and the edit tried to change a locked rule) rather than from a bad value.
 */
export function checkRulesEdit({
  current,
  wanted,
  now,
  timeZone,
}: {
  current: SaleRulesCurrent;
  wanted: SaleRulesRequest;
  now: Date;
  timeZone: string;
}): { errors: FieldErrors; locked: boolean } {
  const errors: FieldErrors = {};
  const draw = current.kind === "draw";
  const changed = {
    registrationClosesAt: draw && !sameInstant(wanted.registrationClosesAt, current.registrationClosesAt),
    purchaseWindowMinutes: draw && wanted.purchaseWindowMinutes !== current.purchaseWindowMinutes,
    eligibleCreatedBefore: !sameInstant(wanted.eligibleCreatedBefore, current.eligibleCreatedBefore),
    minTier: wanted.minLifetimePoints !== current.minLifetimePoints,
  };
  if (registrationHasClosed(current, now)) {
    const why = rulesLockedMessage(current, timeZone);
    for (const [field, moved] of Object.entries(changed)) if (moved) addFieldError(errors, field, why);
    return { errors, locked: Object.keys(errors).length > 0 };
  }
  if (changed.registrationClosesAt && wanted.registrationClosesAt.getTime() <= now.getTime()) {
    addFieldError(
      errors,
      "registrationClosesAt",
      `Registration must close in the future (it is ${formatStoreDateTime(now, timeZone)}): the draw runs once it has closed.`,
    );
  }
  return { errors, locked: false };
}

/** Why registration's rules can no longer change, in a sentence for the field and the form. */
export function rulesLockedMessage(
  sale: { kind: "first_come" | "draw"; registrationClosesAt: Date; drawnAt: Date | null },
  timeZone: string,
): string {
  if (sale.drawnAt) {
    return `Locked: the draw ran at ${formatStoreDateTime(sale.drawnAt, timeZone)}, from the entries registered under these settings.`;
  }
  const closed = formatStoreDateTime(sale.registrationClosesAt, timeZone);
  return sale.kind === "draw"
    ? `Locked: registration closed at ${closed}, so the draw is committed to its entries and settings.`
    : `Locked: registration closed at ${closed}, and fans registered under these rules.`;
}
