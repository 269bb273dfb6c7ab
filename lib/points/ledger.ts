import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { orders, type PointsReason, pointsAccounts, pointsEntries } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { pointsEarned, proportionalShare, REFERRAL_CODE_ALPHABET } from "./rules";

/*
 * The points ledger. Every movement is a row in `points_entries` (reason + cause, unique together) and the same
 * transaction moves the account's balance (and lifetime earned) by the same amount, under the account's row lock,
 * so the balance is always the sum of the entries and a cause applied twice (a webhook delivered twice, a refund
 * seen again through reconciliation) moves nothing the second time.
 */

/** Reasons whose points count towards the tier (lifetime earned); spending and returning them do not. */
const COUNTS_TOWARDS_TIER: ReadonlySet<PointsReason> = new Set([
  "order_paid",
  "order_refunded",
  "referral",
  "adjustment",
]);

export const orderCause = (orderId: string) => `order:${orderId}`;

function newReferralCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += REFERRAL_CODE_ALPHABET[randomInt(REFERRAL_CODE_ALPHABET.length)];
  return code;
}

/** The fan's points account, created on first use with a fresh referral code. */
export async function ensurePointsAccount(db: Db | Tx, { userId }: { userId: string }): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = await queryRows<{ user_id: string }>(
      db,
      sql`insert into points_accounts (user_id, referral_code) values (${userId}::uuid, ${newReferralCode()})
          on conflict do nothing returning user_id`,
    );
    if (inserted.length > 0) return;
    const [existing] = await db
      .select({ userId: pointsAccounts.userId })
      .from(pointsAccounts)
      .where(eq(pointsAccounts.userId, userId));
    if (existing) return;
    // Else the random code was taken by someone else: draw another.
  }
  throw new Error("could not draw a free referral code");
}

/** Locks the account's row (creating it first if needed) and returns it: every write goes through here. */
async function lockPointsAccount(tx: Tx, { userId }: { userId: string }) {
  await ensurePointsAccount(tx, { userId });
  const [account] = await tx
    .select({ balance: pointsAccounts.balance, lifetimeEarned: pointsAccounts.lifetimeEarned })
    .from(pointsAccounts)
    .where(eq(pointsAccounts.userId, userId))
    .for("update");
  if (!account) throw new Error(`points account ${userId} vanished`);
  return account;
}

export interface PointsMove {
  userId: string;
  reason: PointsReason;
  cause: string;
  amount: number;
  orderId?: string | null;
  note?: string | null;
}

/**
 * One entry and the balance with it, once per (reason, cause): returns the new balance, or null when that cause
 * was already recorded (nothing moved) or the amount is zero. Runs in the caller's transaction.
 */
export async function recordPoints(tx: Tx, move: PointsMove): Promise<number | null> {
  if (move.amount === 0) return null;
  const account = await lockPointsAccount(tx, { userId: move.userId });
  const balanceAfter = account.balance + move.amount;
  const [entry] = await tx
    .insert(pointsEntries)
    .values({
      userId: move.userId,
      reason: move.reason,
      cause: move.cause,
      orderId: move.orderId ?? null,
      amount: move.amount,
      balanceAfter,
      note: move.note ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: pointsEntries.id });
  if (!entry) return null;
  const tier = COUNTS_TOWARDS_TIER.has(move.reason) ? move.amount : 0;
  await tx
    .update(pointsAccounts)
    .set({
      balance: sql`${pointsAccounts.balance} + ${move.amount}`,
      lifetimeEarned: sql`greatest(0, ${pointsAccounts.lifetimeEarned} + ${tier})`,
    })
    .where(eq(pointsAccounts.userId, move.userId));
  return balanceAfter;
}

/**
 * Spends points on an order: one conditional decrement (`balance >= points`), so two spends at once can never
 * take more than the fan has; the entry is written with it. Returns the balance after, or null when the fan has
 * fewer points (nothing written). Runs in the caller's transaction.
 */
export async function spendPoints(
  tx: Tx,
  {
    userId,
    orderId,
    points,
    cause = orderCause(orderId),
    reason = "points_spent",
  }: {
    userId: string;
    orderId: string;
    points: number;
    cause?: string;
    /** `beta_purchase` for a beta seat's points cost; spending at checkout otherwise. */
    reason?: Extract<PointsReason, "points_spent" | "beta_purchase">;
  },
): Promise<number | null> {
  await ensurePointsAccount(tx, { userId });
  const [row] = await tx
    .update(pointsAccounts)
    .set({ balance: sql`${pointsAccounts.balance} - ${points}` })
    .where(and(eq(pointsAccounts.userId, userId), sql`${pointsAccounts.balance} >= ${points}`))
    .returning({ balance: pointsAccounts.balance });
  if (!row) return null;
  await tx.insert(pointsEntries).values({
    userId,
    reason,
    cause,
    orderId,
    amount: -points,
    balanceAfter: row.balance,
  });
  return row.balance;
}

/** What the ledger holds for one order: points earned (net of refunds) and points spent (net of returns). */
async function orderTotals(tx: Tx, { orderId }: { orderId: string }) {
  const [row] = await queryRows<{
    earned: number;
    reversed: number;
    spent_net: number;
    refund_returned: number;
  }>(
    tx,
    sql`select
          coalesce(sum(amount) filter (where reason = 'order_paid'), 0)::int as earned,
          coalesce(-sum(amount) filter (where reason = 'order_refunded'), 0)::int as reversed,
          coalesce(-sum(amount) filter (where reason in ('points_spent', 'points_returned')), 0)::int as spent_net,
          coalesce(sum(amount) filter (where reason = 'points_returned' and cause like 'refund:%'), 0)::int
            as refund_returned
        from points_entries where order_id = ${orderId}::uuid`,
  );
  return {
    earned: row?.earned ?? 0,
    reversed: row?.reversed ?? 0,
    spentNet: row?.spent_net ?? 0,
    refundReturned: row?.refund_returned ?? 0,
  };
}

/**
 * The paying transaction's part (called from markOrderPaid): a cart order's money earns points by the earn rule;
 * points that were given back when its hold ran out are spent again, since the payment was honoured after all
 * (even below zero). Flash-sale orders earn nothing.
 */
export async function creditOrderPaid(tx: Tx, { orderId }: { orderId: string }): Promise<void> {
  const [order] = await tx
    .select({
      userId: orders.userId,
      kind: orders.kind,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
      pointsSpent: orders.pointsSpent,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (order?.kind !== "cart") return;
  await recordPoints(tx, {
    userId: order.userId,
    reason: "order_paid",
    cause: orderCause(orderId),
    orderId,
    amount: pointsEarned({ paidMinor: order.totalMinor, currency: order.currency }),
  });
  if (order.pointsSpent > 0) {
    const { spentNet } = await orderTotals(tx, { orderId });
    if (spentNet < order.pointsSpent) {
      await recordPoints(tx, {
        userId: order.userId,
        reason: "points_spent",
        cause: `${orderCause(orderId)}:paid-late`,
        orderId,
        amount: -(order.pointsSpent - spentNet),
        note: "Paid after its hold ran out: the points go towards it after all.",
      });
    }
  }
}

/** An order that will not be paid (cancelled or expired): the points spent on it come back, once. */
export async function returnSpentPoints(tx: Tx, { orderId }: { orderId: string }): Promise<void> {
  const [order] = await tx
    .select({ userId: orders.userId, pointsSpent: orders.pointsSpent })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order || order.pointsSpent === 0) return;
  const { spentNet } = await orderTotals(tx, { orderId });
  if (spentNet <= 0) return;
  await recordPoints(tx, {
    userId: order.userId,
    reason: "points_returned",
    cause: orderCause(orderId),
    orderId,
    amount: spentNet,
  });
}

/**
 * After refunds of a paid order are recorded (called from recordRefunds, in its transaction): the points the
 * order earned are taken back, and the points spent on it returned, each in proportion to the money refunded so
 * far (a full refund: all of them), even if that takes the balance below zero. The entries are named by the money
 * refunded so far (`refund:<order>:<minor units>`, which only grows), so refunds seen again move nothing.
 */
export async function applyRefundToPoints(tx: Tx, { orderId }: { orderId: string }): Promise<void> {
  const [order] = await tx
    .select({
      userId: orders.userId,
      totalMinor: orders.totalMinor,
      pointsSpent: orders.pointsSpent,
      paidAt: orders.paidAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  // Never paid (the money came for stock that was gone): nothing was earned, spent points went back on release.
  if (!order?.paidAt) return;
  await lockPointsAccount(tx, { userId: order.userId });
  const [refunded] = await queryRows<{ minor: number }>(
    tx,
    sql`select coalesce(sum(amount_minor), 0)::int as minor from order_refunds
        where order_id = ${orderId}::uuid and status in ('succeeded', 'pending')`,
  );
  const refundedMinor = refunded?.minor ?? 0;
  const totals = await orderTotals(tx, { orderId });
  const takeBack = proportionalShare({
    points: totals.earned,
    refundedMinor,
    totalMinor: order.totalMinor,
    alreadyMoved: totals.reversed,
  });
  const cause = `refund:${orderId}:${refundedMinor}`;
  await recordPoints(tx, {
    userId: order.userId,
    reason: "order_refunded",
    cause,
    orderId,
    amount: -takeBack,
  });
  const giveBack = proportionalShare({
    points: order.pointsSpent,
    refundedMinor,
    totalMinor: order.totalMinor,
    alreadyMoved: totals.refundReturned,
  });
  await recordPoints(tx, {
    userId: order.userId,
    reason: "points_returned",
    cause,
    orderId,
    amount: giveBack,
  });
}

export interface PointsSummary {
  balance: number;
  lifetimeEarned: number;
  referralCode: string;
}

/** The fan's balance, lifetime points and referral code (the account is created on first read). */
export async function getPointsSummary(db: Db, { userId }: { userId: string }): Promise<PointsSummary> {
  const read = () =>
    db
      .select({
        balance: pointsAccounts.balance,
        lifetimeEarned: pointsAccounts.lifetimeEarned,
        referralCode: pointsAccounts.referralCode,
      })
      .from(pointsAccounts)
      .where(eq(pointsAccounts.userId, userId));
  const [found] = await read();
  if (found) return found;
  await ensurePointsAccount(db, { userId });
  const [created] = await read();
  if (!created) throw new Error(`points account ${userId} missing`);
  return created;
}
