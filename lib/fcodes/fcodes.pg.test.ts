import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import type { Actor } from "@/lib/audit/log";
import { createMemoryRateLimiter } from "@/lib/rate-limit/limiter";
import { readSaleCounts } from "@/lib/sales/figures";
import { sweepExpiredSaleHolds } from "@/lib/sales/holds";
import type { ReserveResult } from "@/lib/sales/reserve";
import {
  accountsOverLimit,
  bucketMismatches,
  crowd,
  reserveEitherSku,
  rng,
  shuffle,
  tallyReserveResults,
  unexpectedReserveOutcomes,
  unqueuedHolds,
} from "@/lib/sales/test-support";
import { toStoreInputValue } from "@/lib/store-time";
import { getSeededMarketer } from "@/tests/helpers/seeded";
import { callersFor, payForSaleHold, stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { FCODE_ALPHABET, unsealFcode } from "./codes";
import {
  giveFcode,
  issueFcodeBatch,
  type RedeemResult,
  redeemFcode,
  returnExpiredFcodeUnits,
} from "./commands";
import { listFcodeBatches, listFcodesForUser, lookupFcode } from "./queries";
import type { IssueBatchInput } from "./rules";

/*
 * F-codes on real PostgreSQL: issuing moves a quota out of the sale's public buckets into the batch's own; every
 * redemption is a sale hold in that bucket. Each test ends with the storms' exact checks: every bucket's held and
 * sold equal its active and converted holds, quantity = available + held + sold, the sale's units add up to what
 * it was created with, and no account holds more public units than the sale allows.
 */

const CONNECTIONS = 32;
const T0 = new Date("2031-03-01T04:00:00Z");
const ZONE = "UTC";
const HOUR = 3_600_000;
const BEFORE_START = new Date(T0.getTime() - 2 * HOUR);

const storm = withStormDatabase({ connections: CONNECTIONS, accounts: 700, usersPrefix: "fcode" });
const nextSale = stormSales({ slug: "fcode-sale", name: "F-code sale", t0: T0 });
let marketer: Actor;
beforeAll(async () => {
  marketer = await getSeededMarketer(storm.db);
});

function newSale(quantities: [number, number] = [40, 20]) {
  return nextSale(storm.db, { product: storm, perAccountLimit: 1, quantities, userIds: storm.users });
}

const local = (at: Date) => toStoreInputValue(at, ZONE);

async function issue(saleId: string, over: Partial<IssueBatchInput> = {}, now = BEFORE_START) {
  const input: IssueBatchInput = {
    saleId,
    skuId: storm.skuA,
    label: "Kite Club moderators",
    codeCount: 5,
    quota: 3,
    validFrom: local(new Date(now.getTime() - HOUR)),
    validUntil: local(new Date(T0.getTime() + HOUR)),
    atExpiry: "return_to_sale",
    ...over,
  };
  return issueFcodeBatch(storm.db, { actor: marketer, input, now, timeZone: ZONE });
}

async function issueCodes(saleId: string, over: Partial<IssueBatchInput> = {}, now = BEFORE_START) {
  const issued = await issue(saleId, over, now);
  if (!issued.ok) throw new Error(issued.message);
  return issued;
}

function redeem(
  code: string,
  userId: string,
  {
    now = BEFORE_START,
    skuId,
    limiter = createMemoryRateLimiter(),
  }: Partial<{
    now: Date;
    skuId: number;
    limiter: ReturnType<typeof createMemoryRateLimiter>;
  }> = {},
): Promise<RedeemResult> {
  return redeemFcode(storm.db, limiter, { code, userId, ip: null, now, holdMinutes: 10, skuId });
}

async function expectExact(saleId: string, units: number) {
  expect(await bucketMismatches(storm.db, { saleId })).toEqual([]);
  expect(await accountsOverLimit(storm.db, { saleId })).toEqual([]);
  const counts = await readSaleCounts(storm.db, { saleId });
  expect(counts && counts.remaining + counts.setAside + counts.held + counts.sold).toBe(units);
  expect(counts?.quantity).toBe(units);
  expect(await unqueuedHolds(storm.db, { saleId })).toBe(0);
  return counts;
}

async function writes(saleId: string) {
  const [row] = await queryRows<{ holds: number; owned: number; queue: number }>(
    storm.db,
    sql`select (select count(*) from sale_holds where sale_id = ${saleId}::uuid)::int as holds,
          (select count(*) from fcodes c join fcode_batches b on b.id = c.batch_id
            where b.sale_id = ${saleId}::uuid and c.owner_id is not null)::int as owned,
          (select count(*) from checkout_queue q join sale_holds h on h.id = q.hold_id
            where h.sale_id = ${saleId}::uuid)::int as queue`,
  );
  return row;
}

describe("issuing a batch", () => {
  it("makes grouped, unguessable codes, keeps only their hashes and moves the quota out of the public stock", async () => {
    const saleId = await newSale();
    const { codes, batchId } = await issueCodes(saleId, { codeCount: 20, quota: 7 });
    expect(codes).toHaveLength(20);
    const shape = new RegExp(`^([${FCODE_ALPHABET}]{4}-){3}[${FCODE_ALPHABET}]{4}$`);
    for (const code of codes) expect(code).toMatch(shape);
    expect(new Set(codes).size).toBe(20);
    const stored = await queryRows<{ codeHash: string; hint: string }>(
      storm.db,
      sql`select code_hash as "codeHash", hint from fcodes where batch_id = ${batchId}::uuid`,
    );
    expect(stored).toHaveLength(20);
    const bare = codes.map((c) => c.replaceAll("-", ""));
    for (const row of stored) {
      expect(bare).not.toContain(row.codeHash);
      expect(bare.some((c) => c.endsWith(row.hint))).toBe(true);
    }
    const counts = await expectExact(saleId, 60);
    expect(counts).toMatchObject({ remaining: 53, setAside: 7, held: 0, sold: 0 });
    // The public sees 33 of version A, and selling all 53 public units never touches the 7.
    const a = counts?.skus.find((s) => s.skuId === storm.skuA);
    expect(a).toMatchObject({ quantity: 40, remaining: 33, setAside: 7 });
  });

  it("refuses a quota larger than the free public units, an ended sale and a version outside the sale, writing nothing", async () => {
    const saleId = await newSale([10, 5]);
    const tooMany = await issue(saleId, { codeCount: 20, quota: 11 });
    expect(tooMany).toMatchObject({ ok: false, code: "invalid" });
    expect(!tooMany.ok && tooMany.fieldErrors?.quota?.[0]).toMatch(/Only 10 units of .* are free/);
    const over = await issue(saleId, { codeCount: 2, quota: 3 }).catch((e: Error) => e);
    // quota <= codeCount is the form's rule (zod); the table's CHECK backs it up.
    expect(over).toBeInstanceOf(Error);
    const after = await issue(saleId, {}, new Date(T0.getTime() + 3 * HOUR));
    expect(after).toMatchObject({ ok: false, code: "invalid" });
    const otherSku = await issue(saleId, { skuId: 999_999 });
    expect(otherSku).toMatchObject({ ok: false, code: "invalid" });
    const [batches] = await queryRows<{ n: number }>(
      storm.db,
      sql`select count(*)::int as n from fcode_batches where sale_id = ${saleId}::uuid`,
    );
    expect(batches?.n).toBe(0);
    await expectExact(saleId, 15);
  });
});

describe("redeeming", () => {
  it("one code, two redeemers at once: exactly one wins, the other is told the code is used", async () => {
    for (let round = 0; round < 5; round++) {
      const saleId = await newSale();
      const { codes } = await issueCodes(saleId);
      const code = codes[0] as string;
      const racers = storm.users.slice(round * 8, round * 8 + 8);
      const results = await Promise.all(racers.map((userId) => redeem(code, userId)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(Array(7).fill("used"));
      const counts = await expectExact(saleId, 60);
      expect(counts).toMatchObject({ setAside: 2, held: 1 });
    }
  });

  it("the last F-code unit, two codes at once: exactly one gets it, the other is told the quota is gone", async () => {
    for (let round = 0; round < 5; round++) {
      const saleId = await newSale();
      const { codes } = await issueCodes(saleId, { codeCount: 2, quota: 1 });
      const [a, b] = [storm.users[100 + round * 2] as string, storm.users[101 + round * 2] as string];
      const results = await Promise.all([redeem(codes[0] as string, a), redeem(codes[1] as string, b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser).toMatchObject({ ok: false, code: "quota_gone" });
      expect(loser && !loser.ok && loser.message).toMatch(/reserved right now/);
      await expectExact(saleId, 60);
    }
  });

  it("an unpaid hold returns its unit to the quota; the same account may redeem again, nobody else; a paid code is spent", async () => {
    const saleId = await newSale();
    const { codes } = await issueCodes(saleId, { codeCount: 2, quota: 1 });
    const [fan, friend] = [storm.users[200] as string, storm.users[201] as string];
    const code = codes[0] as string;
    const first = await redeem(code, fan);
    expect(first).toMatchObject({ ok: true, existing: false });
    // Redeeming again while holding gives the same hold.
    const again = await redeem(code.toLowerCase().replaceAll("-", " "), fan);
    expect(again).toMatchObject({ ok: true, existing: true, holdId: first.ok && first.holdId });
    expect(await readSaleCounts(storm.db, { saleId })).toMatchObject({ setAside: 0, held: 1 });

    const later = new Date(BEFORE_START.getTime() + 11 * 60_000);
    // Other tests' holds expire too (one database for the file): this sale's figures are what is checked.
    expect((await sweepExpiredSaleHolds(storm.db, { now: later })).released).toBeGreaterThanOrEqual(1);
    expect(await expectExact(saleId, 60)).toMatchObject({ setAside: 1, held: 0 });

    expect(await redeem(code, friend, { now: later })).toMatchObject({ ok: false, code: "used" });
    const second = await redeem(code, fan, { now: later });
    expect(second).toMatchObject({ ok: true, existing: false });
    if (!second.ok) return;
    expect(
      await payForSaleHold(storm.db, { holdId: second.holdId, userId: fan, now: later, late: false }),
    ).toBe("converted");
    expect(await expectExact(saleId, 60)).toMatchObject({ setAside: 0, held: 0, sold: 1 });
    expect(await redeem(code, fan, { now: later })).toMatchObject({ ok: false, code: "already_bought" });
    // The other code finds the quota bought out.
    const gone = await redeem(codes[1] as string, friend, { now: later });
    expect(gone).toMatchObject({ ok: false, code: "quota_gone" });
    expect(!gone.ok && gone.message).toMatch(/has been bought/);
  });

  it("bad input is a typed refusal that writes nothing; wrong codes are throttled per account", async () => {
    const saleId = await newSale();
    const { codes } = await issueCodes(saleId, { codeCount: 3, quota: 3 });
    const fan = storm.users[300] as string;
    const before = await writes(saleId);
    const limiter = createMemoryRateLimiter();
    const cases: [string, RedeemResult][] = [
      ["malformed", await redeem("not a code", fan, { limiter })],
      ["unknown", await redeem("2222-3333-4444-5555", fan, { limiter })],
      ["other_sku", await redeem(codes[0] as string, fan, { skuId: storm.skuB, limiter })],
      [
        "not yet",
        await redeem(codes[0] as string, fan, { now: new Date(BEFORE_START.getTime() - 2 * HOUR), limiter }),
      ],
      ["expired", await redeem(codes[0] as string, fan, { now: new Date(T0.getTime() + 2 * HOUR), limiter })],
    ];
    expect(cases.map(([, r]) => !r.ok && r.code)).toEqual([
      "unknown_code",
      "unknown_code",
      "other_sku",
      "not_yet_valid",
      "expired",
    ]);
    for (const [, r] of cases) expect(!r.ok && r.message.length).toBeGreaterThan(20);
    expect(await writes(saleId)).toEqual(before);

    // One F-code unit per account and sale: a second code of the same sale is refused, and writes nothing.
    expect(await redeem(codes[0] as string, fan, { limiter })).toMatchObject({ ok: true });
    const mid = await writes(saleId);
    expect(await redeem(codes[1] as string, fan, { limiter })).toMatchObject({
      ok: false,
      code: "fcode_limit",
    });
    expect(await writes(saleId)).toEqual(mid);

    // Ten wrong codes in a row, then the account waits, even with a right code.
    for (let i = 0; i < 10; i++) await redeem("2222-3333-4444-5555", fan, { limiter });
    const throttled = await redeem(codes[2] as string, fan, { limiter });
    expect(throttled).toMatchObject({ ok: false, code: "rate_limited" });
    expect(!throttled.ok && throttled.retryAfterSeconds).toBeGreaterThan(0);
    await expectExact(saleId, 60);
  });
});

describe("expiry", () => {
  it("returns unused units to the public stock, or keeps them in the quota, as the batch says", async () => {
    const saleId = await newSale();
    const back = await issueCodes(saleId, { codeCount: 4, quota: 4, atExpiry: "return_to_sale" });
    await issueCodes(saleId, { codeCount: 2, quota: 2, atExpiry: "keep_in_quota", label: "Kept" });
    const fan = storm.users[400] as string;
    const held = await redeem(back.codes[0] as string, fan);
    expect(held.ok).toBe(true);
    expect(await readSaleCounts(storm.db, { saleId })).toMatchObject({ remaining: 54, setAside: 5, held: 1 });

    const expiry = new Date(T0.getTime() + HOUR);
    // One database for the file: other tests' batches expire at the same instant, so this sale's figures are
    // what is checked.
    await returnExpiredFcodeUnits(storm.db, { now: new Date(expiry.getTime() - 1) });
    expect(await readSaleCounts(storm.db, { saleId })).toMatchObject({ remaining: 54, setAside: 5, held: 1 });
    expect((await returnExpiredFcodeUnits(storm.db, { now: expiry })).returned).toBeGreaterThanOrEqual(3);
    expect(await expectExact(saleId, 60)).toMatchObject({ remaining: 57, setAside: 2, held: 1 });
    // The unpaid hold comes back after the expiry: the next sweep returns that unit too.
    await sweepExpiredSaleHolds(storm.db, { now: new Date(expiry.getTime() + HOUR) });
    await returnExpiredFcodeUnits(storm.db, { now: new Date(expiry.getTime() + HOUR) });
    expect(await expectExact(saleId, 60)).toMatchObject({ remaining: 58, setAside: 2, held: 0 });
    const [batch] = await queryRows<{ returned: number }>(
      storm.db,
      sql`select returned_units as returned from fcode_batches where id = ${back.batchId}::uuid`,
    );
    expect(batch?.returned).toBe(4);

    // The kept units stay set aside; the next batch of this version takes them before any public unit.
    const later = new Date(T0.getTime() + 90 * 60_000);
    const next = await issueCodes(
      saleId,
      { codeCount: 3, quota: 3, label: "Next", validUntil: local(new Date(T0.getTime() + 105 * 60_000)) },
      later,
    );
    expect(await expectExact(saleId, 60)).toMatchObject({ remaining: 57, setAside: 3, held: 0 });
    const moved = await queryRows<{ label: string; returned: number; available: number }>(
      storm.db,
      sql`select b.label, b.returned_units as returned, k.available from fcode_batches b
          join sale_buckets k on k.id = b.bucket_id where b.sale_id = ${saleId}::uuid order by b.label`,
    );
    expect(moved).toEqual([
      { label: "Kept", returned: 2, available: 0 },
      { label: "Kite Club moderators", returned: 4, available: 0 },
      { label: "Next", returned: 0, available: 3 },
    ]);
    expect(next.codes).toHaveLength(3);
  });
});

describe("giving", () => {
  it("gives a code to a fan by email: sealed for their account page, mailed through the outbox, audited", async () => {
    const saleId = await newSale();
    const { codes, batchId } = await issueCodes(saleId, { codeCount: 2, quota: 1 });
    const [fan] = await queryRows<{ id: string; email: string }>(
      storm.db,
      sql`select id, email from users where id = ${storm.users[500] as string}::uuid`,
    );
    if (!fan) throw new Error("no fan");
    const secret = "test-secret-of-thirty-two-chars!!";
    const give = (code: string, email: string) =>
      giveFcode(storm.db, { actor: marketer, code, email, now: BEFORE_START, secret });
    expect(await give(codes[0] as string, fan.email)).toMatchObject({ ok: true });
    const [row] = await queryRows<{ sealed: string; givenTo: string }>(
      storm.db,
      sql`select sealed, given_to as "givenTo" from fcodes where given_to = ${fan.id}::uuid`,
    );
    expect(row?.givenTo).toBe(fan.id);
    expect(unsealFcode(row?.sealed ?? "", secret)).toBe((codes[0] as string).replaceAll("-", ""));
    expect(unsealFcode(row?.sealed ?? "", "another-secret-of-32-characters!!")).toBeNull();
    const mails = await queryRows<{ subject: string; text: string }>(
      storm.db,
      sql`select subject, text from outbox_mail where recipient = ${fan.email} and kind = 'fcode_received'`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(codes[0] as string);
    expect(await give(codes[0] as string, "marketer@example.com")).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await give(codes[1] as string, "nobody@nowhere.test")).toMatchObject({
      ok: false,
      code: "invalid",
    });

    // The fan's page shows the code; a friend redeems it from its link; the console counts it.
    const limiter = createMemoryRateLimiter();
    const friend = storm.users[501] as string;
    expect(await listFcodesForUser(storm.db, { userId: fan.id, now: BEFORE_START, secret })).toMatchObject([
      { code: codes[0], state: "given", mine: false, passedOn: false },
    ]);
    const looked = await lookupFcode(storm.db, limiter, {
      code: codes[0] as string,
      userId: friend,
      ip: null,
      now: BEFORE_START,
    });
    expect(looked).toMatchObject({
      ok: true,
      view: { code: codes[0], state: "given", taken: false, mine: false },
    });
    const redeemed = await redeem(codes[0] as string, friend);
    expect(redeemed.ok).toBe(true);
    expect(await listFcodesForUser(storm.db, { userId: fan.id, now: BEFORE_START, secret })).toMatchObject([
      { state: "bought", passedOn: true },
    ]);
    expect(await listFcodesForUser(storm.db, { userId: friend, now: BEFORE_START, secret })).toMatchObject([
      { code: null, state: "reserved", mine: true, holdId: redeemed.ok ? redeemed.holdId : "" },
    ]);
    expect(
      await lookupFcode(storm.db, limiter, {
        code: codes[0] as string,
        userId: fan.id,
        ip: null,
        now: BEFORE_START,
      }),
    ).toMatchObject({ ok: true, view: { taken: true, holdId: null } });
    expect(
      await lookupFcode(storm.db, limiter, {
        code: "2222-3333-4444-5555",
        userId: null,
        ip: "203.0.113.9",
        now: BEFORE_START,
      }),
    ).toEqual({ ok: false, code: "unknown_code" });
    const batch = (await listFcodeBatches(storm.db, { now: BEFORE_START })).find((b) => b.id === batchId);
    expect(batch).toMatchObject({
      issued: 2,
      given: 1,
      redeemed: 1,
      paid: 0,
      expired: 0,
      setAside: 0,
      held: 1,
      sold: 0,
    });
  });
});

describe("a storm of public reserves and F-code redemptions on one version", () => {
  it("sells every public unit and exactly the quota, never more, with the accounting exact", async () => {
    const random = rng(13);
    const saleId = await newSale([300, 100]);
    const { codes } = await issueCodes(saleId, {
      codeCount: 150,
      quota: 100,
      validFrom: local(BEFORE_START),
    });
    const fans = storm.users.slice(0, 500);
    const redeemers = shuffle([...storm.users.slice(500, 650)], random);
    type Job = { kind: "public"; userId: string } | { kind: "fcode"; userId: string; code: string };
    const jobs: Job[] = shuffle(
      [
        ...[...fans, ...fans].map((userId): Job => ({ kind: "public", userId })),
        ...redeemers.map((userId, i): Job => ({ kind: "fcode", userId, code: codes[i] as string })),
        // Some codes are tried by a second account at the same time.
        ...redeemers
          .slice(0, 40)
          .map((_, i): Job => ({ kind: "fcode", userId: fans[i] as string, code: codes[i] as string })),
      ],
      random,
    );
    const publicResults: ReserveResult[] = [];
    const fcodeResults: RedeemResult[] = [];
    const limiter = createMemoryRateLimiter();
    await crowd(jobs, callersFor(CONNECTIONS), async (job, i) => {
      const now = new Date(T0.getTime() + i);
      if (job.kind === "public") {
        publicResults.push(
          await reserveEitherSku(storm.db, { saleId, userId: job.userId, now, holdMinutes: 10 }, [
            storm.skuA,
            storm.skuB,
          ]),
        );
      } else {
        fcodeResults.push(
          await redeemFcode(storm.db, limiter, {
            code: job.code,
            userId: job.userId,
            ip: null,
            now,
            holdMinutes: 10,
          }),
        );
      }
    });
    const by = tallyReserveResults(publicResults);
    expect(unexpectedReserveOutcomes(by)).toEqual([]);
    // 300 units in all: 200 public of A, 100 of B, all reserved by the public; the 100 F-code units by codes.
    expect(by.new).toBe(300);
    const fcodeBy: Record<string, number> = {};
    for (const r of fcodeResults) {
      const key = r.ok ? (r.existing ? "existing" : "new") : r.code;
      fcodeBy[key] = (fcodeBy[key] ?? 0) + 1;
    }
    expect(fcodeBy.new).toBe(100);
    expect(Object.keys(fcodeBy).sort()).toEqual(expect.arrayContaining(["new", "quota_gone"]));
    expect(
      Object.keys(fcodeBy).filter((k) => !["new", "quota_gone", "used", "fcode_limit"].includes(k)),
    ).toEqual([]);
    const counts = await expectExact(saleId, 400);
    expect(counts).toMatchObject({ remaining: 0, setAside: 0, held: 400 });
    const [perCode] = await queryRows<{ n: number }>(
      storm.db,
      sql`select count(*)::int as n from (
            select c.id from fcodes c join sale_holds h on h.id = c.hold_id
            join fcode_batches b on b.id = c.batch_id
            where b.sale_id = ${saleId}::uuid and h.status = 'active' group by c.id) x`,
    );
    expect(perCode?.n).toBe(100);
    // Every F-code hold is in the batch's bucket, every public one in a public bucket.
    const [misplaced] = await queryRows<{ n: number }>(
      storm.db,
      sql`select count(*)::int as n from sale_holds h join sale_buckets b on b.id = h.bucket_id
          where h.sale_id = ${saleId}::uuid and (h.seq = 0) <> (b.bucket < 0)`,
    );
    expect(misplaced?.n).toBe(0);
  });
});
