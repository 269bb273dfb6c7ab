import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { type OutboxMail, type OutboxMailStatus, outboxMail } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { pageBefore } from "@/lib/paging";
import type { RenderedMail } from "./templates/layout";

export type { OutboxMail, OutboxMailStatus };

/** The mails the store sends. Later features (sale reminders, draw results) add their kind here. */
export const MAIL_KINDS = [
  "welcome",
  "order_confirmation",
  "refund",
  "shipped",
  "password_reset",
  "email_change",
  "email_changed",
  "return_requested",
  "return_approved",
  "return_refused",
  "fcode_received",
  "draw_result",
  "waitlist_offer",
  "sale_reminder",
  "beta_result",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface EnqueueMailInput {
  /** The transaction of the event that causes the mail: it is sent only if that event commits. */
  tx: Tx;
  kind: MailKind;
  /** Names the event (`welcome:<userId>`): enqueueing the same event again does nothing. */
  dedupeKey: string;
  to: string;
  mail: RenderedMail;
}

/**
 * Writes a mail into the outbox, in the caller's transaction, due at once. Returns false when a mail with this
 * dedupe key already exists (the event was applied before), so callers need no check of their own.
 */
export async function enqueueMail({ tx, kind, dedupeKey, to, mail }: EnqueueMailInput): Promise<boolean> {
  const [row] = await tx
    .insert(outboxMail)
    .values({ kind, dedupeKey, recipient: to, subject: mail.subject, text: mail.text, html: mail.html })
    .onConflictDoNothing({ target: outboxMail.dedupeKey })
    .returning({ id: outboxMail.id });
  return Boolean(row);
}

export type MailboxEntry = Pick<
  OutboxMail,
  "id" | "kind" | "recipient" | "subject" | "status" | "attempts" | "createdAt" | "sentAt" | "lastError"
>;

/** The development mailbox's list: newest first, a page at a time (`before` an id). */
export async function listOutboxMail(
  db: Db,
  { before, limit = 50, status }: { before?: number; limit?: number; status?: OutboxMailStatus },
): Promise<{ rows: MailboxEntry[]; nextBefore: number | null }> {
  const rows = await db
    .select({
      id: outboxMail.id,
      kind: outboxMail.kind,
      recipient: outboxMail.recipient,
      subject: outboxMail.subject,
      status: outboxMail.status,
      attempts: outboxMail.attempts,
      createdAt: outboxMail.createdAt,
      sentAt: outboxMail.sentAt,
      lastError: outboxMail.lastError,
    })
    .from(outboxMail)
    .where(
      and(
        before === undefined ? undefined : lt(outboxMail.id, before),
        status ? eq(outboxMail.status, status) : undefined,
      ),
    )
    .orderBy(desc(outboxMail.id))
    .limit(limit + 1);
  const { page, nextBefore } = pageBefore(rows, limit);
  return { rows: page, nextBefore };
}

export async function getOutboxMail(db: Db, { id }: { id: number }): Promise<OutboxMail | null> {
  const [row] = await db.select().from(outboxMail).where(eq(outboxMail.id, id));
  return row ?? null;
}

/** Counts by status, for the mailbox's header (and an operator's glance at a backlog). */
export async function countOutboxMail(db: Db): Promise<Record<OutboxMailStatus, number>> {
  const rows = await db
    .select({ status: outboxMail.status, count: sql<number>`count(*)::int` })
    .from(outboxMail)
    .groupBy(outboxMail.status);
  const counts: Record<OutboxMailStatus, number> = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = r.count;
  return counts;
}
