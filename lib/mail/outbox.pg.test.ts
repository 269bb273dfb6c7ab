import { eq, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { orderLines, orders, outboxMail, skus, users } from "@/db/schema";
import { createUser } from "@/lib/auth/users";
import { openSeededPostgres } from "@/tests/helpers/db";
import { startTestSmtpServer, type TestSmtpServer } from "@/tests/helpers/smtp";
import { enqueueOrderConfirmation } from "./events";
import { enqueueMail } from "./outbox";
import { createSmtpTransport, type MailTransport } from "./transport";
import { claimDueMails, type MailRetryPolicy, sendDueMails } from "./worker";

/**
 * The outbox end to end on real PostgreSQL, through nodemailer, over a socket, to a real SMTP server in this
 * process, reading back what arrived with mailparser: only committed mails go out, each once however many workers
 * race, a refusing server is retried with back-off, and an event enqueues its mail once.
 */

const FROM = "Kite <no-reply@kite.test>";
const FAST: MailRetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 4, leaseMs: 30_000 };

let handle: DbHandle;
let db: Db;
let smtp: TestSmtpServer;
let transport: MailTransport;

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 12 });
  db = handle.db;
  smtp = await startTestSmtpServer();
  transport = createSmtpTransport(smtp.url);
});

afterAll(async () => {
  transport?.close();
  await smtp?.close();
  await handle?.close();
});

beforeEach(async () => {
  await db.delete(outboxMail).where(sql`true`);
  smtp.received.length = 0;
  smtp.refuse = () => null;
});

function rendered(subject: string) {
  return { subject, text: `Plain: ${subject}`, html: `<p>HTML: ${subject}</p>` };
}

/** Enqueues and commits one mail, as an event's transaction would. */
function enqueueCommitted(dedupeKey: string, to = "fan@example.com") {
  return db.transaction((tx) =>
    enqueueMail({ tx, kind: "welcome", dedupeKey, to, mail: rendered(dedupeKey) }),
  );
}

function send(now: Date, options: { limit?: number; worker?: MailTransport } = {}) {
  return sendDueMails(db, {
    transport: options.worker ?? transport,
    from: FROM,
    now,
    limit: options.limit,
    policy: FAST,
  });
}

async function rowFor(dedupeKey: string) {
  const [row] = await db.select().from(outboxMail).where(eq(outboxMail.dedupeKey, dedupeKey));
  if (!row) throw new Error(`no outbox row ${dedupeKey}`);
  return row;
}

describe("the mail outbox on PostgreSQL, through SMTP", () => {
  it("sends what the event's transaction committed, and nothing of one that rolled back", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueMail({
          tx,
          kind: "welcome",
          dedupeKey: "rolled-back",
          to: "a@example.com",
          mail: rendered("x"),
        });
        tx.rollback();
      }),
    ).rejects.toBeInstanceOf(TransactionRollbackError);
    await enqueueCommitted("committed", "b@example.com");

    expect(await send(new Date())).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
    expect(mail?.subject).toBe("committed");
    expect(mail?.text?.trim()).toBe("Plain: committed");
    expect(mail?.html).toContain("<p>HTML: committed</p>");
    expect(mail?.from?.text).toBe('"Kite" <no-reply@kite.test>');
    expect(mail?.headers.get("x-kite-mail-kind")).toBe("welcome");
    const row = await rowFor("committed");
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(mail?.messageId).toBe(`<outbox-${row.id}@kite.test>`);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await db.select().from(outboxMail).where(eq(outboxMail.dedupeKey, "rolled-back"))).toEqual([]);
    // Nothing more is due: a second pass claims nothing and sends nothing.
    expect(await send(new Date())).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("four workers racing (each its own SMTP pool, sharing one database) send each mail exactly once", async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `race-${i}`);
    for (const key of keys) await enqueueCommitted(key);
    const workers = Array.from({ length: 4 }, () => createSmtpTransport(smtp.url, { maxConnections: 2 }));
    const drain = async (worker: MailTransport) => {
      let sent = 0;
      for (;;) {
        const run = await send(new Date(), { limit: 4, worker });
        sent += run.sent;
        if (run.claimed === 0) return sent;
      }
    };
    try {
      const perWorker = await Promise.all(workers.map(drain));
      expect(perWorker.reduce((a, b) => a + b, 0)).toBe(60);
      // Every worker got a share: they really ran side by side, not one after another.
      expect(perWorker.filter((n) => n > 0).length).toBeGreaterThan(1);
    } finally {
      for (const w of workers) w.close();
    }
    await smtp.waitFor(60);
    await new Promise((r) => setTimeout(r, 200));
    const subjects = smtp.received.map((m) => m.subject).sort();
    expect(subjects).toEqual([...keys].sort());
    const rows = await db.select().from(outboxMail);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it("a server that refuses (451) is retried with exponential back-off, then the mail arrives once", async () => {
    let refusals = 2;
    smtp.refuse = () =>
      refusals-- > 0 ? { responseCode: 451, message: "Greylisted, try again later" } : null;
    await enqueueCommitted("greylisted");
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);

    expect(await send(t0)).toMatchObject({ claimed: 1, retrying: 1 });
    let row = await rowFor("greylisted");
    expect(row).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(1_000) });
    expect(row.lastError).toMatch(/451/);
    expect(await send(at(999))).toMatchObject({ claimed: 0 });

    expect(await send(at(1_000))).toMatchObject({ claimed: 1, retrying: 1 });
    row = await rowFor("greylisted");
    // The second wait is twice the first.
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: at(3_000) });
    expect(await send(at(2_999))).toMatchObject({ claimed: 0 });

    expect(await send(at(3_000))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowFor("greylisted")).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    await smtp.waitFor(1);
    expect(smtp.received.map((m) => m.subject)).toEqual(["greylisted"]);
  });

  it("gives up after the last attempt, and at once on a permanent refusal (550)", async () => {
    smtp.refuse = (to) =>
      to.startsWith("gone")
        ? { responseCode: 550, message: "No such user" }
        : { responseCode: 421, message: "Service not available" };
    await enqueueCommitted("no-such-user", "gone@example.com");
    await enqueueCommitted("always-busy", "busy@example.com");
    let now = new Date();
    expect(await send(now)).toMatchObject({ claimed: 2, failed: 1, retrying: 1 });
    expect(await rowFor("no-such-user")).toMatchObject({ status: "failed", attempts: 1 });
    for (let attempt = 2; attempt <= FAST.maxAttempts; attempt++) {
      now = new Date(now.getTime() + FAST.maxDelayMs);
      await send(now);
    }
    const busy = await rowFor("always-busy");
    expect(busy).toMatchObject({ status: "failed", attempts: FAST.maxAttempts });
    expect(busy.lastError).toMatch(/421/);
    expect(await send(new Date(now.getTime() + FAST.maxDelayMs))).toMatchObject({ claimed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("a claim is a lease: a worker that died mid-send leaves the mail to be claimed again after it", async () => {
    await enqueueCommitted("crashed");
    const t0 = new Date();
    expect(await claimDueMails(db, { now: t0, policy: FAST })).toHaveLength(1);
    // The claimant vanished without settling: nobody else may take it while the lease runs...
    expect(await claimDueMails(db, { now: new Date(t0.getTime() + FAST.leaseMs - 1), policy: FAST })).toEqual(
      [],
    );
    // ...and after it, a live worker sends it.
    expect(await send(new Date(t0.getTime() + FAST.leaseMs))).toMatchObject({ claimed: 1, sent: 1 });
    expect(await rowFor("crashed")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("the dedupe key holds: an event enqueued twice, even by two transactions at once, mails once", async () => {
    expect(await enqueueCommitted("once")).toBe(true);
    expect(await enqueueCommitted("once")).toBe(false);
    const racing = await Promise.all(Array.from({ length: 5 }, () => enqueueCommitted("twice-at-once")));
    expect(racing.filter(Boolean)).toHaveLength(1);
    // The same through a real event: a second sign-up with the same email creates no account and no mail.
    const input = { name: "Mei", email: "mei.outbox@example.com", password: "a-strong-pass-123" };
    const now = new Date("2026-03-14T16:30:00Z");
    expect(await createUser(db, { input, now })).toMatchObject({ ok: true });
    expect(await createUser(db, { input, now })).toMatchObject({ ok: false, code: "email_taken" });
    const welcome = await db.select().from(outboxMail).where(eq(outboxMail.recipient, input.email));
    expect(welcome).toHaveLength(1);

    await send(new Date());
    await smtp.waitFor(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.map((m) => m.subject).sort()).toEqual([
      "Welcome to Kite, Mei",
      "once",
      "twice-at-once",
    ]);
    const mail = smtp.received.find((m) => m.subject === "Welcome to Kite, Mei");
    expect(mail?.text).toContain("Sun, 15 Mar 2026, 00:30 GMT+8");
  });

  it("a paid order's receipt arrives with its lines and total, once per order", async () => {
    const [shopper] = await db.select().from(users).where(eq(users.email, "shopper@example.com"));
    const [sku] = await db.select().from(skus).limit(1);
    if (!shopper || !sku) throw new Error("seed missing");
    const paidAt = new Date("2026-03-14T04:05:00Z");
    const [order] = await db
      .insert(orders)
      .values({
        userId: shopper.id,
        status: "paid",
        currency: "CNY",
        totalMinor: 1_069_700,
        holdExpiresAt: paidAt,
        paidAt,
      })
      .returning({ id: orders.id });
    if (!order) throw new Error("no order");
    await db.insert(orderLines).values([
      {
        orderId: order.id,
        skuId: sku.id,
        productName: "Kite 9 Pro",
        variantLabel: "Graphite",
        unitPriceMinor: 449_900,
        quantity: 2,
      },
      {
        orderId: order.id,
        skuId: sku.id,
        productName: "Kite Buds 2",
        variantLabel: "White",
        unitPriceMinor: 169_900,
        quantity: 1,
      },
    ]);
    for (let i = 0; i < 2; i++) {
      await db.transaction((tx) => enqueueOrderConfirmation({ tx, orderId: order.id, now: paidAt }));
    }
    expect(await send(new Date())).toMatchObject({ sent: 1 });
    const [receipt] = await smtp.waitFor(1);
    expect(receipt?.to && "text" in receipt.to ? receipt.to.text : "").toBe("shopper@example.com");
    expect(receipt?.subject).toBe(`Your Kite order ${order.id.slice(0, 8).toUpperCase()} is confirmed`);
    expect(receipt?.text).toContain("2 × Kite 9 Pro (Graphite)  ¥8,998.00");
    expect(receipt?.text).toContain("Total paid  ¥10,697.00");
    expect(receipt?.text).toContain("Sat, 14 Mar 2026, 12:05 GMT+8");
    expect(receipt?.html).toContain("¥10,697.00");
    expect(receipt?.html).not.toMatch(/<img|src=/i);
  });
});
