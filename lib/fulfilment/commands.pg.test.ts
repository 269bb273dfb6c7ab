import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditLog, type OrderStatus, orderFulfilment, outboxMail, skus, users } from "@/db/schema";
import { openSeededPostgres } from "@/tests/helpers/db";
import { insertOrderWithLine } from "@/tests/helpers/orders";
import { deliverOrder, packOrder, shipOrder } from "./commands";
import { getConsoleOrder, getFulfilmentForUser, listConsoleOrders } from "./queries";
import { shipFromCsv } from "./upload";

/**
 * The fulfilment commands on real PostgreSQL: every step written once with its audit entry, races between two
 * marketers settled by the compare-and-set, bad input refused with nothing written, and the CSV upload.
 */

let handle: DbHandle;
let db: Db;
let buyerId: string;
let skuId: number;
const actor = { id: "", email: "ops@example.com" };
const now = new Date("2027-03-01T08:00:00Z");

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 8 });
  db = handle.db;
  const [marketer] = await db.select().from(users).where(eq(users.email, "marketer@example.com"));
  const [shopper] = await db.select().from(users).where(eq(users.email, "shopper@example.com"));
  const [sku] = await db.select().from(skus).limit(1);
  if (!marketer || !shopper || !sku) throw new Error("seed missing");
  actor.id = marketer.id;
  actor.email = marketer.email;
  buyerId = shopper.id;
  skuId = sku.id;
});

afterAll(async () => {
  await handle?.close();
});

/** An order in `status` with one line (as checkout leaves it; the payment itself is checkout's to test). */
async function makeOrder(status: OrderStatus = "paid"): Promise<string> {
  const line = {
    skuId,
    productName: "Kite 9",
    variantLabel: "Midnight Black · 8+256",
    unitPriceMinor: 199_900,
  };
  return (await insertOrderWithLine(db, { userId: buyerId, status, now, line })).orderId;
}

async function fulfilmentOf(orderId: string) {
  const [row] = await db.select().from(orderFulfilment).where(eq(orderFulfilment.orderId, orderId));
  return row;
}

async function auditOf(orderId: string) {
  return db
    .select({ action: auditLog.action, summary: auditLog.summary })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "order"), eq(auditLog.entityId, orderId)));
}

const shippedMailsOf = (orderId: string) =>
  db
    .select()
    .from(outboxMail)
    .where(eq(outboxMail.dedupeKey, `shipped:${orderId}`));
const sfShip = (orderId: string, trackingNumber = "SF1234567890123") =>
  shipOrder(db, { actor, orderId, carrier: "sf", trackingNumber, now });

describe("fulfilment commands", () => {
  it("paid → packed → shipped → delivered, each step audited once; the shopper and the console see it", async () => {
    const orderId = await makeOrder();
    expect(await packOrder(db, { actor, orderId, now })).toMatchObject({
      ok: true,
      changed: true,
      step: "packed",
    });
    expect(await packOrder(db, { actor, orderId, now })).toMatchObject({ ok: true, changed: false });
    expect(await sfShip(orderId, "sf 1234 5678 90123")).toMatchObject({
      ok: true,
      changed: true,
      step: "shipped",
    });
    expect(await deliverOrder(db, { actor, orderId, now })).toMatchObject({ ok: true, step: "delivered" });
    expect(await fulfilmentOf(orderId)).toMatchObject({
      status: "delivered",
      carrier: "sf",
      trackingNumber: "SF1234567890123",
    });
    expect((await auditOf(orderId)).map((a) => a.action).sort()).toEqual([
      "order.deliver",
      "order.pack",
      "order.ship",
    ]);
    // The shipped step wrote its mail in the same transaction: one, with the carrier and the number to follow.
    const mails = await shippedMailsOf(orderId);
    expect(mails).toMatchObject([{ kind: "shipped", recipient: "shopper@example.com", status: "pending" }]);
    expect(mails[0]?.text).toContain("Carrier: SF Express");
    expect(mails[0]?.text).toContain("Tracking number: SF1234567890123");
    expect(await getFulfilmentForUser(db, { orderId, userId: buyerId })).toMatchObject({
      step: "delivered",
      carrierName: "SF Express",
      trackingNumber: "SF1234567890123",
    });
    expect(await getFulfilmentForUser(db, { orderId, userId: actor.id })).toBeNull();
    const detail = await getConsoleOrder(db, { orderId });
    expect(detail).toMatchObject({ shippingAddress: null, buyer: { email: "shopper@example.com" } });
    expect(detail?.lines).toHaveLength(1);
    const delivered = await listConsoleOrders(db, { filter: "delivered" });
    expect(delivered.rows.map((r) => r.id)).toContain(orderId);
    expect((await listConsoleOrders(db, { filter: "to_pack" })).rows.map((r) => r.id)).not.toContain(orderId);
  });

  it("two marketers shipping one order at once: exactly one wins, the other is told who did what", async () => {
    for (let round = 0; round < 5; round++) {
      const orderId = await makeOrder();
      await packOrder(db, { actor, orderId, now });
      const results = await Promise.all([
        sfShip(orderId, "SF1111111111111"),
        sfShip(orderId, "SF2222222222222"),
      ]);
      const winners = results.filter((r) => r.ok && r.changed);
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser).toMatchObject({ ok: false, code: "already_shipped" });
      const stored = await fulfilmentOf(orderId);
      expect(loser && !loser.ok && loser.message).toContain(stored?.trackingNumber ?? "?");
      expect((await auditOf(orderId)).filter((a) => a.action === "order.ship")).toHaveLength(1);
      // The loser's transaction wrote no mail either.
      expect(await shippedMailsOf(orderId)).toHaveLength(1);
    }
  });

  it("a double click (the same step twice at once) takes it once and answers both", async () => {
    const orderId = await makeOrder();
    const packs = await Promise.all([1, 2, 3].map(() => packOrder(db, { actor, orderId, now })));
    expect(packs.every((r) => r.ok)).toBe(true);
    expect(packs.filter((r) => r.ok && r.changed)).toHaveLength(1);
    const ships = await Promise.all([sfShip(orderId), sfShip(orderId)]);
    expect(ships.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect(ships.filter((r) => r.ok && !r.changed)).toHaveLength(1);
    expect((await auditOf(orderId)).map((a) => a.action).sort()).toEqual(["order.pack", "order.ship"]);
  });

  it.each([
    ["pending", "not_paid"],
    ["refunded", "refunded"],
    ["cancelled", "order_closed"],
    ["expired", "order_closed"],
  ] as const)("a %s order is refused (%s), nothing written", async (status, code) => {
    const orderId = await makeOrder(status);
    expect(await packOrder(db, { actor, orderId, now })).toMatchObject({ ok: false, code });
    expect(await sfShip(orderId)).toMatchObject({ ok: false, code });
    expect(await fulfilmentOf(orderId)).toBeUndefined();
    expect(await auditOf(orderId)).toEqual([]);
  });

  it("refuses out-of-order steps, bad tracking numbers and ids that are not orders, writing nothing", async () => {
    const orderId = await makeOrder();
    expect(await deliverOrder(db, { actor, orderId, now })).toMatchObject({ ok: false, code: "not_shipped" });
    expect(await sfShip(orderId)).toMatchObject({ ok: false, code: "not_packed" });
    await packOrder(db, { actor, orderId, now });
    expect(await deliverOrder(db, { actor, orderId, now })).toMatchObject({ ok: false, code: "not_shipped" });
    const huge = await sfShip(orderId, "1".repeat(10 * 1024));
    expect(huge).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { trackingNumber: [expect.any(String)] },
    });
    expect(
      await shipOrder(db, { actor, orderId, carrier: "ups", trackingNumber: "SF1234567890123", now }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { carrier: [expect.any(String)] } });
    for (const bad of ["not-a-uuid", "", "00000000-0000-0000-0000-00000000000g", randomUUID()]) {
      expect(await packOrder(db, { actor, orderId: bad, now })).toMatchObject({
        ok: false,
        code: "not_found",
      });
    }
    expect(await fulfilmentOf(orderId)).toMatchObject({ status: "packed", trackingNumber: null });
    expect((await auditOf(orderId)).map((a) => a.action)).toEqual(["order.pack"]);
  });
});

describe("CSV upload", () => {
  it("ships good lines, refuses bad, duplicate and foreign ones, each on its own; a re-upload ships nothing twice", async () => {
    const [a, b, unpaid, unpacked] = [
      await makeOrder(),
      await makeOrder(),
      await makeOrder("pending"),
      await makeOrder(),
    ];
    for (const id of [a, b]) await packOrder(db, { actor, orderId: id, now });
    const foreign = randomUUID();
    const csv = [
      "order_id,carrier,tracking_number",
      `${a},SF Express,SF1234567890123`,
      `${b},zto,731234567890123`,
      `${a},sf,SF9999999999999`,
      `${unpaid},sf,SF1234567890124`,
      `${unpacked},sf,SF1234567890125`,
      `${foreign},sf,SF1234567890126`,
      "12345,sf,SF1234567890127",
      `${b},dhl,1234567890`,
    ].join("\n");
    const first = await shipFromCsv(db, { actor, text: csv, now });
    if (!first.ok) throw new Error(first.message);
    expect(first.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "shipped"],
      [3, "shipped"],
      [4, "refused"],
      [5, "refused"],
      [6, "refused"],
      [7, "refused"],
      [8, "refused"],
      [9, "refused"],
    ]);
    expect(first.rows.slice(2).map((r) => r.message)).toEqual([
      expect.stringMatching(/already on line 2/),
      expect.stringMatching(/hasn't been paid/),
      expect.stringMatching(/hasn't been packed/),
      expect.stringMatching(/no order with that number/),
      expect.stringMatching(/not an order id/),
      expect.stringMatching(/Choose a carrier/),
    ]);
    expect(first.counts).toEqual({ shipped: 2, unchanged: 0, refused: 6 });
    expect(await fulfilmentOf(unpaid)).toBeUndefined();
    expect(await fulfilmentOf(unpacked)).toBeUndefined();

    const again = await shipFromCsv(db, { actor, text: csv, now });
    if (!again.ok) throw new Error(again.message);
    expect(again.counts).toEqual({ shipped: 0, unchanged: 2, refused: 6 });
    expect((await auditOf(a)).filter((r) => r.action === "order.ship")).toHaveLength(1);
    expect(await fulfilmentOf(a)).toMatchObject({ trackingNumber: "SF1234567890123" });
  });

  it("refuses a 10 MB file and a 10,000-row file whole, writing nothing", async () => {
    const orderId = await makeOrder();
    await packOrder(db, { actor, orderId, now });
    const line = `${orderId},sf,SF1234567890123\n`;
    const huge = await shipFromCsv(db, {
      actor,
      text: line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)),
      now,
    });
    expect(huge).toMatchObject({ ok: false, code: "too_large", fieldErrors: { csv: [expect.any(String)] } });
    const many = await shipFromCsv(db, { actor, text: "a,b,c\n".repeat(10_000), now });
    expect(many).toMatchObject({ ok: false, code: "too_many_rows" });
    expect(await fulfilmentOf(orderId)).toMatchObject({ status: "packed" });
  });
});
