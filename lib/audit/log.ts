import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { type AuditDiff, auditLog } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { pageBefore } from "@/lib/paging";
import { type Failure, fail, Refusal, refusable } from "@/lib/result";

export type AuditAction =
  | "sale.create"
  | "sale.update"
  | "sale.publish"
  | "sale.end"
  | "sale.feature"
  | "sale.unfeature"
  | "sale.draw"
  | "hero.set"
  | "hero.delete"
  | "order.pack"
  | "order.ship"
  | "order.deliver"
  | "return.request"
  | "return.approve"
  | "return.refuse"
  | "return.receive"
  | "contact.status"
  | "product.limit"
  | "fcode.issue"
  | "fcode.give"
  | "review.hide"
  | "review.show"
  | "beta.open"
  | "beta.select"
  | "beta.decline_rest"
  | "points.adjust";

export type AuditEntityType =
  | "sale"
  | "hero_day"
  | "order"
  | "contact_message"
  | "product"
  | "review"
  | "beta"
  | "account";

export interface Actor {
  id: string;
  email: string;
}

export interface AuditInput {
  actor: Actor;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  summary: string;
  diff?: AuditDiff;
  requestKey?: string | null;
}

/** Records a marketer's write. Call it with the transaction that makes the change, never after it. */
export async function writeAudit(tx: Tx | Db, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor.id,
    actorEmail: entry.actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    diff: entry.diff ?? {},
    requestKey: entry.requestKey ?? null,
  });
}

/** A form's one-time key as the console's forms send it; anything else is treated as no key. */
export function parseRequestKey(value: string | undefined): string | undefined {
  return value !== undefined && /^[A-Za-z0-9-]{16,64}$/.test(value) ? value : undefined;
}

/**
 * Claims a form's one-time key for this actor, in the caller's transaction. False when the key was already used
 * (a double submit); the unique index makes a concurrent twin wait for the first and then see its row.
 */
export async function claimRequestKey(
  tx: Tx,
  {
    actor,
    requestKey,
    action,
    entityType,
  }: Pick<AuditInput, "actor" | "action" | "entityType"> & {
    requestKey: string;
  },
): Promise<{ claimed: true; id: number } | { claimed: false; entityId: string | null }> {
  const [row] = await tx
    .insert(auditLog)
    .values({
      actorId: actor.id,
      actorEmail: actor.email,
      action,
      entityType,
      entityId: "",
      summary: "",
      requestKey,
    })
    .onConflictDoNothing()
    .returning({ id: auditLog.id });
  if (row) return { claimed: true, id: row.id };
  const [first] = await tx
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actor.id), eq(auditLog.requestKey, requestKey)));
  return { claimed: false, entityId: first?.entityId || null };
}

/**
 * Claims the form's one-time key (when it sent a well-formed one) for a change made once per form: a repeat is
 * refused with `repeated` (a Refusal, for `refusable`). Returns the claimed row's id for `writeKeyedAudit`, or
 * null when the form sent no key.
 */
export async function claimFormKeyOnce(
  tx: Tx,
  {
    formKey,
    repeated,
    ...claim
  }: Pick<AuditInput, "actor" | "action" | "entityType"> & { formKey: string | undefined; repeated: string },
): Promise<number | null> {
  const requestKey = parseRequestKey(formKey);
  if (!requestKey) return null;
  const claimed = await claimRequestKey(tx, { ...claim, requestKey });
  if (!claimed.claimed) throw new Refusal(fail("conflict", repeated));
  return claimed.id;
}

/**
 * A change made once per form key, in its own transaction: the key claimed first (a repeat refused with
 * `repeated`), then `work`, whose audit entry (what changed) is written into the claimed row or as a new one.
 * A `Refusal` thrown inside rolls everything back and comes back as its Failure.
 */
export function oncePerFormKey<T>(
  db: Db,
  change: Pick<AuditInput, "actor" | "action" | "entityType"> & {
    formKey: string | undefined;
    repeated: string;
  },
  work: (tx: Tx) => Promise<{ result: T; audit: Pick<AuditInput, "entityId" | "summary" | "diff"> }>,
): Promise<T | Failure> {
  const { actor, action, entityType } = change;
  return refusable(() =>
    db.transaction(async (tx) => {
      const claimId = await claimFormKeyOnce(tx, change);
      const { result, audit } = await work(tx);
      await writeKeyedAudit(tx, claimId, { actor, action, entityType, ...audit });
      return result;
    }),
  );
}

/** Fills in the row a claimed key created, once the change is known. */
export async function completeClaimedAudit(
  tx: Tx,
  id: number,
  entry: Pick<AuditInput, "entityId" | "summary" | "diff">,
): Promise<void> {
  await tx
    .update(auditLog)
    .set({ entityId: entry.entityId, summary: entry.summary, diff: entry.diff ?? {} })
    .where(eq(auditLog.id, id));
}

/**
 * The audit entry of a change made under a form's one-time key: it fills the row `claimRequestKey` made
 * (`claimId`), or, for a form sent without a key (`null`), is written as a new row.
 */
export async function writeKeyedAudit(tx: Tx, claimId: number | null, entry: AuditInput): Promise<void> {
  if (claimId === null) await writeAudit(tx, entry);
  else await completeClaimedAudit(tx, claimId, entry);
}

/** What changed between two flat records, as `{ field: { from, to } }`; Dates compared by instant. */
export function diffRecords(before: Record<string, unknown>, after: Record<string, unknown>): AuditDiff {
  const diff: AuditDiff = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    if (JSON.stringify(norm(a)) !== JSON.stringify(norm(b))) diff[key] = { from: norm(a), to: norm(b) };
  }
  return diff;
}

/** A diff for something that did not exist before: each field `{ from: null, to }`, Dates as ISO instants. */
export function diffFromNothing(after: Record<string, unknown>): AuditDiff {
  return Object.fromEntries(
    Object.entries(after).map(([key, to]) => [
      key,
      { from: null, to: to instanceof Date ? to.toISOString() : to },
    ]),
  );
}

export interface AuditRow {
  id: number;
  actorEmail: string;
  /** The marketer's name now (their email when the account is gone). */
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  diff: AuditDiff;
  createdAt: Date;
  /** What the entry is about, by name, for its sentence (./wording.ts). */
  subject: { name: string | null; productName: string | null; currency: string | null };
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  /** The id of the last row of the previous page (keyset: rows can share a timestamp). */
  before?: number | undefined;
  /** One entity's history (a sale's changes on its own page). */
  entity?: { type: AuditEntityType; id: string };
  actorId?: string | undefined;
  action?: string | undefined;
  /** Entries made at or after `since` and before `until`. */
  since?: Date | undefined;
  until?: Date | undefined;
  limit?: number;
}

const UUID_SQL = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/**
 * The entry's subject by name, one row at most: a sale (with its product and currency), a product, a review (its
 * author, and its product), a message.
 */
const SUBJECT = sql`
  left join lateral (
    select s.name, p.name as product_name,
      (select ss.currency from sale_skus ss where ss.sale_id = s.id order by ss.position limit 1) as currency
    from sales s join products p on p.id = s.product_id
    where a.entity_type = 'sale'
      and s.id = (case when a.entity_id ~ ${UUID_SQL} then a.entity_id::uuid end)
    union all
    select p.name, null, null from products p
    where a.entity_type = 'product' and p.id = (case when a.entity_id ~ '^[0-9]{1,9}$' then a.entity_id::int end)
    union all
    select r.author_name, p.name, null from reviews r join products p on p.id = r.product_id
    where a.entity_type = 'review' and r.id = (case when a.entity_id ~ '^[0-9]{1,9}$' then a.entity_id::int end)
    union all
    select m.name, null, null from contact_messages m
    where a.entity_type = 'contact_message'
      and m.id = (case when a.entity_id ~ ${UUID_SQL} then a.entity_id::uuid end)
    limit 1) subject on true`;

function auditConditions(q: AuditQuery): SQL[] {
  const conditions: SQL[] = [sql`a.summary <> ''`];
  if (q.before !== undefined) {
    conditions.push(
      sql`(a.created_at, a.id) < ((select created_at from audit_log where id = ${q.before}), ${q.before}::bigint)`,
    );
  }
  if (q.entity) conditions.push(sql`a.entity_type = ${q.entity.type} and a.entity_id = ${q.entity.id}`);
  if (q.actorId) conditions.push(sql`a.actor_id = ${q.actorId}::uuid`);
  if (q.action) conditions.push(sql`a.action = ${q.action}`);
  if (q.since) conditions.push(sql`a.created_at >= ${q.since.toISOString()}::timestamptz`);
  if (q.until) conditions.push(sql`a.created_at < ${q.until.toISOString()}::timestamptz`);
  return conditions;
}

type AuditSqlRow = Omit<AuditRow, "subject" | "createdAt"> & {
  createdAt: Date | string;
  subjectName: string | null;
  subjectProduct: string | null;
  subjectCurrency: string | null;
};

/**
 * Entries newest first, `AUDIT_PAGE_SIZE` (at most 200) at a time, filtered by who, what kind and when, with the
 * names their sentences need, in one statement; `nextBefore` is the cursor of the next page, or null.
 */
export async function listAuditEntries(
  db: Db,
  q: AuditQuery = {},
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  const limit = Math.min(Math.max(1, q.limit ?? AUDIT_PAGE_SIZE), 200);
  const rows = await queryRows<AuditSqlRow>(
    db,
    sql`
      select a.id::int as id, a.actor_email as "actorEmail", coalesce(u.name, a.actor_email) as "actorName",
        a.action, a.entity_type as "entityType", a.entity_id as "entityId", a.summary, a.diff,
        a.created_at as "createdAt", subject.name as "subjectName", subject.product_name as "subjectProduct",
        subject.currency as "subjectCurrency"
      from audit_log a
      left join users u on u.id = a.actor_id
      ${SUBJECT}
      where ${sql.join(auditConditions(q), sql` and `)}
      order by a.created_at desc, a.id desc
      limit ${limit + 1}`,
  );
  const { page, nextBefore } = pageBefore(rows, limit);
  const entries = page.map(({ subjectName, subjectProduct, subjectCurrency, ...r }) => ({
    ...r,
    diff: typeof r.diff === "string" ? (JSON.parse(r.diff) as AuditDiff) : r.diff,
    createdAt: new Date(r.createdAt),
    subject: { name: subjectName, productName: subjectProduct, currency: subjectCurrency },
  }));
  return { rows: entries, nextBefore };
}

/** The marketers the log's "who" filter offers (by name). */
export async function listAuditActors(db: Db): Promise<{ id: string; name: string; email: string }[]> {
  return queryRows(
    db,
    sql`select id, name, email from users where role = 'marketer' order by name, email limit 200`,
  );
}
