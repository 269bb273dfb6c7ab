import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, contactMessages } from "@/db/schema";
import { createUser } from "@/lib/auth/users";
import { createMemoryRateLimiter, type RateLimiter } from "@/lib/rate-limit/limiter";
import { openSeededPostgres } from "@/tests/helpers/db";
import {
  CONTACT_RATE_LIMITS,
  countContactMessages,
  listContactMessages,
  sendContactMessage,
  setContactStatus,
} from "./messages";
import { CONTACT_LIMITS } from "./rules";

let handle: DbHandle;
let limiter: RateLimiter;
beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 8 });
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(() => {
  limiter = createMemoryRateLimiter();
});

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter}`;
}
const key = () => `contact-key-${unique()}-0123456789`;
const T0 = new Date("2026-12-10T04:00:00Z");

function form(overrides: Record<string, string> = {}) {
  return {
    name: "Li Wei",
    email: `fan-${unique()}@example.com`,
    topic: "order",
    orderReference: "",
    message: "My Kite 9 arrived without its charging cable. Could you send one?",
    requestKey: key(),
    website: "",
    ...overrides,
  };
}

async function send(
  raw: Record<string, string>,
  { ip = "203.0.113.7", now = T0, userId = null as string | null } = {},
) {
  return sendContactMessage(handle.db, limiter, { raw, userId, ip, now });
}

async function rowsFor(email: string): Promise<number> {
  const [row] = await handle.db
    .select({ n: count() })
    .from(contactMessages)
    .where(eq(contactMessages.email, email));
  return row?.n ?? 0;
}

async function newAccount(role = "fan") {
  const created = await createUser(handle.db, {
    input: {
      name: `Contact ${role}`,
      email: `contact-${role}-${unique()}@example.com`,
      password: "correct-horse-42",
    },
    now: new Date(),
  });
  if (!created.ok) throw new Error(created.message);
  return created.user;
}

describe("contact form (PostgreSQL)", () => {
  it("refuses each malformed field with its own message and writes nothing", async () => {
    const email = `bad-${unique()}@example.com`;
    const cases: [Record<string, string>, string][] = [
      [{ name: "  " }, "name"],
      [{ name: "x".repeat(CONTACT_LIMITS.name + 1) }, "name"],
      [{ email: "not-an-email" }, "email"],
      [{ email: `${"x".repeat(250)}@example.com` }, "email"],
      [{ topic: "refund-now" }, "topic"],
      [{ topic: "" }, "topic"],
      [{ orderReference: "ORDER-42" }, "orderReference"],
      [{ message: "Help!" }, "message"],
      [{ message: `   ${"a".repeat(CONTACT_LIMITS.message.min - 1)}   ` }, "message"],
      [{ message: "x".repeat(CONTACT_LIMITS.message.max + 1) }, "message"],
      [{ requestKey: "short" }, "requestKey"],
    ];
    for (const [overrides, field] of cases) {
      const result = await send(form({ email, ...overrides }));
      expect(result.ok, field).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe("invalid");
      expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(overrides).slice(0, 60)).toEqual([field]);
      expect(result.fieldErrors?.[field]?.[0]).toMatch(/\w+ .*\./);
    }
    expect(await rowsFor(email)).toBe(0);
  });

  it("stores a valid message as new, trimmed, with the order reference as the store writes it", async () => {
    const fan = await newAccount();
    const raw = form({
      name: "  Li Wei ",
      email: "  Li.Wei@Example.COM ",
      topic: "returns",
      orderReference: "#3f9a1c2b",
      message: `  ${"The left earbud stopped charging after a week. ".repeat(2)}  `,
    });
    const result = await send(raw, { userId: fan.id });
    expect(result.ok).toBe(true);
    if (!result.ok || !result.messageId) throw new Error("not sent");
    const [row] = await handle.db
      .select()
      .from(contactMessages)
      .where(eq(contactMessages.id, result.messageId));
    expect(row).toMatchObject({
      name: "Li Wei",
      email: "li.wei@example.com",
      topic: "returns",
      orderReference: "3F9A1C2B",
      status: "new",
      userId: fan.id,
      requestKey: raw.requestKey,
    });
    expect(row?.message).toBe(raw.message.trim());
    // A whole order id is accepted too, and kept as its first 8 characters.
    const whole = await send(form({ orderReference: "3f9a1c2b-1111-4222-8333-444455556666" }));
    expect(whole.ok).toBe(true);
  });

  it("answers a filled honeypot like a success, writes nothing and takes no token", async () => {
    const email = `bot-${unique()}@example.com`;
    for (let i = 0; i < 5; i++) {
      const result = await send(form({ email, website: "http://spam.example" }));
      expect(result).toEqual({ ok: true, messageId: null, email });
    }
    expect(await rowsFor(email)).toBe(0);
    // The bot's attempts cost this email nothing: a person can still write.
    expect((await send(form({ email }))).ok).toBe(true);
  });

  it("refuses a flood from one email with when to try again, and writes nothing for it", async () => {
    const email = `flood-${unique()}@example.com`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await send(form({ email }), { ip: `198.51.100.${i + 1}` }));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    for (const refused of results.slice(3)) {
      expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
      if (refused.ok) continue;
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.message).toMatch(/wait (\d+ (seconds|minutes)|a minute)/);
    }
    expect(await rowsFor(email)).toBe(3);
    // Tokens come back with time: one more after a third of ten minutes.
    const later = new Date(T0.getTime() + 1000 / CONTACT_RATE_LIMITS.email.burst.refillPerSecond);
    expect((await send(form({ email }), { now: later })).ok).toBe(true);
    expect(await rowsFor(email)).toBe(4);
  });

  it("refuses a flood from one address under many emails; another address is unaffected", async () => {
    const ip = "192.0.2.44";
    const burst = CONTACT_RATE_LIMITS.ip.burst.capacity;
    const emails: string[] = [];
    for (let i = 0; i < burst; i++) {
      const raw = form();
      emails.push(raw.email);
      expect((await send(raw, { ip })).ok).toBe(true);
    }
    const refused = form();
    const result = await send(refused, { ip });
    expect(result).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await rowsFor(refused.email)).toBe(0);
    // The refusal took nothing from that email's own bucket: from another address it goes through.
    expect((await send({ ...refused, requestKey: key() }, { ip: "192.0.2.45" })).ok).toBe(true);
  });

  it("caps a patient sender at about the daily limit", async () => {
    const email = `patient-${unique()}@example.com`;
    const day = CONTACT_RATE_LIMITS.email.day.capacity;
    let accepted = 0;
    // One try every 200 s for a day: the ten-minute limit never bites, the daily one does.
    for (let i = 0; i < 432; i++) {
      const result = await send(form({ email }), {
        ip: `10.0.${Math.floor(i / 250)}.${i % 250}`,
        now: new Date(T0.getTime() + i * 200_000),
      });
      if (result.ok) accepted += 1;
      else expect(result.code).toBe("rate_limited");
    }
    expect(accepted).toBeGreaterThanOrEqual(day);
    expect(accepted).toBeLessThanOrEqual(2 * day);
    expect(await rowsFor(email)).toBe(accepted);
  });

  it("writes a form sent twice once, sequentially or at once, and charges the throttle once", async () => {
    const raw = form();
    const first = await send(raw);
    const again = await send(raw);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.messageId).toBe(first.messageId);

    const twin = form({ email: raw.email });
    const [a, b] = await Promise.all([send(twin), send(twin)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.messageId).toBe(b.messageId);
    expect(await rowsFor(raw.email)).toBe(2);
    // Two messages so far, however many submits: the third of ten minutes still goes through, the fourth not.
    expect((await send(form({ email: raw.email }))).ok).toBe(true);
    expect(await send(form({ email: raw.email }))).toMatchObject({ ok: false, code: "rate_limited" });

    // The same form key with another email is not a double submit: refused, nothing written.
    const other = `other-${unique()}@example.com`;
    expect(await send({ ...raw, email: other })).toMatchObject({ ok: false, code: "conflict" });
    expect(await rowsFor(other)).toBe(0);
  });

  it("works without a form key (no JavaScript): each submit is its own message", async () => {
    const raw = form({ requestKey: "" });
    expect((await send(raw)).ok).toBe(true);
    expect((await send(raw)).ok).toBe(true);
    expect(await rowsFor(raw.email)).toBe(2);
  });
});

describe("inbox (PostgreSQL)", () => {
  async function newMessage(overrides: Record<string, string> = {}, now = T0) {
    const result = await send(form(overrides), { ip: `172.16.0.${(counter % 250) + 1}`, now });
    if (!result.ok || !result.messageId) throw new Error("not sent");
    return result.messageId;
  }

  async function auditRows(messageId: string) {
    return handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "contact_message"), eq(auditLog.entityId, messageId)))
      .orderBy(asc(auditLog.id));
  }

  it("moves new → answered → closed, each move in the audit log with who and what", async () => {
    const marketer = await newAccount("marketer");
    const actor = { id: marketer.id, email: marketer.email };
    const messageId = await newMessage({ name: "Zhang Min" });
    expect(
      await setContactStatus(handle.db, { messageId, from: "new", to: "answered", actor, now: T0 }),
    ).toEqual({
      ok: true,
      status: "answered",
    });
    expect(
      await setContactStatus(handle.db, { messageId, from: "answered", to: "closed", actor, now: T0 }),
    ).toEqual({ ok: true, status: "closed" });
    const audit = await auditRows(messageId);
    expect(audit.map((r) => [r.action, r.actorEmail, r.diff])).toEqual([
      ["contact.status", marketer.email, { status: { from: "new", to: "answered" } }],
      ["contact.status", marketer.email, { status: { from: "answered", to: "closed" } }],
    ]);
    expect(audit[0]?.summary).toBe("Marked the message from Zhang Min answered");
  });

  it("refuses a move from a status the message is no longer in, a move that does not exist, and an unknown id", async () => {
    const marketer = await newAccount("marketer");
    const actor = { id: marketer.id, email: marketer.email };
    const messageId = await newMessage();
    await setContactStatus(handle.db, { messageId, from: "new", to: "answered", actor, now: T0 });

    const stale = await setContactStatus(handle.db, { messageId, from: "new", to: "closed", actor, now: T0 });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    if (!stale.ok) expect(stale.message).toMatch(/now answered/);
    expect(
      await setContactStatus(handle.db, { messageId, from: "closed", to: "answered", actor, now: T0 }),
    ).toMatchObject({ ok: false, code: "invalid" });
    for (const id of ["not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      expect(
        await setContactStatus(handle.db, { messageId: id, from: "new", to: "answered", actor, now: T0 }),
      ).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await auditRows(messageId)).toHaveLength(1);
  });

  it("lets one of two marketers racing on the same message win, with one audit row", async () => {
    const [m1, m2] = await Promise.all([newAccount("marketer"), newAccount("marketer")]);
    const messageId = await newMessage();
    const results = await Promise.all([
      setContactStatus(handle.db, {
        messageId,
        from: "new",
        to: "answered",
        actor: { id: m1.id, email: m1.email },
        now: T0,
      }),
      setContactStatus(handle.db, {
        messageId,
        from: "new",
        to: "closed",
        actor: { id: m2.id, email: m2.email },
        now: T0,
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
    expect(await auditRows(messageId)).toHaveLength(1);
  });

  it("lists newest first, filters by status and topic, and pages without repeats", async () => {
    const topic = "fcode";
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await newMessage({ topic }, new Date(T0.getTime() + 3_600_000 + i * 1000)));
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await listContactMessages(handle.db, { topic, status: "new", before, limit: 2 });
      expect(page.rows.every((r) => r.topic === topic && r.status === "new")).toBe(true);
      seen.push(...page.rows.map((r) => r.id));
      before = page.nextBefore ?? undefined;
    } while (before);
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);

    const counts = await countContactMessages(handle.db);
    expect(counts.new).toBeGreaterThanOrEqual(5);
    const preview = (await listContactMessages(handle.db, { limit: 1 })).rows[0]?.preview ?? "";
    expect(preview.length).toBeLessThanOrEqual(140);
  });
});
