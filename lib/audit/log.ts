import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { type AuditDiff, auditLog } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";

export type AuditAction =
  | "sale.create"
  | "sale.update"
  | "sale.publish"
  | "sale.end"
  | "sale.feature"
  | "sale.unfeature"
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
  | "product.limit";

export type AuditEntityType = "sale" | "hero_day" | "order" | "contact_message" | "product";

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

export interface AuditRow {
  id: number;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  diff: AuditDiff;
  createdAt: Date;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * Recent entries, newest first, `AUDIT_PAGE_SIZE` at a time; `before` is the last row's id of the previous page.
 * Optionally one entity's history (a sale's changes on its own page).
 */
export async function listAuditEntries(
  db: Db,
  {
    before,
    entity,
    limit = AUDIT_PAGE_SIZE,
  }: { before?: number | undefined; entity?: { type: AuditEntityType; id: string }; limit?: number } = {},
): Promise<{ rows: AuditRow[]; nextBefore: number | null }> {
  const conditions = [];
  if (before !== undefined) {
    // Rows of a page can share a timestamp: page by (createdAt, id) through the id of the last row seen.
    const cursor = sql`(select created_at from ${auditLog} where id = ${before})`;
    conditions.push(
      or(lt(auditLog.createdAt, cursor), and(eq(auditLog.createdAt, cursor), lt(auditLog.id, before))),
    );
  }
  if (entity) {
    conditions.push(eq(auditLog.entityType, entity.type), eq(auditLog.entityId, entity.id));
  }
  const rows = await db
    .select({
      id: auditLog.id,
      actorEmail: auditLog.actorEmail,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      diff: auditLog.diff,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(and(...conditions, sql`${auditLog.summary} <> ''`))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
