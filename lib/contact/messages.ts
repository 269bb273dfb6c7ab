import "server-only";
import { randomUUID } from "node:crypto";
import { and, count, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { type ContactMessage, type ContactStatus, type ContactTopic, contactMessages } from "@/db/schema";
import { type Actor, writeAudit } from "@/lib/audit/log";
import { emailKey, formatWait } from "@/lib/auth/throttle";
import { compareAndSet } from "@/lib/compare-and-set";
import type { Db, Tx } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { pageBefore } from "@/lib/paging";
import { type RateLimiter, type RateLimitRule, takeEach } from "@/lib/rate-limit/limiter";
import { type Failure, fail, ok, parseWith, type Result } from "@/lib/result";
import { CONTACT_HONEYPOT_FIELD, canMoveContact, contactInput, contactStatusLabel } from "./rules";

/*
 * The contact form and the console's inbox. A message is one row, written once per form (its one-time request
 * key); sending is throttled per address and per email before anything is written, so a flood is refused with
 * when to try again and leaves nothing behind. Status changes are compare-and-set and logged in the audit log in
 * the same transaction.
 */

const per = (count: number, seconds: number): RateLimitRule => ({
  capacity: count,
  refillPerSecond: count / seconds,
});
const TEN_MINUTES = 600;
const ONE_DAY = 86_400;

/**
 * A person writes once or twice; a flood is a script. The address limits are looser than the email's: offices,
 * campuses and mobile carriers put many people behind one address.
 */
export const CONTACT_RATE_LIMITS = {
  email: { burst: per(3, TEN_MINUTES), day: per(20, ONE_DAY) },
  ip: { burst: per(10, TEN_MINUTES), day: per(50, ONE_DAY) },
} as const;

export type ContactCode = "invalid" | "rate_limited" | "conflict";

const RELOAD = "This form was already used for another message. Reload the page and send yours again.";

/**
 * Sends a contact message: validated, throttled, written once. A form sent twice (a double click, a retry) finds
 * its first message and answers the same. A filled honeypot is answered like a success and writes nothing, so a
 * bot learns nothing to adapt to.
 */
export async function sendContactMessage(
  db: Db,
  limiter: RateLimiter,
  { raw, userId, ip, now }: { raw: unknown; userId: string | null; ip: string; now: Date },
): Promise<Result<{ messageId: string | null; email: string }, ContactCode>> {
  const parsed = parseWith(contactInput, raw);
  if (!parsed.ok) return parsed;
  const { email, [CONTACT_HONEYPOT_FIELD]: honeypot, ...fields } = parsed.data;
  if (honeypot.trim() !== "") return ok({ messageId: null, email });
  const requestKey = fields.requestKey || randomUUID();

  const sent = await findByRequestKey(db, requestKey);
  if (sent) return sent.email === email ? ok({ messageId: sent.id, email }) : fail("conflict", RELOAD);

  const limits = CONTACT_RATE_LIMITS;
  const hashed = emailKey(email);
  const taken = await takeEach(
    limiter,
    [
      [`contact:ip:burst:${ip}`, limits.ip.burst],
      [`contact:ip:day:${ip}`, limits.ip.day],
      [`contact:email:burst:${hashed}`, limits.email.burst],
      [`contact:email:day:${hashed}`, limits.email.day],
    ],
    now,
  );
  if (!taken.ok) return rateLimited(taken.retryAfterSeconds);

  const [row] = await db
    .insert(contactMessages)
    .values({ ...fields, email, userId, requestKey, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: contactMessages.requestKey })
    .returning({ id: contactMessages.id });
  if (row) return ok({ messageId: row.id, email });

  // A twin of this submit won the insert: it counted, this one does not.
  await taken.giveBack();
  const twin = await findByRequestKey(db, requestKey);
  return twin?.email === email ? ok({ messageId: twin.id, email }) : fail("conflict", RELOAD);
}

function rateLimited(retryAfterSeconds: number): Failure<"rate_limited"> {
  return fail(
    "rate_limited",
    `You have sent us several messages in a short time, and we have them all. Please wait ${formatWait(retryAfterSeconds)} before sending another, or call us.`,
    { retryAfterSeconds },
  );
}

async function findByRequestKey(db: Db, requestKey: string) {
  const [row] = await db
    .select({ id: contactMessages.id, email: contactMessages.email })
    .from(contactMessages)
    .where(eq(contactMessages.requestKey, requestKey));
  return row ?? null;
}

export interface ContactMessageRow {
  id: string;
  name: string;
  email: string;
  topic: ContactTopic;
  orderReference: string | null;
  /** The message's first words, for the list. */
  preview: string;
  status: ContactStatus;
  createdAt: Date;
}

export const INBOX_PAGE_SIZE = 25;
const PREVIEW_LENGTH = 140;

/**
 * The inbox, newest first, optionally one status or topic, `INBOX_PAGE_SIZE` at a time; `before` is the last row's
 * id of the previous page (keyset paging by created_at then id, so a new message does not shift the pages).
 */
export async function listContactMessages(
  db: Db,
  {
    status,
    topic,
    before,
    limit = INBOX_PAGE_SIZE,
  }: { status?: ContactStatus; topic?: ContactTopic; before?: string | undefined; limit?: number } = {},
): Promise<{ rows: ContactMessageRow[]; nextBefore: string | null }> {
  const conditions: (SQL | undefined)[] = [];
  if (status) conditions.push(eq(contactMessages.status, status));
  if (topic) conditions.push(eq(contactMessages.topic, topic));
  if (before !== undefined && isUuid(before)) {
    const cursor = sql`(select created_at from ${contactMessages} where id = ${before})`;
    conditions.push(
      or(
        lt(contactMessages.createdAt, cursor),
        and(eq(contactMessages.createdAt, cursor), lt(contactMessages.id, before)),
      ),
    );
  }
  const rows = await db
    .select({
      id: contactMessages.id,
      name: contactMessages.name,
      email: contactMessages.email,
      topic: contactMessages.topic,
      orderReference: contactMessages.orderReference,
      preview: sql<string>`left(${contactMessages.message}, ${PREVIEW_LENGTH})`,
      status: contactMessages.status,
      createdAt: contactMessages.createdAt,
    })
    .from(contactMessages)
    .where(and(...conditions))
    .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
    .limit(limit + 1);
  const { page, nextBefore } = pageBefore(rows, limit);
  return { rows: page, nextBefore };
}

/** How many messages are in each status (the inbox's filter tabs). */
export async function countContactMessages(db: Db): Promise<Record<ContactStatus, number>> {
  const rows = await db
    .select({ status: contactMessages.status, n: count() })
    .from(contactMessages)
    .groupBy(contactMessages.status);
  const counts: Record<ContactStatus, number> = { new: 0, answered: 0, closed: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export async function getContactMessage(
  db: Db | Tx,
  { messageId }: { messageId: string },
): Promise<ContactMessage | null> {
  if (!isUuid(messageId)) return null;
  const [row] = await db.select().from(contactMessages).where(eq(contactMessages.id, messageId));
  return row ?? null;
}

const GONE = "That message is no longer in the inbox.";

/**
 * Moves a message from the status the marketer saw to another (new → answered → closed, or open again), only if
 * it is still in the status they saw: two marketers cannot both answer it unknowingly. The audit row is written in
 * the same transaction.
 */
export async function setContactStatus(
  db: Db,
  {
    messageId,
    from,
    to,
    actor,
    now,
  }: { messageId: string; from: ContactStatus; to: ContactStatus; actor: Actor; now: Date },
): Promise<Result<{ status: ContactStatus }, "not_found" | "conflict" | "invalid">> {
  if (!canMoveContact(from, to)) {
    return fail(
      "invalid",
      `A message that is ${contactStatusLabel(from).toLowerCase()} cannot be marked ${contactStatusLabel(to).toLowerCase()}.`,
    );
  }
  if (!isUuid(messageId)) return fail("not_found", GONE);
  const result = await compareAndSet(db, {
    table: contactMessages,
    set: { status: to, updatedAt: now },
    where: and(eq(contactMessages.id, messageId), eq(contactMessages.status, from)),
    returning: { id: contactMessages.id, name: contactMessages.name },
    current: async (tx) => (await getContactMessage(tx, { messageId })) ?? undefined,
    conflict: (c) =>
      `Someone else changed this message meanwhile: it is now ${contactStatusLabel(c.status).toLowerCase()}. Check it before changing it again.`,
    gone: GONE,
    whenChanged: async (tx, row) => {
      await writeAudit(tx, {
        actor,
        action: "contact.status",
        entityType: "contact_message",
        entityId: row.id,
        summary: `Marked the message from ${row.name} ${contactStatusLabel(to).toLowerCase()}`,
        diff: { status: { from, to } },
      });
      return ok({ status: to });
    },
  });
  return result as Result<{ status: ContactStatus }, "not_found" | "conflict" | "invalid">;
}
