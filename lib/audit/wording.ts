import type { AuditDiff } from "@/db/schema";
import { orderNumber } from "@/lib/ids";
import { formatStoreDateTime, formatStoreDay } from "@/lib/store-time";

/**
 * The audit log in words a person reads: "Mara Chen changed the sale price of Kite 9 Pro (Graphite · 12 GB +
 * 256 GB) from ¥3,999 to ¥3,499". Pure (the list query joins in the names), so every kind is unit-tested.
 *
 * To word a new kind, add one entry to `AUDIT_KINDS` (its key is the `action` the writer records) and a test
 * case; a kind without an entry still gets a readable generic sentence (`genericWording`).
 */

/** One audit row as the wording needs it. */
export interface AuditFacts {
  action: string;
  /** The marketer's name (their email when the account is gone). */
  actorName: string;
  entityType: string;
  entityId: string;
  /** The writer's own one-line summary (kept as a detail, and the fallback's). */
  summary: string;
  diff: AuditDiff;
  /** Names the list query joins in: a sale's name, its product and currency; a product's name. */
  subject?: { name?: string | null; productName?: string | null; currency?: string | null } | undefined;
}

export interface AuditWording {
  /** The whole change in one sentence, starting with who. */
  sentence: string;
  /** Further lines when one entry changed several things (each a clause without the actor). */
  details: string[];
}

export interface WordingOptions {
  timeZone: string;
}

type Describe = (entry: AuditFacts, options: WordingOptions) => string | { clauses: string[] };

/** One kind of change: its name in the log's filter, and its sentence (without the actor). */
export interface AuditKind {
  label: string;
  describe: Describe;
}

const number = new Intl.NumberFormat("en-US");

/** A price as the sale's diff records it ("3999.00") → "¥3,999"; decimals only when there are some. */
function money(amount: unknown, currency: string | null | undefined): string {
  const value = Number(String(amount ?? ""));
  if (amount === null || amount === "" || !Number.isFinite(value)) return String(amount ?? "—");
  const digits = Number.isInteger(value) ? 0 : 2;
  return new Intl.NumberFormat("en-US", {
    ...(currency ? { style: "currency", currency, currencyDisplay: "narrowSymbol" } : {}),
    minimumFractionDigits: digits,
    maximumFractionDigits: 2,
  }).format(value);
}

function when(value: unknown, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? formatStoreDateTime(date, timeZone) : String(value ?? "—");
}

const quoted = (value: unknown) =>
  value === null || value === undefined || value === "" ? "nothing" : `“${String(value)}”`;

function saleName(entry: AuditFacts): string {
  const name = entry.subject?.name;
  return name ? `sale “${name}”` : "a sale that no longer exists";
}

/** What a sale is called in a sentence about its prices and units: the product when known, else the sale. */
const productOf = (entry: AuditFacts) => entry.subject?.productName ?? saleName(entry);

const SALE_FIELDS: Record<string, string> = {
  name: "name",
  headline: "headline",
  perAccountLimit: "limit per account",
  registrationOpensAt: "registration opening",
  registrationClosesAt: "registration closing",
  startsAt: "start",
  endsAt: "end",
  purchaseWindowMinutes: "winners' minutes to pay",
  eligibleCreatedBefore: "account-age cutoff",
  minLifetimePoints: "lifetime points required to register",
};

/** Sale fields that hold an instant (shown as a store time). */
const isInstant = (field: string) => field.endsWith("At") || field === "eligibleCreatedBefore";

/** One changed field of a sale, as a clause ("changed the start of sale “Noon drop” from … to …"). */
function saleClause(
  entry: AuditFacts,
  field: string,
  change: { from: unknown; to: unknown },
  o: WordingOptions,
) {
  const currency = entry.subject?.currency;
  const version = /^(.*) (price|quantity)$/.exec(field);
  if (version) {
    const [, label, part] = version;
    const what = `${productOf(entry)} (${label})`;
    if (part === "price") {
      return change.from === null
        ? `set the sale price of ${what} to ${money(change.to, currency)}`
        : `changed the sale price of ${what} from ${money(change.from, currency)} to ${money(change.to, currency)}`;
    }
    if (change.from === 0) return `added ${what} to the sale with ${number.format(Number(change.to))} units`;
    if (change.to === 0) return `took ${what} out of the sale`;
    return `changed the units of ${what} from ${number.format(Number(change.from))} to ${number.format(Number(change.to))}`;
  }
  const label = SALE_FIELDS[field] ?? field;
  const show = (v: unknown) => (isInstant(field) ? when(v, o.timeZone) : quoted(v));
  return `changed the ${label} of ${saleName(entry)} from ${show(change.from)} to ${show(change.to)}`;
}

function saleUpdate(entry: AuditFacts, o: WordingOptions): { clauses: string[] } {
  const changes = Object.entries(entry.diff ?? {});
  // The total follows the versions' units: said only when nothing else explains it.
  const own = changes.filter(([field]) => field !== "totalQuantity");
  const clauses = (own.length > 0 ? own : changes).map(([field, change]) =>
    field === "totalQuantity"
      ? `changed the units of ${saleName(entry)} from ${number.format(Number(change.from))} to ${number.format(Number(change.to))}`
      : saleClause(entry, field, change, o),
  );
  return { clauses: clauses.length > 0 ? clauses : [`edited ${saleName(entry)}`] };
}

const orderRef = (entry: AuditFacts) => `order #${orderNumber(entry.entityId)}`;
const heroDay = (entry: AuditFacts) =>
  /^\d{4}-\d{2}-\d{2}$/.test(entry.entityId) ? formatStoreDay(entry.entityId) : entry.entityId;

const HERO_FIELDS: Record<string, string> = {
  storeDay: "day",
  saleId: "sale",
  productId: "product",
  headline: "headline",
  imageUrl: "image",
  ctaLabel: "button label",
  ctaHref: "button link",
};
const heroField = (field: string) => HERO_FIELDS[field] ?? field;

function saleCreated(e: AuditFacts): string {
  const units = e.diff.totalQuantity?.to;
  const draft = e.diff.status?.to === "draft" ? "draft " : "";
  return `created ${draft}${saleName(e)}${typeof units === "number" ? ` with ${number.format(units)} units` : ""}`;
}

function heroSet(e: AuditFacts): string {
  const fields = Object.keys(e.diff ?? {});
  const created =
    fields.length > 0 && Object.values(e.diff).every((c) => c.from === undefined || c.from === null);
  const headline = e.diff.headline?.to;
  if (created) return `scheduled the hero of ${heroDay(e)}${headline ? ` (“${String(headline)}”)` : ""}`;
  const what = fields.length > 0 ? fields.map(heroField).join(", ") : "entry";
  return `changed the ${what} of the hero of ${heroDay(e)}`;
}

function orderShipped(e: AuditFacts): string {
  const carrier = e.diff.carrier?.to;
  const tracking = e.diff.trackingNumber?.to;
  return `shipped ${orderRef(e)}${carrier ? ` with ${String(carrier)}` : ""}${tracking ? `, tracking ${String(tracking)}` : ""}`;
}

function productLimit(e: AuditFacts): string {
  const change = Object.values(e.diff ?? {})[0];
  const product = e.subject?.name ?? "a product";
  return change
    ? `changed the order limit of ${product} from ${String(change.from)} to ${String(change.to)}`
    : `changed the order limit of ${product}`;
}

/** "issued 50 F-codes “Kite Club moderators” for Kite 9 Pro (Graphite · 256 GB) in sale “Noon drop”, …". */
function fcodesIssued(e: AuditFacts, o: WordingOptions): string {
  const codes = Number(e.diff.codes?.to ?? 0);
  const quota = Number(e.diff.quota?.to ?? 0);
  const label = e.diff.batch?.to ? ` “${String(e.diff.batch.to)}”` : "";
  const version = e.diff.version?.to ? ` for ${String(e.diff.version.to)}` : "";
  const after =
    e.diff.atExpiry?.to === "keep_in_quota"
      ? "unused units stay in the quota"
      : "unused units go back to the sale";
  return `issued ${number.format(codes)} F-codes${label}${version} in ${saleName(e)}, setting ${number.format(quota)} unit${quota === 1 ? "" : "s"} aside, valid from ${when(e.diff.validFrom?.to, o.timeZone)} until ${when(e.diff.validUntil?.to, o.timeZone)}; after that ${after}`;
}

/** "Li Wei's review of Kite 9 Pro", or what is left of it once the review is gone. */
function reviewOf(e: AuditFacts): string {
  const author = e.subject?.name;
  const product = e.subject?.productName;
  if (!author || !product) return `review #${e.entityId}`;
  return `${author}'s review of ${product}`;
}

/**
 * Every kind the console writes (`AuditAction` in ./log.ts), in the filter's order. To add a kind, add its entry
 * here (and a case in wording.test.ts); until then it reads as `genericWording`.
 */
export const AUDIT_KINDS: Record<string, AuditKind> = {
  "sale.create": { label: "Sale created", describe: saleCreated },
  "sale.update": { label: "Sale edited", describe: saleUpdate },
  "sale.publish": { label: "Sale scheduled", describe: (e) => `scheduled ${saleName(e)} (it was a draft)` },
  "sale.end": { label: "Sale ended", describe: (e) => `ended ${saleName(e)} early` },
  "sale.feature": {
    label: "Sale featured",
    describe: (e) => {
      const previous = e.diff.featured?.from;
      return `featured ${saleName(e)}${previous ? ` instead of “${String(previous)}”` : ""}`;
    },
  },
  "sale.unfeature": {
    label: "Featured sale cleared",
    describe: (e) => `stopped featuring ${quoted(e.diff.featured?.from)}: no sale is featured`,
  },
  "sale.draw": {
    label: "Draw run",
    describe: (e) =>
      `ran the draw of ${saleName(e)}: ${String(e.diff.winners?.to ?? 0)} winners among ${String(e.diff.entries?.to ?? 0)} entries`,
  },
  "hero.set": { label: "Hero scheduled or changed", describe: heroSet },
  "hero.delete": {
    label: "Hero removed",
    describe: (e) => `removed the hero of ${heroDay(e)} (${quoted(e.diff.headline?.from)})`,
  },
  "order.pack": { label: "Order packed", describe: (e) => `packed ${orderRef(e)}` },
  "order.ship": { label: "Order shipped", describe: orderShipped },
  "order.deliver": { label: "Order delivered", describe: (e) => `marked ${orderRef(e)} delivered` },
  "contact.status": {
    label: "Contact message status",
    describe: (e) =>
      `marked the message from ${e.subject?.name ?? "a visitor"} ${String(e.diff.status?.to ?? "changed").replaceAll("_", " ")}`,
  },
  "product.limit": { label: "Order limit changed", describe: productLimit },
  "fcode.issue": { label: "F-codes issued", describe: fcodesIssued },
  "fcode.give": {
    label: "F-code given",
    describe: (e) =>
      `gave F-code ${String(e.diff.code?.to ?? "")} for ${saleName(e)} to ${String(e.diff.fan?.to ?? "a fan")}`,
  },
  "return.request": {
    label: "Return asked for",
    describe: (e) =>
      `asked to return ${orderRef(e)}${e.diff.reason?.to ? `: ${String(e.diff.reason.to)}` : ""}`,
  },
  "return.approve": {
    label: "Return approved",
    describe: (e) => `approved the return of ${orderRef(e)} and refunded it`,
  },
  "return.refuse": {
    label: "Return refused",
    describe: (e) =>
      `refused the return of ${orderRef(e)}${e.diff.refusalReason?.to ? `: ${String(e.diff.refusalReason.to)}` : ""}`,
  },
  "review.hide": {
    label: "Review hidden",
    describe: (e) => `hid ${reviewOf(e)}${e.diff.hidden?.to ? `: ${String(e.diff.hidden.to)}` : ""}`,
  },
  "review.show": { label: "Review shown again", describe: (e) => `showed ${reviewOf(e)} again` },
  "beta.open": {
    label: "Beta opened",
    describe: (e) =>
      `opened the beta ${quoted(e.diff.title?.to)} with ${String(e.diff.seats?.to ?? "?")} seats`,
  },
  "beta.select": {
    label: "Beta fans selected",
    describe: (e) =>
      `selected ${String(e.diff.selected?.to ?? "?")} fans for the beta ${quoted(e.diff.title?.to)} (${String(e.diff.by?.to ?? "by hand")})`,
  },
  "beta.decline_rest": {
    label: "Beta applicants told no",
    describe: (e) =>
      `told ${String(e.diff.declined?.to ?? "?")} applicants to the beta ${quoted(e.diff.title?.to)} they were not selected`,
  },
  "points.adjust": {
    label: "Points adjusted",
    describe: (e) => {
      const amount = Number(e.diff.points?.to ?? 0);
      const signed = `${amount > 0 ? "+" : ""}${number.format(amount)}`;
      return `adjusted the points of ${String(e.diff.fan?.to ?? "a fan")} by ${signed}: ${String(e.diff.reason?.to ?? "")}`;
    },
  },
  "return.receive": {
    label: "Returned parcel received",
    describe: (e) => {
      const units = Number(e.diff.unitsRestocked?.to ?? 0);
      return `received the returned parcel of ${orderRef(e)}; ${units} ${units === 1 ? "unit" : "units"} back on sale`;
    },
  },
};

const ENTITY_WORDS: Record<string, string> = {
  sale: "sale",
  hero_day: "the hero of",
  order: "order",
  contact_message: "contact message",
  product: "product",
  review: "review",
  beta: "beta",
  account: "account",
};

/** A kind nobody worded yet (say, one a newer release writes): who, the kind in words, and on what. */
export function genericWording(entry: AuditFacts): string {
  const kind = entry.action.replace(/[._]+/g, " ").trim() || "a change";
  const on = ENTITY_WORDS[entry.entityType] ?? entry.entityType.replaceAll("_", " ");
  const ref = entry.entityType === "order" ? `#${orderNumber(entry.entityId)}` : entry.entityId;
  return `${entry.actorName} recorded “${kind}” on ${on}${ref ? ` ${ref}` : ""}`;
}

/** The sentence (and extra lines) for one audit entry. */
export function describeAuditEntry(entry: AuditFacts, options: WordingOptions): AuditWording {
  const kind = Object.hasOwn(AUDIT_KINDS, entry.action) ? AUDIT_KINDS[entry.action] : undefined;
  if (!kind) return { sentence: genericWording(entry), details: entry.summary ? [entry.summary] : [] };
  const said = kind.describe(entry, options);
  const clauses = typeof said === "string" ? [said] : said.clauses;
  const [first = "", ...rest] = clauses;
  const more =
    rest.length === 0 ? "" : ` and ${rest.length === 1 ? "one more thing" : `${rest.length} more things`}`;
  return { sentence: `${entry.actorName} ${first}${more}`, details: rest };
}
