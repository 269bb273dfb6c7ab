import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./catalog";
import { createdAt } from "./columns";

/** A field that changed: what it was and what it became (values as the console shows them). */
export type AuditChange = { from: unknown; to: unknown };
export type AuditDiff = Record<string, AuditChange>;

/**
 * Who changed what and when, one row per marketer write, inserted in the same transaction as the change so the
 * log never shows a write that did not happen (or misses one that did). `actorEmail` is kept as it was, so the
 * log still reads after an account is renamed or removed.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorEmail: text().notNull(),
    /** e.g. `sale.create`, `sale.update`, `sale.end`, `sale.feature`, `hero.set`, `hero.delete`. */
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    summary: text().notNull(),
    diff: jsonb().$type<AuditDiff>().notNull().default({}),
    /** The form's one-time key: a double submit of a create finds the first one's row instead of a second sale. */
    requestKey: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.createdAt.desc()),
    uniqueIndex("audit_log_request_key_idx")
      .on(t.actorId, t.requestKey)
      .where(sql`${t.requestKey} is not null`),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;
