import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditLog, pointsAccounts, pointsEntries, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/log";
import { insertUsers } from "@/lib/sales/test-support";
import { openSeededPostgres } from "@/tests/helpers/db";
import { getSeededMarketer } from "@/tests/helpers/seeded";
import { adjustPoints, adjustPointsForm } from "./adjust";

/** A marketer's points adjustment: one ledger entry and one audit line, or a typed refusal with nothing written. */

let handle: DbHandle;
let db: Db;
let actor: Actor;

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 6 });
  db = handle.db;
  actor = await getSeededMarketer(db);
});

afterAll(async () => {
  await handle?.close();
});

async function newFan() {
  const [id] = await insertUsers(db, { prefix: `adjust-${randomUUID().slice(0, 8)}`, count: 1 });
  if (!id) throw new Error("no user");
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, id));
  return { id, email: row?.email ?? "" };
}

const input = (email: string, amount: number, expectedBalance: number, requestKey = randomUUID()) =>
  adjustPointsForm.parse({
    email,
    amount: String(amount),
    reason: "Goodwill: late parcel",
    expectedBalance: String(expectedBalance),
    requestKey,
  });

async function state(userId: string) {
  const [account] = await db.select().from(pointsAccounts).where(eq(pointsAccounts.userId, userId));
  const entries = await db.select().from(pointsEntries).where(eq(pointsEntries.userId, userId));
  const audits = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, "points.adjust")));
  return { balance: account?.balance ?? 0, entries: entries.length, audits: audits.length };
}

describe("adjusting a fan's points", () => {
  it("adds and takes away with a reason: a ledger entry and an audit line each", async () => {
    const fan = await newFan();
    expect(await adjustPoints(db, { actor, input: input(fan.email, 250, 0) })).toMatchObject({
      ok: true,
      balance: 250,
    });
    expect(await adjustPoints(db, { actor, input: input(fan.email, -50, 250) })).toMatchObject({
      ok: true,
      balance: 200,
    });
    expect(await state(fan.id)).toEqual({ balance: 200, entries: 2, audits: 2 });
    const [entry] = await db.select().from(pointsEntries).where(eq(pointsEntries.userId, fan.id)).limit(1);
    expect(entry).toMatchObject({ reason: "adjustment", note: "Goodwill: late parcel" });
  });

  it("refuses a stale form, a double submit, a balance below zero and an unknown email, writing nothing", async () => {
    const fan = await newFan();
    expect(await adjustPoints(db, { actor, input: input(fan.email, 100, 0) })).toMatchObject({ ok: true });
    expect(await adjustPoints(db, { actor, input: input(fan.email, 100, 0) })).toMatchObject({
      code: "points_stale",
    });
    expect(await adjustPoints(db, { actor, input: input(fan.email, -101, 100) })).toMatchObject({
      code: "invalid",
    });
    const key = randomUUID();
    const twice = await Promise.all(
      [1, 2].map(() => adjustPoints(db, { actor, input: input(fan.email, 10, 100, key) })),
    );
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(await adjustPoints(db, { actor, input: input("nobody@example.com", 10, 0) })).toMatchObject({
      code: "invalid",
    });
    expect(await state(fan.id)).toEqual({ balance: 110, entries: 2, audits: 2 });
  });

  it("bounds the input", () => {
    const bad = (amount: string, reason = "ok reason") =>
      adjustPointsForm.safeParse({
        email: "a@b.co",
        amount,
        reason,
        expectedBalance: "0",
        requestKey: randomUUID(),
      }).success;
    expect(bad("0")).toBe(false);
    expect(bad("100001")).toBe(false);
    expect(bad("1.5")).toBe(false);
    expect(bad("10", "x")).toBe(false);
    expect(bad("10", "y".repeat(201))).toBe(false);
    expect(bad("-100000")).toBe(true);
  });
});
