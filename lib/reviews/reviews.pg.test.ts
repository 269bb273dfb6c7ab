import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { auditLog, type OrderStatus, orderRefunds, reviews, reviewVotes, users } from "@/db/schema";
import type { Actor } from "@/lib/audit/log";
import { REVIEW_EDIT_DAYS } from "@/lib/limits";
import { insertUsers } from "@/lib/sales/test-support";
import { openSeededPostgres } from "@/tests/helpers/db";
import { insertOrderWithLine } from "@/tests/helpers/orders";
import { getSeededMarketer, getSeededProduct } from "@/tests/helpers/seeded";
import { editReview, hideReview, setHelpfulVote, showReview, writeReview } from "./commands";
import {
  getRatingSummary,
  getReviewerState,
  getReviewLineForUser,
  listConsoleReviews,
  listReviewLinesForOrder,
  listReviews,
} from "./queries";

/**
 * Verified reviews on real PostgreSQL: only the buyer of a paid, not refunded line writes one, once per line (also
 * when several arrive at once), bad input is a typed refusal with nothing written, edits close after the window, a
 * hidden review leaves the rating and is audited, and helpful votes count once per account under a storm.
 */

let handle: DbHandle;
let db: Db;
let actor: Actor;
let productId: number;
let skuId: number;
let otherSkuId: number;
const now = new Date("2031-05-01T04:00:00Z");
const DAY = 24 * 60 * 60_000;
const GOOD = {
  rating: "4",
  title: "Solid all-rounder",
  body: "Battery lasts two days and the camera is sharp.",
};

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 16 });
  db = handle.db;
  actor = await getSeededMarketer(db);
  const band = await getSeededProduct(db, { slug: "kite-band-4" });
  const buds = await getSeededProduct(db, { slug: "kite-buds-2" });
  productId = band.productId;
  skuId = band.skus[0]?.id ?? 0;
  otherSkuId = buds.skus[0]?.id ?? 0;
});

afterAll(async () => {
  await handle?.close();
});

let accounts = 0;
async function newFan(): Promise<string> {
  const [id] = await insertUsers(db, { prefix: `reviewer-${accounts++}-${Date.now()}`, count: 1 });
  if (!id) throw new Error("no user");
  return id;
}

/** An order of `userId` in `status` with one line of `sku`; its line id. */
async function buy(
  userId: string,
  { status = "paid", sku = skuId }: { status?: OrderStatus; sku?: number } = {},
) {
  const line = { skuId: sku, productName: "Kite Band 4", variantLabel: "Graphite", unitPriceMinor: 24_900 };
  return insertOrderWithLine(db, { userId, status, now, line });
}

const reviewsOfLine = (lineId: number) => db.select().from(reviews).where(eq(reviews.orderLineId, lineId));
const write = (userId: string, lineId: number, raw: object = GOOD, at = now) =>
  writeReview(db, { userId, orderLineId: lineId, raw, now: at });

describe("writing a verified review", () => {
  it("lets the buyer of a paid line review it once, shows the SKU bought and moves the average", async () => {
    const fan = await newFan();
    const { lineId, orderId } = await buy(fan);
    const before = await getRatingSummary(db, { productId });
    const done = await write(fan, lineId, { ...GOOD, rating: "1" });
    expect(done).toMatchObject({ ok: true, productId, productSlug: "kite-band-4" });
    const [row] = await reviewsOfLine(lineId);
    expect(row).toMatchObject({
      verified: true,
      variantLabel: "Graphite",
      rating: 1,
      userId: fan,
      productId,
    });
    const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, fan));
    expect(row?.authorName).toBe(user?.name);

    const after = await getRatingSummary(db, { productId });
    expect(after.count).toBe(before.count + 1);
    expect(after.verifiedCount).toBe(before.verifiedCount + 1);
    expect(after.distribution[0]).toBe(before.distribution[0] + 1);
    expect(after.average).toBeLessThan(before.average ?? 6);
    const page = await listReviews(db, { productId, sort: "recent", pageSize: 50 });
    expect(page.items.find((r) => r.id === row?.id)).toMatchObject({ verified: true, title: GOOD.title });

    const lines = await listReviewLinesForOrder(db, { orderId, userId: fan });
    expect(lines).toMatchObject([{ orderLineId: lineId, reviewable: true, review: { id: row?.id } }]);

    expect(await write(fan, lineId)).toMatchObject({ ok: false, code: "already_reviewed" });
    expect(await reviewsOfLine(lineId)).toHaveLength(1);
  });

  it("refuses a non-buyer, a pending, cancelled or refunded order, and writes nothing", async () => {
    const buyer = await newFan();
    const stranger = await newFan();
    const { lineId } = await buy(buyer);
    expect(await write(stranger, lineId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await write(stranger, 2_147_483_647)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getReviewLineForUser(db, { orderLineId: lineId, userId: stranger })).toBeNull();

    const refunded = await buy(buyer, { status: "refunded" });
    expect(await write(buyer, refunded.lineId)).toMatchObject({
      ok: false,
      code: "refunded",
      message: expect.stringMatching(/refunded/),
    });
    const pending = await buy(buyer, { status: "pending" });
    expect(await write(buyer, pending.lineId)).toMatchObject({ ok: false, code: "not_paid" });
    const cancelled = await buy(buyer, { status: "cancelled" });
    expect(await write(buyer, cancelled.lineId)).toMatchObject({ ok: false, code: "order_closed" });
    // Paid, but Stripe's dashboard refunded part of it: not a buyer who kept it.
    const partly = await buy(buyer, { status: "paid" });
    await db.insert(orderRefunds).values({
      id: `re_partial_${partly.orderId}`,
      orderId: partly.orderId,
      amountMinor: 100,
      currency: "CNY",
      status: "succeeded",
      source: "stripe",
    });
    expect(await write(buyer, partly.lineId)).toMatchObject({ ok: false, code: "refunded" });

    for (const line of [lineId, refunded.lineId, pending.lineId, cancelled.lineId, partly.lineId]) {
      expect(await reviewsOfLine(line)).toHaveLength(0);
    }
    const state = await getReviewerState(db, { productId, userId: buyer });
    expect(state.lines.map((l) => l.orderLineId)).toEqual([lineId]);
  });

  it("refuses bad input with a sentence per field and writes nothing", async () => {
    const fan = await newFan();
    const { lineId } = await buy(fan);
    const cases: [object, string, RegExp][] = [
      [{ ...GOOD, rating: "0" }, "rating", /1 to 5/],
      [{ ...GOOD, rating: "6" }, "rating", /1 to 5/],
      [{ ...GOOD, rating: "four" }, "rating", /1 to 5/],
      [{ ...GOOD, body: "x".repeat(100_000) }, "body", /2,000 characters; this one has 100,000/],
      [{ ...GOOD, body: "Great <script>alert(1)</script> phone, love it." }, "body", /plain text/],
      [{ ...GOOD, body: "Nice <b>bold</b> claims here." }, "body", /plain text/],
      [{ ...GOOD, title: '<img src=x onerror="alert(1)">' }, "title", /plain text/],
      [{ ...GOOD, title: "   " }, "title", /title/],
      [{ ...GOOD, body: "ok" }, "body", /at least/],
      [{ rating: "5" }, "title", /./],
    ];
    for (const [raw, field, message] of cases) {
      const result = await write(fan, lineId, raw);
      expect(result, JSON.stringify(raw).slice(0, 80)).toMatchObject({ ok: false, code: "invalid" });
      if (result.ok) continue;
      expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
    }
    expect(await reviewsOfLine(lineId)).toHaveLength(0);
    // Text that only looks a little like markup is text.
    const fine = await write(fan, lineId, { ...GOOD, body: "Battery <3 and 2 < 3 days > 1 day. Love it." });
    expect(fine).toMatchObject({ ok: true });
    const [row] = await reviewsOfLine(lineId);
    expect(row?.body).toBe("Battery <3 and 2 < 3 days > 1 day. Love it.");
  });

  it("two reviews of one line at once: exactly one is written", async () => {
    for (let round = 0; round < 3; round++) {
      const fan = await newFan();
      const { lineId } = await buy(fan);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => write(fan, lineId, { ...GOOD, title: `Take ${i}` })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(
        Array(7).fill("already_reviewed"),
      );
      expect(await reviewsOfLine(lineId)).toHaveLength(1);
    }
  });

  it("one review per line, not per product: a second order of the same product is a second review", async () => {
    const fan = await newFan();
    const first = await buy(fan);
    const second = await buy(fan);
    const other = await buy(fan, { sku: otherSkuId });
    expect(await write(fan, first.lineId)).toMatchObject({ ok: true });
    expect(await write(fan, second.lineId)).toMatchObject({ ok: true });
    expect(await write(fan, other.lineId)).toMatchObject({ ok: true });
    const state = await getReviewerState(db, { productId, userId: fan });
    expect(state.lines).toHaveLength(2);
    expect(state.lines.every((l) => l.review !== null)).toBe(true);
  });
});

describe("editing, hiding and votes", () => {
  it("lets the author edit within the window only, and nobody else", async () => {
    const fan = await newFan();
    const stranger = await newFan();
    const { lineId } = await buy(fan);
    const written = await write(fan, lineId);
    if (!written.ok) throw new Error(written.message);
    const later = new Date(now.getTime() + (REVIEW_EDIT_DAYS - 1) * DAY);
    const edit = (userId: string, at: Date, raw: object = { ...GOOD, rating: "5", title: "Even better" }) =>
      editReview(db, { userId, reviewId: written.reviewId, raw, now: at });
    expect(await edit(fan, later)).toMatchObject({ ok: true });
    const [row] = await reviewsOfLine(lineId);
    expect(row).toMatchObject({ rating: 5, title: "Even better", editedAt: later, verified: true });

    expect(await edit(stranger, later)).toMatchObject({ ok: false, code: "not_found" });
    expect(await edit(fan, later, { ...GOOD, rating: "6" })).toMatchObject({ ok: false, code: "invalid" });
    const tooLate = new Date(now.getTime() + (REVIEW_EDIT_DAYS + 1) * DAY);
    expect(await edit(fan, tooLate)).toMatchObject({ ok: false, code: "edit_window_closed" });
    const [unchanged] = await reviewsOfLine(lineId);
    expect(unchanged).toMatchObject({ rating: 5, title: "Even better", editedAt: later });
  });

  it("a marketer hides a review with a reason: audited once, out of the rating and lists, and back when shown", async () => {
    const fan = await newFan();
    const { lineId, orderId } = await buy(fan);
    const written = await write(fan, lineId, { ...GOOD, rating: "2" });
    if (!written.ok) throw new Error(written.message);
    const reviewId = written.reviewId;
    const shown = await getRatingSummary(db, { productId });

    expect(await hideReview(db, { actor, reviewId, reason: "  ", now })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    const hidden = await hideReview(db, { actor, reviewId, reason: "Contains a phone number.", now });
    expect(hidden).toMatchObject({ ok: true, changed: true, productSlug: "kite-band-4" });
    expect(await hideReview(db, { actor, reviewId, reason: "Again", now })).toMatchObject({
      ok: true,
      changed: false,
    });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "review"), eq(auditLog.entityId, String(reviewId))));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "review.hide", actorId: actor.id });
    expect(entries[0]?.diff).toEqual({ hidden: { from: null, to: "Contains a phone number." } });

    const without = await getRatingSummary(db, { productId });
    expect(without.count).toBe(shown.count - 1);
    expect(without.distribution[1]).toBe(shown.distribution[1] - 1);
    const page = await listReviews(db, { productId, pageSize: 1000 });
    expect(page.items.some((r) => r.id === reviewId)).toBe(false);
    const [line] = await listReviewLinesForOrder(db, { orderId, userId: fan });
    expect(line?.review?.hiddenReason).toBe("Contains a phone number.");
    expect(
      await editReview(db, { userId: fan, reviewId, raw: GOOD, now: new Date(now.getTime() + DAY) }),
    ).toMatchObject({ ok: false, code: "hidden", message: expect.stringContaining("phone number") });
    expect(await setHelpfulVote(db, { userId: await newFan(), reviewId, helpful: true })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    const consoleHidden = await listConsoleReviews(db, { filter: "hidden" });
    expect(consoleHidden.rows.find((r) => r.id === reviewId)).toMatchObject({
      hiddenReason: "Contains a phone number.",
      hiddenBy: expect.any(String),
    });

    expect(await showReview(db, { actor, reviewId, now })).toMatchObject({ ok: true, changed: true });
    expect((await getRatingSummary(db, { productId })).count).toBe(shown.count);
  });

  it("counts a helpful vote once per account, as a toggle, under a storm of voters and double clicks", async () => {
    const author = await newFan();
    const { lineId } = await buy(author);
    const written = await write(author, lineId);
    if (!written.ok) throw new Error(written.message);
    const reviewId = written.reviewId;
    expect(await setHelpfulVote(db, { userId: author, reviewId, helpful: true })).toMatchObject({
      ok: false,
      code: "own_review",
    });

    const voters = await insertUsers(db, { prefix: `voters-${Date.now()}`, count: 24 });
    // Every voter clicks three times at once: one vote each.
    const results = await Promise.all(
      voters.flatMap((userId) =>
        [1, 2, 3].map(() => setHelpfulVote(db, { userId, reviewId, helpful: true })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const count = async () =>
      (await db.select({ n: reviews.helpfulCount }).from(reviews).where(eq(reviews.id, reviewId)))[0]?.n;
    expect(await count()).toBe(24);
    expect(await db.select().from(reviewVotes).where(eq(reviewVotes.reviewId, reviewId))).toHaveLength(24);

    const [first, second] = voters;
    if (!first || !second) throw new Error("no voters");
    const state = await getReviewerState(db, { productId, userId: first });
    expect(state.votedReviewIds).toContain(reviewId);
    expect(await setHelpfulVote(db, { userId: first, reviewId, helpful: false })).toMatchObject({
      ok: true,
      changed: true,
      helpfulCount: 23,
    });
    expect(await setHelpfulVote(db, { userId: first, reviewId, helpful: false })).toMatchObject({
      ok: true,
      changed: false,
      helpfulCount: 23,
    });
    await Promise.all([1, 2, 3].map(() => setHelpfulVote(db, { userId: second, reviewId, helpful: false })));
    expect(await count()).toBe(22);
  });

  it("keeps the seeded reviews, none of them marked verified", async () => {
    const seeded = await db
      .select({ verified: reviews.verified })
      .from(reviews)
      .where(isNull(reviews.orderLineId));
    expect(seeded.length).toBeGreaterThan(100);
    expect(seeded.every((r) => !r.verified)).toBe(true);
  });
});
