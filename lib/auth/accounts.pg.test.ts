import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { authTokens, outboxMail, users } from "@/db/schema";
import { createMemoryRateLimiter } from "@/lib/rate-limit/limiter";
import { openSeededPostgres } from "@/tests/helpers/db";
import { changePassword, confirmEmailChange, requestEmailChange } from "./account-settings";
import { RESET_REQUESTED, requestPasswordReset, resetPassword } from "./password-reset";
import { createUser, getSessionAccount, signInWithPassword } from "./users";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 8 });
});
afterAll(async () => {
  await handle?.close();
});

const T0 = Date.UTC(2030, 0, 1);
const t = (minutes: number) => new Date(T0 + minutes * 60_000);
const ORIGIN = "https://shop.kite.test";
const PASSWORD = "first-pass-2030";
let ipCounter = 0;
/** A fresh address per request, so the per-address throttle stays out of tests about something else. */
const freshIp = () => `198.51.100.${++ipCounter % 250}`;

async function newAccount(label: string) {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.com`;
  const created = await createUser(handle.db, {
    input: { name: `Fan ${label}`, email, password: PASSWORD },
    now: t(0),
  });
  if (!created.ok) throw new Error("account not created");
  return created.user;
}

/** The token in the newest mail of a kind to an address (the link is the only place it exists). */
async function tokenMailed(to: string, kind: string): Promise<string> {
  const [mail] = await handle.db
    .select({ text: outboxMail.text })
    .from(outboxMail)
    .where(and(eq(outboxMail.recipient, to), eq(outboxMail.kind, kind)))
    .orderBy(desc(outboxMail.id))
    .limit(1);
  const token = mail?.text.match(/token=([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no ${kind} link mailed to ${to}`);
  return token;
}

const mailsTo = (to: string, kind: string) =>
  handle.db
    .select({ id: outboxMail.id })
    .from(outboxMail)
    .where(and(eq(outboxMail.recipient, to), eq(outboxMail.kind, kind)));

const ask = (email: string, now = t(0), limiter = createMemoryRateLimiter(), ip = freshIp()) =>
  requestPasswordReset(handle.db, limiter, { email, ip, origin: ORIGIN, now });

const signIn = (email: string, password: string) =>
  signInWithPassword(handle.db, createMemoryRateLimiter(), { email, password, ip: freshIp(), now: t(0) });

async function passwordHashOf(userId: string) {
  const [row] = await handle.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash;
}

describe("password reset links (PostgreSQL)", () => {
  it("mails a link that sets a new password once; the stored token is a hash; other sessions end", async () => {
    const user = await newAccount("reset");
    expect(await ask(user.email.toUpperCase())).toEqual({ ok: true, message: RESET_REQUESTED });
    const token = await tokenMailed(user.email, "password_reset");
    const rows = await handle.db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(token);
    expect(rows[0]?.expiresAt).toEqual(t(30));

    const before = Date.now() - 1;
    expect(await resetPassword(handle.db, { token, password: "second-pass-2030", now: t(5) })).toEqual({
      ok: true,
      email: user.email,
    });
    expect(await signIn(user.email, "second-pass-2030")).toMatchObject({ ok: true });
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ ok: false });
    // A session from before the reset is over; one signed in after it is not.
    expect(await getSessionAccount(handle.db, { userId: user.id, authAt: before })).toBeNull();
    expect(await getSessionAccount(handle.db, { userId: user.id, authAt: Date.now() + 1 })).toMatchObject({
      id: user.id,
    });

    // Used twice: refused, and nothing written.
    const hash = await passwordHashOf(user.id);
    const again = await resetPassword(handle.db, { token, password: "third-pass-2030", now: t(6) });
    expect(again).toMatchObject({
      ok: false,
      code: "token_used",
      message: expect.stringMatching(/already been used/),
    });
    expect(await passwordHashOf(user.id)).toBe(hash);
  });

  it("refuses an expired, unknown or malformed link, writing nothing", async () => {
    const user = await newAccount("expired");
    await ask(user.email);
    const token = await tokenMailed(user.email, "password_reset");
    const hash = await passwordHashOf(user.id);
    const late = await resetPassword(handle.db, { token, password: "second-pass-2030", now: t(31) });
    expect(late).toMatchObject({
      ok: false,
      code: "token_expired",
      message: expect.stringMatching(/30 minutes/),
    });
    for (const bad of [randomBytes(32).toString("base64url"), "short", `${token}x`, "' or 1=1 --"]) {
      expect(
        await resetPassword(handle.db, { token: bad, password: "second-pass-2030", now: t(1) }),
      ).toMatchObject({
        ok: false,
        code: "token_unknown",
      });
    }
    expect(await passwordHashOf(user.id)).toBe(hash);
    const [row] = await handle.db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    expect(row?.usedAt).toBeNull();
  });

  it("two links: only the latest works, and the older one says a newer link was sent", async () => {
    const user = await newAccount("two-links");
    await ask(user.email, t(0));
    const first = await tokenMailed(user.email, "password_reset");
    await ask(user.email, t(1));
    const second = await tokenMailed(user.email, "password_reset");
    expect(second).not.toBe(first);
    expect(
      await resetPassword(handle.db, { token: first, password: "second-pass-2030", now: t(2) }),
    ).toMatchObject({
      ok: false,
      code: "token_superseded",
    });
    expect(
      await resetPassword(handle.db, { token: second, password: "second-pass-2030", now: t(2) }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("two requests at once leave exactly one working link", async () => {
    const user = await newAccount("race-issue");
    const limiter = createMemoryRateLimiter();
    await Promise.all([ask(user.email, t(0), limiter), ask(user.email, t(0), limiter)]);
    const open = await handle.db
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.userId, user.id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, t(0))));
    expect(open).toHaveLength(1);
    expect(await mailsTo(user.email, "password_reset")).toHaveLength(2);
  });

  it("one link used twice at once: exactly one use succeeds", async () => {
    const user = await newAccount("race-use");
    await ask(user.email);
    const token = await tokenMailed(user.email, "password_reset");
    const results = await Promise.all(
      ["race-pass-aaaa-1", "race-pass-bbbb-2", "race-pass-cccc-3", "race-pass-dddd-4"].map((password) =>
        resetPassword(handle.db, { token, password, now: t(1) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
      "token_used",
      "token_used",
      "token_used",
    ]);
  });

  it("answers the same for an email without an account, and mails only real accounts", async () => {
    const stranger = `nobody-${randomBytes(4).toString("hex")}@example.com`;
    expect(await ask(stranger)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await mailsTo(stranger, "password_reset")).toHaveLength(0);
    const user = await newAccount("known");
    expect(await ask(user.email)).toEqual({ ok: true, message: RESET_REQUESTED });
    expect(await mailsTo(user.email, "password_reset")).toHaveLength(1);
  });

  it("is throttled per email (known or not) and per address", async () => {
    const limiter = createMemoryRateLimiter();
    const user = await newAccount("throttle");
    for (let i = 0; i < 3; i++) expect(await ask(user.email, t(0), limiter)).toMatchObject({ ok: true });
    const refused = await ask(user.email, t(0), limiter);
    expect(refused).toMatchObject({
      ok: false,
      code: "rate_limited",
      message: expect.stringMatching(/10 minutes/),
    });
    expect(await mailsTo(user.email, "password_reset")).toHaveLength(3);
    expect(await ask(user.email, t(11), limiter)).toMatchObject({ ok: true });
    // The same limit for an email without an account: the throttle tells nothing either.
    for (let i = 0; i < 3; i++) await ask("ghost@example.com", t(0), limiter);
    expect(await ask("ghost@example.com", t(0), limiter)).toMatchObject({ code: "rate_limited" });

    const ip = "203.0.113.77";
    for (let i = 0; i < 20; i++) {
      expect(await ask(`spray-${i}@example.com`, t(0), limiter, ip)).toMatchObject({ ok: true });
    }
    expect(await ask("spray-last@example.com", t(0), limiter, ip)).toMatchObject({ code: "rate_limited" });
  });

  it("a reset link sent before the account's email changed no longer works", async () => {
    const user = await newAccount("moved");
    await ask(user.email, t(0));
    const resetToken = await tokenMailed(user.email, "password_reset");
    const newEmail = `moved-new-${randomBytes(4).toString("hex")}@example.com`;
    const limiter = createMemoryRateLimiter();
    await requestEmailChange(handle.db, limiter, {
      userId: user.id,
      currentPassword: PASSWORD,
      email: newEmail,
      origin: ORIGIN,
      ip: freshIp(),
      now: t(1),
    });
    const confirm = await tokenMailed(newEmail, "email_change");
    expect(await confirmEmailChange(handle.db, { token: confirm, userId: user.id, now: t(2) })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(
      await resetPassword(handle.db, { token: resetToken, password: "second-pass-2030", now: t(3) }),
    ).toMatchObject({
      ok: false,
      code: "token_expired",
    });
  });
});

describe("changing password and email while signed in (PostgreSQL)", () => {
  const change = (userId: string, email: string, currentPassword = PASSWORD, now = t(0)) =>
    requestEmailChange(handle.db, createMemoryRateLimiter(), {
      userId,
      currentPassword,
      email,
      origin: ORIGIN,
      ip: freshIp(),
      now,
    });

  it("changes the password only with the current one, and ends sessions from before", async () => {
    const user = await newAccount("pw");
    const limiter = createMemoryRateLimiter();
    const wrong = await changePassword(handle.db, limiter, {
      userId: user.id,
      currentPassword: "not-my-pass-1",
      newPassword: "second-pass-2030",
      ip: freshIp(),
      now: t(0),
    });
    expect(wrong).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    const before = Date.now() - 1;
    expect(
      await changePassword(handle.db, limiter, {
        userId: user.id,
        currentPassword: PASSWORD,
        newPassword: "second-pass-2030",
        ip: freshIp(),
        now: t(0),
      }),
    ).toMatchObject({ ok: true });
    expect(await signIn(user.email, "second-pass-2030")).toMatchObject({ ok: true });
    expect(await getSessionAccount(handle.db, { userId: user.id, authAt: before })).toBeNull();
  });

  it("confirms a new email through the link mailed to it; the old address gets a notice", async () => {
    const user = await newAccount("email");
    const other = await newAccount("email-other");
    const newEmail = `email-new-${randomBytes(4).toString("hex")}@example.com`;
    expect(await change(user.id, newEmail, "wrong-password-9")).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await change(user.id, user.email)).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(await change(user.id, other.email)).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/Sign in to that account/)] },
    });
    expect(await change(user.id, newEmail)).toMatchObject({ ok: true, newEmail });
    const token = await tokenMailed(newEmail, "email_change");
    // Nothing changes until the link is used.
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ ok: true });

    // Another account's session cannot use it, and nothing is written.
    expect(await confirmEmailChange(handle.db, { token, userId: other.id, now: t(1) })).toMatchObject({
      ok: false,
      code: "token_other_account",
    });
    const [still] = await handle.db.select().from(authTokens).where(eq(authTokens.userId, user.id));
    expect(still?.usedAt).toBeNull();

    expect(await confirmEmailChange(handle.db, { token, userId: user.id, now: t(1) })).toEqual({
      ok: true,
      email: newEmail,
      name: user.name,
    });
    expect(await signIn(newEmail, PASSWORD)).toMatchObject({ ok: true });
    expect(await mailsTo(user.email, "email_changed")).toHaveLength(1);
    expect(await confirmEmailChange(handle.db, { token, userId: user.id, now: t(2) })).toMatchObject({
      code: "token_used",
    });
  });

  it("refuses an email taken since the request, and leaves everything as it was", async () => {
    const user = await newAccount("late");
    const wanted = `wanted-${randomBytes(4).toString("hex")}@example.com`;
    await change(user.id, wanted);
    const token = await tokenMailed(wanted, "email_change");
    await createUser(handle.db, { input: { name: "Quick", email: wanted, password: PASSWORD }, now: t(0) });
    expect(await confirmEmailChange(handle.db, { token, userId: user.id, now: t(1) })).toMatchObject({
      ok: false,
      code: "email_taken",
    });
    const [row] = await handle.db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
    expect(row?.email).toBe(user.email);
    expect(
      await handle.db.select().from(outboxMail).where(like(outboxMail.dedupeKey, "email-changed:%")),
    ).not.toContainEqual(expect.objectContaining({ recipient: user.email }));
  });

  it("two accounts confirming the same new email at once: the unique index lets exactly one win", async () => {
    const wanted = `contested-${randomBytes(4).toString("hex")}@example.com`;
    const a = await newAccount("contest-a");
    const b = await newAccount("contest-b");
    await change(a.id, wanted);
    const tokenA = await tokenMailed(wanted, "email_change");
    await change(b.id, wanted);
    const tokenB = await tokenMailed(wanted, "email_change");
    const results = await Promise.all([
      confirmEmailChange(handle.db, { token: tokenA, userId: a.id, now: t(1) }),
      confirmEmailChange(handle.db, { token: tokenB, userId: b.id, now: t(1) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "email_taken" });
    const owners = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, wanted));
    expect(owners).toHaveLength(1);
  });
});
