import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { type OutboxMail, outboxMail } from "@/db/schema";
import type { Db } from "@/lib/db";
import type { MailTransport } from "./transport";

export interface MailRetryPolicy {
  /** The first retry waits this long; each next one twice as long, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts the mail is `failed` and left for a person to look at. */
  maxAttempts: number;
  /** A claim holds a mail this long: a worker that dies mid-send leaves it to be claimed again after it. */
  leaseMs: number;
}

/** 30 s, 1, 2, 4, 8, 16, 32 min, then 1 h: about 2 hours of trying across 8 attempts. */
export const MAIL_RETRY: MailRetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 8,
  leaseMs: 5 * 60_000,
};

/** How long to wait after the `attempts`-th failure (1-based). */
export function mailRetryDelayMs(attempts: number, policy: MailRetryPolicy = MAIL_RETRY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims up to `limit` due mails in one statement: `FOR UPDATE SKIP LOCKED` lets workers on every instance claim
 * at once without taking the same row, and the claim moves `next_attempt_at` past a lease, so once it commits the
 * mail is no longer due for anyone else while this worker sends it.
 */
export async function claimDueMails(
  db: Db,
  { now, limit = 20, policy = MAIL_RETRY }: { now: Date; limit?: number; policy?: MailRetryPolicy },
): Promise<OutboxMail[]> {
  const due = db
    .select({ id: outboxMail.id })
    .from(outboxMail)
    .where(and(eq(outboxMail.status, "pending"), lte(outboxMail.nextAttemptAt, now)))
    .orderBy(asc(outboxMail.nextAttemptAt), asc(outboxMail.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(outboxMail)
    .set({
      attempts: sql`${outboxMail.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + policy.leaseMs),
    })
    .where(inArray(outboxMail.id, due))
    .returning();
}

/** A refusal that will not change on retry: the server rejected this recipient or message (5xx). */
function isPermanent(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return (
    (code === "EENVELOPE" || code === "EMESSAGE") && typeof responseCode === "number" && responseCode >= 500
  );
}

function describeError(error: unknown): string {
  const { message, responseCode } = (error ?? {}) as { message?: string; responseCode?: number };
  const text = `${responseCode ? `${responseCode} ` : ""}${message ?? String(error)}`;
  return text.slice(0, 1000);
}

// Only the claim that is still current may settle a mail: a worker that outlived its lease changes nothing.
const stillClaimed = (mail: OutboxMail) =>
  and(eq(outboxMail.id, mail.id), eq(outboxMail.attempts, mail.attempts), eq(outboxMail.status, "pending"));

async function settleFailure(
  db: Db,
  { mail, error, now, policy }: { mail: OutboxMail; error: unknown; now: Date; policy: MailRetryPolicy },
): Promise<"retry" | "failed"> {
  const final = isPermanent(error) || mail.attempts >= policy.maxAttempts;
  await db
    .update(outboxMail)
    .set(
      final
        ? { status: "failed", lastError: describeError(error) }
        : {
            lastError: describeError(error),
            nextAttemptAt: new Date(now.getTime() + mailRetryDelayMs(mail.attempts, policy)),
          },
    )
    .where(stillClaimed(mail));
  if (final) {
    const tries = mail.attempts === 1 ? "1 attempt" : `${mail.attempts} attempts`;
    console.error(`[mail] gave up on mail ${mail.id} (${mail.kind}) after ${tries}`);
  }
  return final ? "failed" : "retry";
}

/** A stable Message-ID per outbox row, so a mail re-sent after a crash can be recognised as the same one. */
function messageIdFor(mail: OutboxMail, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "kite.test";
  return `<outbox-${mail.id}@${domain}>`;
}

export interface MailRunResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One pass of the worker: claim what is due, send each through `transport`, then mark it sent, or schedule the
 * next attempt with exponential back-off, or give up after `maxAttempts` (or at once on a permanent refusal).
 */
export async function sendDueMails(
  db: Db,
  {
    transport,
    from,
    now,
    limit,
    policy = MAIL_RETRY,
  }: { transport: MailTransport; from: string; now: Date; limit?: number; policy?: MailRetryPolicy },
): Promise<MailRunResult> {
  const claimed = await claimDueMails(db, { now, limit, policy });
  const outcomes = await Promise.all(
    claimed.map(async (mail): Promise<"sent" | "retry" | "failed"> => {
      let info: { messageId?: string };
      try {
        info = await transport.sendMail({
          from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: messageIdFor(mail, from),
          headers: { "X-Kite-Mail-Kind": mail.kind },
        });
      } catch (error) {
        return settleFailure(db, { mail, error, now, policy });
      }
      // If this write is lost the lease runs out and the mail goes again: at least once, never silently dropped.
      await db
        .update(outboxMail)
        .set({ status: "sent", sentAt: sql`now()`, lastError: null, messageId: info.messageId ?? null })
        .where(stillClaimed(mail));
      return "sent";
    }),
  );
  const count = (o: string) => outcomes.filter((x) => x === o).length;
  return { claimed: claimed.length, sent: count("sent"), retrying: count("retry"), failed: count("failed") };
}
