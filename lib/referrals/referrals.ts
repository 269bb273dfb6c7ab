import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { orders, pointsAccounts, referrals, users } from "@/db/schema";
import type { Db, Tx } from "@/lib/db";
import { recordPoints } from "@/lib/points/ledger";
import { normaliseReferralCode, REFERRAL_CODE_PATTERN, REFERRAL_POINTS } from "@/lib/points/rules";
import { type Failure, fail, ok, type Result } from "@/lib/result";

/*
 * Share to friends. A friend who signs up through a fan's link (`?ref=<code>`) is recorded as that fan's referral
 * in the sign-up's own transaction; when the friend's first order is paid, the referrer earns REFERRAL_POINTS in
 * the paying transaction, once per friend (the ledger's cause is `friend:<id>`). Never for oneself: not the same
 * account, not an email that is the referrer's once normalised, not a first order going to one of the
 * referrer's own addresses; and no loops (a fan cannot be referred by someone they referred).
 */

export type ReferralCode = "referral_unknown" | "referral_self" | "referral_loop";

/**
 * An email as a person, not a mailbox: lower case, without a `+tag`, and for Gmail without dots (the same inbox
 * either way), so `Fan.One+kite@gmail.com` and `fanone@googlemail.com` are one person.
 */
export function normaliseEmailForReferral(email: string): string {
  const [local = "", domain = ""] = email.trim().toLowerCase().split("@");
  const bare = local.split("+")[0] ?? "";
  const gmail = domain === "gmail.com" || domain === "googlemail.com";
  return `${gmail ? bare.replaceAll(".", "") : bare}@${gmail ? "gmail.com" : domain}`;
}

const refusal = (code: ReferralCode, message: string): Failure<ReferralCode> =>
  fail(code, message, { fieldErrors: { ref: [message] } });

/**
 * The referrer a code names, checked against who is signing up (their email, and their account if they have one
 * already): a typed refusal a person can act on (clear the code, or ask the friend for theirs), nothing written.
 */
export async function checkReferralCode(
  db: Db | Tx,
  { code, email, userId }: { code: string; email: string; userId?: string },
): Promise<Result<{ referrerId: string }, ReferralCode>> {
  const normalised = normaliseReferralCode(code);
  const [referrer] = REFERRAL_CODE_PATTERN.test(normalised)
    ? await db
        .select({ id: users.id, email: users.email })
        .from(pointsAccounts)
        .innerJoin(users, eq(users.id, pointsAccounts.userId))
        .where(eq(pointsAccounts.referralCode, normalised))
    : [];
  if (!referrer) {
    return refusal(
      "referral_unknown",
      "We don't know this referral code. Check it with the friend who sent the link, or leave it empty.",
    );
  }
  if (
    referrer.id === userId ||
    normaliseEmailForReferral(referrer.email) === normaliseEmailForReferral(email)
  ) {
    return refusal(
      "referral_self",
      "This is your own referral link: it earns points when a friend signs up with it. Leave the code empty to sign up.",
    );
  }
  if (userId) {
    const [loop] = await db
      .select({ friendId: referrals.friendId })
      .from(referrals)
      .where(and(eq(referrals.friendId, referrer.id), eq(referrals.referrerId, userId)));
    if (loop) {
      return refusal(
        "referral_loop",
        "You referred this friend yourself, so they can't refer you back. Leave the code empty.",
      );
    }
  }
  return ok({ referrerId: referrer.id });
}

/**
 * Records that `friendId` came through `referrerId`'s link (in the caller's transaction, e.g. the sign-up's). One
 * referrer per friend: a second is ignored.
 */
export async function recordReferral(
  tx: Tx,
  { friendId, referrerId, now }: { friendId: string; referrerId: string; now: Date },
): Promise<void> {
  await tx.insert(referrals).values({ friendId, referrerId, createdAt: now }).onConflictDoNothing();
}

function sameAddressSql(orderId: string, referrerId: string) {
  // The order goes to one of the referrer's own addresses: the same mobile, or the same street and postcode.
  return sql`exists (
    select 1 from orders o, addresses a
    where o.id = ${orderId}::uuid and a.user_id = ${referrerId}::uuid
      and (regexp_replace(a.mobile, '\\D', '', 'g') = regexp_replace(o.shipping_address->>'mobile', '\\D', '', 'g')
        or (lower(regexp_replace(a.street, '\\s', '', 'g')) = lower(regexp_replace(o.shipping_address->>'street', '\\s', '', 'g'))
            and a.postcode = o.shipping_address->>'postcode'))
  )`;
}

/**
 * The paying transaction's part (called from markOrderPaid): the friend's first paid order credits their referrer,
 * once; an order to the referrer's own address credits nothing and says why.
 */
export async function creditReferralForOrder(
  tx: Tx,
  { orderId, now }: { orderId: string; now: Date },
): Promise<void> {
  // One statement for the common case (a buyer nobody referred, or already credited): the order's referral, locked.
  const [referral] = await tx
    .select({ referrerId: referrals.referrerId, friendId: referrals.friendId })
    .from(referrals)
    .innerJoin(orders, eq(orders.userId, referrals.friendId))
    .where(and(eq(orders.id, orderId), isNull(referrals.creditedAt), isNull(referrals.refusedReason)))
    .for("update", { of: referrals });
  if (!referral) return;
  const order = { userId: referral.friendId };
  const [check] = await queryRows<{ same_address: boolean }>(
    tx,
    sql`select ${sameAddressSql(orderId, referral.referrerId)} as same_address`,
  );
  if (check?.same_address) {
    await tx
      .update(referrals)
      .set({ refusedReason: "same_address", orderId })
      .where(eq(referrals.friendId, order.userId));
    return;
  }
  await recordPoints(tx, {
    userId: referral.referrerId,
    reason: "referral",
    cause: `friend:${order.userId}`,
    orderId,
    amount: REFERRAL_POINTS,
  });
  await tx.update(referrals).set({ creditedAt: now, orderId }).where(eq(referrals.friendId, order.userId));
}

export interface ReferralRow {
  friendName: string;
  joinedAt: Date;
  status: "waiting" | "credited" | "not_counted";
}

/** The fan's referrals, newest first, for the account page (the friend's first name only). */
export async function listReferrals(db: Db, { userId }: { userId: string }): Promise<ReferralRow[]> {
  const rows = await db
    .select({
      name: users.name,
      createdAt: referrals.createdAt,
      creditedAt: referrals.creditedAt,
      refusedReason: referrals.refusedReason,
    })
    .from(referrals)
    .innerJoin(users, eq(users.id, referrals.friendId))
    .where(eq(referrals.referrerId, userId))
    .orderBy(desc(referrals.createdAt))
    .limit(100);
  return rows.map((r) => ({
    friendName: r.name.split(/\s+/)[0] ?? r.name,
    joinedAt: r.createdAt,
    status: r.creditedAt ? "credited" : r.refusedReason ? "not_counted" : "waiting",
  }));
}
