import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** pending: waiting to be sent (or being sent: a claim moves `nextAttemptAt` past its lease); sent; failed: given up. */
export const outboxMailStatus = pgEnum("outbox_mail_status", ["pending", "sent", "failed"]);
export type OutboxMailStatus = (typeof outboxMailStatus.enumValues)[number];

/**
 * The transactional outbox: every mail the store promises is inserted in the same transaction as the event that
 * causes it (so a rolled-back sign-up or payment sends nothing), and a worker sends it through SMTP once
 * (lib/mail/worker.ts). `dedupeKey` names the event (`order-confirmation:<orderId>`), so an event applied twice
 * enqueues one mail. `kind` is text, not an enum: later mails (sale reminders, draw results) need no migration.
 */
export const outboxMail = pgTable(
  "outbox_mail",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    dedupeKey: text().notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    status: outboxMailStatus().notNull().default("pending"),
    /** Claims so far; a claim counts as an attempt whether or not the send then succeeds. */
    attempts: integer().notNull().default(0),
    /** When a worker may claim it next: due now, after a back-off, or after a claim's lease runs out. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    /** The Message-ID the SMTP server accepted, for tracing a complaint back to a row. */
    messageId: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_mail_dedupe_idx").on(t.dedupeKey),
    index("outbox_mail_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_mail_created_idx").on(t.createdAt.desc(), t.id.desc()),
    check("outbox_mail_attempts_non_negative", sql`${t.attempts} >= 0`),
  ],
);
export type OutboxMail = typeof outboxMail.$inferSelect;
