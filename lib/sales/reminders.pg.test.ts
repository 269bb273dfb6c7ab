import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { variantLabel } from "@/lib/catalog/variant-label";
import { stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { BACKLOG_SECONDS, enqueueDueSaleReminders, getReminderProgress } from "./reminders";

/*
 * Reminders for a big sale on real PostgreSQL (3,000 registered fans stand in for 1.3 million): batched by the
 * SMTP rate, held back while the queue is long, every fan exactly once however often (or however concurrently) it
 * runs, each naming the version its fan chose (or saying they can still choose), and the console's progress adds
 * up.
 */

const FANS = 3000;
const T0 = new Date("2031-04-01T04:00:00Z");
const db = withStormDatabase({ connections: 8, accounts: FANS, usersPrefix: "remind" });
const nextSale = stormSales({ slug: "remind", name: "Remind", t0: T0 });
const seconds = (s: number) => new Date(T0.getTime() - 5 * 60_000 + s * 1000);
const PACE = { ratePerSecond: 100, maxBatch: 80 };

async function reminders(saleId: string) {
  return queryRows<{ recipient: string; n: number; status: string }>(
    db.db,
    sql`select recipient, status, count(*)::int as n from outbox_mail
        where kind = 'sale_reminder' and dedupe_key like ${`sale-reminder:${saleId}:%`}
        group by recipient, status`,
  );
}

describe("sale reminders", () => {
  it("go out in paced batches by keyset, to every registered fan once, and the progress adds up", async () => {
    const saleId = await nextSale(db.db, {
      product: db,
      perAccountLimit: 1,
      quantities: [10, 10],
      userIds: db.users,
    });
    // About a third of the fans (their ids spread over every batch) chose the sale's first version at registration; the rest have not chosen.
    const [chosen] = await queryRows<{ colour: string; storage: string | null }>(
      db.db,
      sql`
        with v as (
          select ss.sku_id from sale_skus ss where ss.sale_id = ${saleId}::uuid order by ss.position limit 1),
        up as (
          update sale_registrations r set sku_id = (select sku_id from v)
          where r.sale_id = ${saleId}::uuid and r.user_id::text < '5'
          returning 1)
        select k.colour, k.storage from skus k where k.id = (select sku_id from v) and (select count(*) from up) > 0`,
    );
    if (!chosen) throw new Error("no version chosen");
    const [{ chose } = { chose: 0 }] = await queryRows<{ chose: number }>(
      db.db,
      sql`select count(*)::int as chose from sale_registrations
          where sale_id = ${saleId}::uuid and sku_id is not null`,
    );
    expect(chose).toBeGreaterThan(0);
    expect(chose).toBeLessThan(FANS);

    // Not yet: more than five minutes before the start.
    expect(await enqueueDueSaleReminders(db.db, { now: seconds(-1), pace: PACE })).toBe(0);
    expect(await getReminderProgress(db.db, { saleId })).toBeNull();

    const batches: number[] = [];
    let s = 0;
    // No mail is sent meanwhile: the queue stops growing at BACKLOG_SECONDS of sending.
    for (; s < 40; s++) batches.push(await enqueueDueSaleReminders(db.db, { now: seconds(s), pace: PACE }));
    const cap = PACE.ratePerSecond * BACKLOG_SECONDS;
    expect(batches.reduce((a, b) => a + b, 0)).toBe(cap);
    expect(Math.max(...batches)).toBeLessThanOrEqual(PACE.maxBatch);

    // The worker sends them; batches go on, two instances at once, until every fan has theirs.
    for (; s < 400; s++) {
      await db.db.execute(sql`update outbox_mail set status = 'sent', sent_at = now()
        where kind = 'sale_reminder' and status = 'pending'`);
      const [a, b] = await Promise.all([
        enqueueDueSaleReminders(db.db, { now: seconds(s), pace: PACE }),
        enqueueDueSaleReminders(db.db, { now: seconds(s), pace: PACE }),
      ]);
      batches.push(a, b);
      const progress = await getReminderProgress(db.db, { saleId });
      if (progress?.finishedAt) break;
    }
    const rows = await reminders(saleId);
    const perFan = new Map<string, number>();
    for (const r of rows) perFan.set(r.recipient, (perFan.get(r.recipient) ?? 0) + r.n);
    expect(perFan.size).toBe(FANS);
    expect([...perFan.values()].every((n) => n === 1)).toBe(true);
    expect(batches.filter((n) => n > 0).length).toBeGreaterThanOrEqual(FANS / PACE.maxBatch);

    // Each mail names the version its fan chose, or says they can still choose one until the start.
    const [lines] = await queryRows<{ named: number; unchosen: number; wrong: number }>(
      db.db,
      sql`
        select count(*) filter (where m.text like ${`%Your version: ${variantLabel(chosen)}.%`})::int as named,
          count(*) filter (where m.text like '%You haven''t chosen a version yet%')::int as unchosen,
          count(*) filter (where (r.sku_id is null) = (m.text like '%Your version:%'))::int as wrong
        from outbox_mail m
        join users u on u.email = m.recipient
        join sale_registrations r on r.sale_id = ${saleId}::uuid and r.user_id = u.id
        where m.dedupe_key like ${`sale-reminder:${saleId}:%`}`,
    );
    expect(lines).toEqual({ named: chose, unchosen: FANS - chose, wrong: 0 });

    // A rerun (the run's cursor lost, as if the row were gone) sends nobody twice.
    await db.db.execute(sql`delete from sale_reminder_runs where sale_id = ${saleId}::uuid`);
    for (let i = 0; i < 60; i++)
      await enqueueDueSaleReminders(db.db, { now: seconds(s + 1 + i), pace: PACE });
    expect((await reminders(saleId)).reduce((n, r) => n + r.n, 0)).toBe(FANS);

    // Some were refused by the SMTP server for good.
    await db.db.execute(sql`update outbox_mail set status = 'failed', sent_at = null
      where dedupe_key like ${`sale-reminder:${saleId}:%`} and id % 7 = 0`);
    const progress = await getReminderProgress(db.db, { saleId });
    const [counts] = await queryRows<{ sent: number; failed: number }>(
      db.db,
      sql`select count(*) filter (where status = 'sent')::int as sent,
            count(*) filter (where status = 'failed')::int as failed
          from outbox_mail where dedupe_key like ${`sale-reminder:${saleId}:%`}`,
    );
    expect(progress).toMatchObject({ total: FANS, queued: FANS, sent: counts?.sent, failed: counts?.failed });
    expect(progress?.finishedAt).not.toBeNull();
    // After the start nothing more is due.
    expect(await enqueueDueSaleReminders(db.db, { now: T0, pace: PACE })).toBe(0);
  });
});
