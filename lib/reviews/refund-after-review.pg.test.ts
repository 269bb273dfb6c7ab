import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { recordRefunds } from "@/lib/checkout/refunds";
import { insertUsers } from "@/lib/sales/test-support";
import { openSeededPostgres } from "@/tests/helpers/db";
import { getSeededProduct } from "@/tests/helpers/seeded";
import { writeReview } from "./commands";
import { getRatingSummary, listReviews } from "./queries";

/**
 * A review whose order is refunded after it was written: it stays listed and in the average, but is no longer a
 * "Verified purchase" (lib/reviews/queries.ts, verifiedPurchase).
 */

let handle: DbHandle;
let db: Db;
let productId: number;
let skuId: number;
const now = new Date("2031-06-01T04:00:00Z");

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
  db = handle.db;
  const band = await getSeededProduct(db, { slug: "kite-band-4" });
  productId = band.productId;
  skuId = band.skus[0]?.id ?? 0;
});

afterAll(async () => {
  await handle?.close();
});

async function paidLine(userId: string) {
  const [order] = await db
    .insert(orders)
    .values({
      userId,
      status: "paid",
      currency: "CNY",
      totalMinor: 24_900,
      holdExpiresAt: now,
      paidAt: now,
      kind: "cart",
    })
    .returning({ id: orders.id });
  if (!order) throw new Error("no order");
  const [line] = await db
    .insert(orderLines)
    .values({
      orderId: order.id,
      skuId,
      productName: "Kite Band 4",
      variantLabel: "Graphite",
      unitPriceMinor: 24_900,
      quantity: 1,
    })
    .returning({ id: orderLines.id });
  if (!line) throw new Error("no line");
  return { orderId: order.id, lineId: line.id };
}

const refund = (id: string, amount: number) =>
  ({
    id,
    amount,
    currency: "cny",
    status: "succeeded",
    created: Math.floor(now.getTime() / 1000),
  }) as Stripe.Refund;

describe("a refund after the review", () => {
  it("keeps the review in the list and the average, without the Verified purchase mark", async () => {
    const [fan] = await insertUsers(db, { prefix: `refund-reviewer-${Date.now()}`, count: 1 });
    if (!fan) throw new Error("no user");
    const { orderId, lineId } = await paidLine(fan);
    const written = await writeReview(db, {
      userId: fan,
      orderLineId: lineId,
      raw: { rating: "2", title: "Strap broke", body: "The strap snapped after a week of runs." },
      now,
    });
    if (!written.ok) throw new Error(written.message);
    const mine = async () =>
      (await listReviews(db, { productId, sort: "recent", pageSize: 100 })).items.find(
        (r) => r.title === "Strap broke",
      );
    expect(await mine()).toMatchObject({ verified: true });
    const before = await getRatingSummary(db, { productId });

    // A partial refund already counts: the purchase was not kept as bought.
    await db.transaction((tx) =>
      recordRefunds(tx, { orderId, refunds: [refund(`re_${lineId}`, 10_000)], source: "stripe" }),
    );

    expect(await mine()).toMatchObject({ verified: false, rating: 2 });
    const after = await getRatingSummary(db, { productId });
    expect(after.count).toBe(before.count);
    expect(after.average).toBe(before.average);
    expect(after.verifiedCount).toBe(before.verifiedCount - 1);
  });
});
