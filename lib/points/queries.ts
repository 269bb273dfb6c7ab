import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { type PointsReason, pointsAccounts, pointsEntries } from "@/db/schema";
import type { Db } from "@/lib/db";
import { pageBefore } from "@/lib/paging";
import { getPointsSummary } from "./ledger";
import { nextTier, type Tier, tierFor, tierProgressPercent } from "./rules";

/** What the per-visitor answer and the account page say about a fan's club standing. */
export interface ClubStatus {
  balance: number;
  lifetimeEarned: number;
  tier: Tier;
  next: { tier: Tier; pointsNeeded: number } | null;
  progressPercent: number;
  referralCode: string;
}

export async function getClubStatus(db: Db, { userId }: { userId: string }): Promise<ClubStatus> {
  const summary = await getPointsSummary(db, { userId });
  return {
    ...summary,
    tier: tierFor(summary.lifetimeEarned),
    next: nextTier(summary.lifetimeEarned),
    progressPercent: tierProgressPercent(summary.lifetimeEarned),
  };
}

export const POINTS_PAGE_SIZE = 20;

/** The keyset cursor of the history (`?after=<id>`): the last row's id; ids follow the order entries were written. */
export function parsePointsCursor(value: string | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  return Number(value);
}

export interface PointsHistoryRow {
  id: number;
  reason: PointsReason;
  amount: number;
  balanceAfter: number;
  orderId: string | null;
  note: string | null;
  createdAt: Date;
}

/** A fan's entries, newest first, a page at a time by id; `next` is the cursor of the next page. */
export async function listPointsHistory(
  db: Db,
  { userId, after }: { userId: string; after: number | null },
): Promise<{ rows: PointsHistoryRow[]; next: string | null }> {
  const rows = await db
    .select({
      id: pointsEntries.id,
      reason: pointsEntries.reason,
      amount: pointsEntries.amount,
      balanceAfter: pointsEntries.balanceAfter,
      orderId: pointsEntries.orderId,
      note: pointsEntries.note,
      createdAt: pointsEntries.createdAt,
    })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.userId, userId), after ? lt(pointsEntries.id, after) : undefined))
    .orderBy(desc(pointsEntries.id))
    .limit(POINTS_PAGE_SIZE + 1);
  const { page, nextBefore } = pageBefore(rows, POINTS_PAGE_SIZE);
  return { rows: page, next: nextBefore === null ? null : String(nextBefore) };
}

/** A fan's lifetime points (what sets their tier): 0 for a fan without a points account yet. One indexed read. */
export async function getLifetimePoints(db: Db, { userId }: { userId: string }): Promise<number> {
  const [row] = await db
    .select({ lifetimeEarned: pointsAccounts.lifetimeEarned })
    .from(pointsAccounts)
    .where(eq(pointsAccounts.userId, userId));
  return row?.lifetimeEarned ?? 0;
}
