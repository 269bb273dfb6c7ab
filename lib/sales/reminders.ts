import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { outboxMail } from "@/db/schema";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { Db } from "@/lib/db";
import { mailStore } from "@/lib/mail/events";
import { renderSaleReminderMail } from "@/lib/mail/templates/sale-reminder";
import { isUuid } from "./db-errors";

/*
 * Sale reminders: `reminder_minutes` before a sale starts, every registered fan gets a mail. A sale may have 1.3
 * million registered fans, so they go into the outbox in batches, never all at once:
 * - each batch is one short transaction that reads the next page of `sale_registrations` by keyset (the primary
 *   key's order of fan ids, after the run's cursor), inserts their mails, and moves the cursor; it locks only the
 *   sale's reminder-run row (SKIP LOCKED: an instance finding it busy leaves it), never the sale, its buckets or
 *   its registrations, so the sale's hot path does not notice; the same read brings each fan's chosen version
 *   (a left join on the SKU's primary key), so the mail names it, or says they can still choose until the start;
 * - a batch is no larger than what the SMTP service accepts in the time since the last one (MAIL_RATE_PER_SECOND),
 *   and none is added while the reminders already queued would take more than BACKLOG_SECONDS to send, so receipts
 *   and password resets never wait behind a million reminders;
 * - each mail's outbox dedupe key names the sale and the fan, so a rerun, two instances or a lost cursor send
 *   nobody twice.
 */

export interface ReminderPace {
  /** Mails per second the SMTP service accepts. */
  ratePerSecond: number;
  /** The most fans one batch (one transaction) takes. */
  maxBatch: number;
}

/** Queued reminders of all sales beyond this many seconds of sending: no new batch until they drain. */
export const BACKLOG_SECONDS = 10;

const dedupeKey = (saleId: string, userId: string) => `sale-reminder:${saleId}:${userId}`;

/** A sale whose reminders are due; `draw`: no version choice (a draw's winners pick when they buy). */
interface DueSale {
  id: string;
  slug: string;
  name: string;
  startsAt: Date | string;
  draw: boolean;
}

/** A fan of one batch, with the version they chose at registration (its label's parts; null: not chosen). */
interface ReminderFan {
  userId: string;
  email: string;
  name: string;
  colour: string | null;
  storage: string | null;
}

/** Sales whose reminders are due at `now` (within their window before the start) and not finished. */
async function listDueSales(db: Db, now: Date) {
  return queryRows<DueSale>(
    db,
    sql`
      select s.id, s.slug, s.name, s.starts_at as "startsAt", s.kind = 'draw' as draw from sales s
      where s.status = 'scheduled' and s.reminder_minutes > 0
        and s.starts_at > ${now.toISOString()}::timestamptz
        and s.starts_at - make_interval(mins => s.reminder_minutes) <= ${now.toISOString()}::timestamptz
        and not exists (select 1 from sale_reminder_runs r where r.sale_id = s.id and r.finished_at is not null)
      order by s.starts_at`,
  );
}

/**
 * One round of reminders: for each due sale, at most one batch within the pace. Called by the mail worker on each
 * of its runs (every few seconds on every instance); safe to run anywhere at once. Returns the mails enqueued.
 */
export async function enqueueDueSaleReminders(
  db: Db,
  { now, pace }: { now: Date; pace: ReminderPace },
): Promise<number> {
  const due = await listDueSales(db, now);
  if (due.length === 0) return 0;
  const [backlog] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from outbox_mail where status = 'pending' and kind = 'sale_reminder'`,
  );
  let room = Math.floor(pace.ratePerSecond * BACKLOG_SECONDS) - (backlog?.n ?? 0);
  let enqueued = 0;
  for (const sale of due) {
    if (room <= 0) break;
    const n = await enqueueReminderBatch(db, { sale, now, pace, room });
    room -= n;
    enqueued += n;
  }
  return enqueued;
}

/** The outbox rows of one batch: each fan's reminder, under a key naming the sale and the fan. */
function reminderMails(sale: DueSale, fans: ReminderFan[]) {
  const store = mailStore();
  const startsAt = new Date(sale.startsAt);
  return fans.map((fan) => {
    const mail = renderSaleReminderMail({
      store,
      name: fan.name,
      saleName: sale.name,
      saleSlug: sale.slug,
      startsAt,
      chosenVersion: sale.draw
        ? undefined
        : fan.colour === null
          ? null
          : variantLabel({ colour: fan.colour, storage: fan.storage }),
    });
    return {
      kind: "sale_reminder",
      dedupeKey: dedupeKey(sale.id, fan.userId),
      recipient: fan.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    };
  });
}

async function enqueueReminderBatch(
  db: Db,
  {
    sale,
    now,
    pace,
    room,
  }: {
    sale: DueSale;
    now: Date;
    pace: ReminderPace;
    room: number;
  },
): Promise<number> {
  const nowIso = now.toISOString();
  return db.transaction(async (tx) => {
    // The run starts with the registrations counted then (the sharded counter: a sum of a few rows).
    await tx.execute(sql`
      insert into sale_reminder_runs (sale_id, total, started_at, last_batch_at)
      select ${sale.id}::uuid, coalesce(sum(registrations), 0)::int, ${nowIso}::timestamptz,
        ${nowIso}::timestamptz - make_interval(secs => 1)
      from sale_counters where sale_id = ${sale.id}::uuid
      on conflict (sale_id) do nothing`);
    const [run] = await queryRows<{ cursor: string | null; lastBatchAt: Date | string }>(
      tx,
      sql`
        select cursor, last_batch_at as "lastBatchAt" from sale_reminder_runs
        where sale_id = ${sale.id}::uuid and finished_at is null
        for update skip locked`,
    );
    if (!run) return 0;
    const elapsed = Math.max(0, (now.getTime() - new Date(run.lastBatchAt).getTime()) / 1000);
    const size = Math.min(pace.maxBatch, room, Math.floor(pace.ratePerSecond * elapsed));
    if (size <= 0) return 0;
    // One statement per batch: each fan's chosen version comes with them (the sku's primary key, per row).
    const fans = await queryRows<ReminderFan>(
      tx,
      sql`
        select r.user_id as "userId", u.email, u.name, k.colour, k.storage
        from sale_registrations r join users u on u.id = r.user_id
        left join skus k on k.id = r.sku_id
        where r.sale_id = ${sale.id}::uuid
          ${run.cursor ? sql`and r.user_id > ${run.cursor}::uuid` : sql``}
        order by r.user_id
        limit ${size}::int`,
    );
    const inserted =
      fans.length === 0
        ? 0
        : (
            await tx
              .insert(outboxMail)
              .values(reminderMails(sale, fans))
              .onConflictDoNothing({ target: outboxMail.dedupeKey })
              .returning({ id: outboxMail.id })
          ).length;
    const last = fans.at(-1)?.userId ?? run.cursor;
    await tx.execute(sql`
      update sale_reminder_runs
      set cursor = ${last}::uuid, enqueued = enqueued + ${inserted}::int, last_batch_at = ${nowIso}::timestamptz,
        finished_at = ${fans.length < size ? sql`${nowIso}::timestamptz` : sql`null`}
      where sale_id = ${sale.id}::uuid`);
    return inserted;
  });
}

export interface ReminderProgress {
  /** Registered fans when the reminders began. */
  total: number;
  /** In the outbox so far (whatever their state); of those, sent and given up on. */
  queued: number;
  sent: number;
  failed: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The console's view of a sale's reminders; null before they began. */
export async function getReminderProgress(
  db: Db,
  { saleId }: { saleId: string },
): Promise<ReminderProgress | null> {
  if (!isUuid(saleId)) return null;
  const [row] = await queryRows<{
    total: number;
    queued: number;
    sent: number;
    failed: number;
    startedAt: Date | string;
    finishedAt: Date | string | null;
  }>(
    db,
    sql`
      select r.total, count(m.id)::int as queued, r.started_at as "startedAt", r.finished_at as "finishedAt",
        count(m.id) filter (where m.status = 'sent')::int as sent,
        count(m.id) filter (where m.status = 'failed')::int as failed
      from sale_reminder_runs r
      left join outbox_mail m on m.kind = 'sale_reminder' and m.dedupe_key like 'sale-reminder:' || r.sale_id || ':%'
      where r.sale_id = ${saleId}::uuid
      group by r.sale_id`,
  );
  if (!row) return null;
  return {
    total: row.total,
    queued: row.queued,
    sent: row.sent,
    failed: row.failed,
    startedAt: new Date(row.startedAt),
    finishedAt: row.finishedAt ? new Date(row.finishedAt) : null,
  };
}
