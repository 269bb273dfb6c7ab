import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, queryCount } from "@/db/client";
import { openSeededPostgres } from "@/tests/helpers/db";
import { getKite9Pro } from "@/tests/helpers/seeded";
import { releaseSaleHold } from "./holds";
import { configureReserveBatching, type ReserveResult, reserveSaleUnit } from "./reserve";
import {
  answerFromSoldOutMemo,
  forgetSoldOut,
  type HolderStore,
  recallSaleWindow,
  rememberSaleWindow,
  rememberSoldOut,
  resetSoldOutMemo,
  SOLD_OUT_MEMO_MS,
  soldOutMemoAnswers,
} from "./sold-out-memo";
import { createStormSale, insertUsers } from "./test-support";

/*
 * Losers answered cheaply: once a version is sold out, fans without a unit are told so from memory (no database
 * statement), fans who hold one still reach the database (a double click gets its hold back), and units that
 * come back are offered at once.
 */

const T0 = new Date("2030-07-01T04:00:00Z");
let handle: DbHandle;
let product: Awaited<ReturnType<typeof getKite9Pro>>;
let n = 0;

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
  product = await getKite9Pro(handle.db);
});
afterAll(() => handle?.close());
afterEach(() => resetSoldOutMemo());

/** A sale of `units` units of one version (the other has none) and `fans` registered fans. */
async function smallSale(units: number, fans: number) {
  n += 1;
  const users = await insertUsers(handle.db, { prefix: `memo-${n}`, count: fans });
  const saleId = await createStormSale(handle.db, {
    slug: `memo-${n}`,
    name: `Memo ${n}`,
    productId: product.productId,
    startsAt: T0,
    perAccountLimit: 1,
    versions: [
      { skuId: product.skuA, quantity: units },
      { skuId: product.skuB, quantity: 1 },
    ],
    userIds: users,
  });
  const press = (userId: string, requestKey?: string): Promise<ReserveResult> =>
    reserveSaleUnit(handle.db, {
      saleId,
      skuId: product.skuA,
      userId,
      now: T0,
      holdMinutes: 10,
      ...(requestKey ? { requestKey } : {}),
    });
  return { saleId, users, press };
}

describe("the sold-out memo (memory only, as one instance without Redis)", () => {
  it("answers losers without a database statement, sends holders to the database, and forgets on a release", async () => {
    resetSoldOutMemo(null);
    const { users, press } = await smallSale(3, 12);
    const [a, b, c, d, ...rest] = users as [string, string, string, string, ...string[]];
    const won = await Promise.all([press(a, "key-a-0001"), press(b), press(c)]);
    expect(won.every((r) => r.ok)).toBe(true);
    // The first loser learns it from the database; that answer is remembered.
    expect(await press(d)).toMatchObject({ ok: false, code: "sold_out" });
    expect(soldOutMemoAnswers()).toBe(0);

    const before = queryCount();
    const answers = await Promise.all(rest.map((u) => press(u)));
    expect(queryCount() - before).toBe(0);
    expect(answers.every((r) => !r.ok && r.code === "sold_out")).toBe(true);
    expect(soldOutMemoAnswers()).toBe(rest.length);

    // A winner's double click (same key) and a retry without one still get their hold back.
    const replay = await press(a, "key-a-0001");
    expect(replay).toMatchObject({ ok: true, existing: true });
    const retry = await press(b);
    expect(retry).toMatchObject({ ok: true, existing: true });

    // A unit comes back: the very next press may take it.
    const first = won[0];
    if (!first?.ok) throw new Error("unreachable");
    expect(
      await releaseSaleHold(handle.db, { holdId: first.hold.holdId, now: T0, reason: "cancelled" }),
    ).toMatchObject({
      released: true,
    });
    expect(await press(d)).toMatchObject({ ok: true, existing: false });
  });

  it("trusts a sold-out answer for SOLD_OUT_MEMO_MS only", async () => {
    resetSoldOutMemo(null);
    const result: ReserveResult = { ok: false, code: "sold_out", message: "Sold out" };
    const at = 1_000_000;
    rememberSoldOut({ saleId: "s", skuId: 1, result }, at);
    expect(
      await answerFromSoldOutMemo({ saleId: "s", skuId: 1, userId: "u" }, at + SOLD_OUT_MEMO_MS - 1),
    ).toBe(result);
    expect(await answerFromSoldOutMemo({ saleId: "s", skuId: 2, userId: "u" }, at)).toBeNull();
    expect(
      await answerFromSoldOutMemo({ saleId: "s", skuId: 1, userId: "u" }, at + SOLD_OUT_MEMO_MS),
    ).toBeNull();
  });
});

describe("fans at their limit (memory)", () => {
  it("a fan holding the limit is refused again without the database, but gets their hold back for a retry or its version", async () => {
    resetSoldOutMemo(null);
    const { saleId, users, press } = await smallSale(5, 2);
    const [a] = users as [string];
    const pressB = (requestKey: string) =>
      reserveSaleUnit(handle.db, {
        saleId,
        skuId: product.skuB,
        userId: a,
        now: T0,
        holdMinutes: 10,
        requestKey,
      });
    const held = await press(a, "key-a-hold");
    expect(held).toMatchObject({ ok: true, existing: false });
    // The other version: over the limit of 1, said by the database, then from memory.
    expect(await pressB("key-a-b-001")).toMatchObject({ ok: false, code: "limit_reached" });
    const before = queryCount();
    expect(await pressB("key-a-b-002")).toMatchObject({ ok: false, code: "limit_reached" });
    expect(queryCount() - before).toBe(0);
    expect(soldOutMemoAnswers()).toBe(1);
    // A retry of the hold's own press, and a press for the version held, still reach the database.
    expect(await pressB("key-a-hold")).toMatchObject({ ok: true, existing: true });
    expect(await press(a, "key-a-other")).toMatchObject({ ok: true, existing: true });
    // The fan cancels: room again at once.
    if (!held.ok) throw new Error("unreachable");
    await releaseSaleHold(handle.db, { holdId: held.hold.holdId, now: T0, reason: "cancelled", userId: a });
    expect(await pressB("key-a-b-003")).toMatchObject({ ok: true, existing: false });
  });
});

describe("the sold-out memo with a shared holder store (several instances)", () => {
  it("asks the store; a holder another instance recorded, or no answer, goes to the database", async () => {
    const recorded = new Set<string>();
    let down = false;
    const store: HolderStore = {
      add: async (_sale, user) => {
        recorded.add(user);
        return true;
      },
      has: async (_sale, user) => (down ? null : recorded.has(user)),
    };
    resetSoldOutMemo(store);
    const result: ReserveResult = { ok: false, code: "sold_out", message: "Sold out" };
    rememberSoldOut({ saleId: "s", skuId: 1, result });
    expect(await answerFromSoldOutMemo({ saleId: "s", skuId: 1, userId: "loser" })).toBe(result);
    recorded.add("holder-elsewhere");
    expect(await answerFromSoldOutMemo({ saleId: "s", skuId: 1, userId: "holder-elsewhere" })).toBeNull();
    down = true;
    expect(await answerFromSoldOutMemo({ saleId: "s", skuId: 1, userId: "loser" })).toBeNull();
  });

  it("stops answering for a sale whose holder it could not record", async () => {
    const store: HolderStore = { add: async () => false, has: async () => false };
    resetSoldOutMemo(store);
    const { saleId, users, press } = await smallSale(1, 3);
    const [a, b, c] = users as [string, string, string];
    expect(await press(a)).toMatchObject({ ok: true });
    expect(await press(b)).toMatchObject({ ok: false, code: "sold_out" });
    expect(await answerFromSoldOutMemo({ saleId, skuId: product.skuA, userId: c })).toBeNull();
  });
});

describe("presses outside a sale's window (memory)", () => {
  it("an unknown sale, or one not started yet, is answered without the database after the first press", async () => {
    resetSoldOutMemo(null);
    const { saleId, users } = await smallSale(5, 3);
    const [a, b] = users as [string, string];
    const pressAt = (userId: string, now: Date, id = saleId) =>
      reserveSaleUnit(handle.db, { saleId: id, skuId: product.skuA, userId, now, holdMinutes: 10 });

    const unknown = "0d6a2d5e-8c59-4b8e-9a4e-6a1c0d1e2f30";
    expect(await pressAt(a, T0, unknown)).toMatchObject({ ok: false, code: "not_found" });
    const early = new Date(T0.getTime() - 60_000);
    const first = await pressAt(a, early);
    expect(first).toMatchObject({ ok: false, code: "not_started" });

    const before = queryCount();
    const flood = await Promise.all([
      ...Array.from({ length: 20 }, () => pressAt(b, T0, unknown)),
      ...Array.from({ length: 20 }, () => pressAt(b, early)),
    ]);
    expect(queryCount() - before).toBe(0);
    expect(flood.slice(0, 20).every((r) => !r.ok && r.code === "not_found")).toBe(true);
    // The same answer the database gave, wording and start included.
    expect(flood.slice(20).every((r) => JSON.stringify(r) === JSON.stringify(first))).toBe(true);

    // The window is kept, not the answer: a press on the sale's own clock at the start goes to the database.
    expect(await pressAt(b, T0)).toMatchObject({ ok: true });
    expect(queryCount() - before).toBeGreaterThan(0);
  });

  it("a marketer's edit forgets what this instance remembered of the sale", async () => {
    resetSoldOutMemo(null);
    const { saleId } = await smallSale(1, 1);
    rememberSaleWindow(saleId, null);
    expect(recallSaleWindow(saleId)).toBeNull();
    forgetSoldOut(saleId);
    expect(recallSaleWindow(saleId)).toBeUndefined();
    rememberSaleWindow(saleId, null, Date.now() - SOLD_OUT_MEMO_MS);
    expect(recallSaleWindow(saleId)).toBeUndefined();
  });
});

describe("presses waiting in the batcher when their version sells out", () => {
  it("get memory's answer at their turn instead of a place in a batch", async () => {
    resetSoldOutMemo(null);
    const previous = configureReserveBatching({ maxBatch: 1, maxInFlight: 1 });
    try {
      const { users, press } = await smallSale(1, 22);
      const before = queryCount();
      const answers = await Promise.all(users.map((u) => press(u)));
      const statements = queryCount() - before;
      expect(answers.filter((r) => r.ok)).toHaveLength(1);
      expect(answers.filter((r) => !r.ok && r.code === "sold_out")).toHaveLength(21);
      // One batch for the winner (and the sold-out record), one for the loser who taught the memo; the other 20
      // waited one batch at a time and were answered from memory when their turn came.
      expect(soldOutMemoAnswers()).toBeGreaterThanOrEqual(19);
      expect(statements).toBeLessThan(10);
    } finally {
      configureReserveBatching(previous);
    }
  });
});
