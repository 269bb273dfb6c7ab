import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { fcodeBatches, fcodes, saleBuckets } from "@/db/schema";
import { type Actor, diffFromNothing, oncePerFormKey, writeAudit } from "@/lib/audit/log";
import { formatWait } from "@/lib/auth/throttle";
import { findUserByEmail } from "@/lib/auth/users";
import { variantLabel } from "@/lib/catalog/variant-label";
import type { Db, Tx } from "@/lib/db";
import { enqueueFcodeReceivedMail } from "@/lib/mail/events";
import { type RateLimiter, takeEach } from "@/lib/rate-limit/limiter";
import { type Failure, fail, invalid, ok, Refusal, type Result } from "@/lib/result";
import { isUuid } from "@/lib/sales/db-errors";
import { shrinkSaleSku } from "@/lib/sales/quantity";
import { parseStoreDateTime } from "@/lib/store-time";
import { fcodeHint, generateFcode, groupFcode, hashFcode, normaliseFcode, sealFcode } from "./codes";
import { FCODE_RATE_LIMITS, type IssueBatchInput } from "./rules";

/*
 * F-codes: a marketer sets units of one version of a sale aside for a batch of codes; each code buys one of them.
 *
 * The quota is moved, in the issuing transaction, out of the sale's public buckets (shrinkSaleSku, which takes
 * only units nobody holds) into a bucket of the batch's own with a negative number. The public reserve never picks
 * such a bucket (db/migrations/0016), so the storm's invariant stays exact: every bucket keeps
 * quantity = available + held + sold, and the sale's quantity is the sum over all its buckets, as before.
 *
 * Redeeming a code is a sale hold like any other (seq 0, in the batch's bucket) with its place in the checkout
 * line, so it goes through the same checkout, payment, expiry and sweep code: an unpaid hold returns its unit to
 * the batch's bucket, and the code can be redeemed again by the same account until it expires.
 */

// ——— issuing ———

export type IssueBatchResult = Result<{ batchId: string; codes: string[]; validUntil: Date }>;

type BatchWindow = { validFrom: Date; validUntil: Date };

/** The form's two local times as instants, or the field errors that explain why not. */
function parseBatchWindow(
  input: Pick<IssueBatchInput, "validFrom" | "validUntil">,
  { now, timeZone }: { now: Date; timeZone: string },
): Result<BatchWindow, "invalid"> {
  const validFrom = parseStoreDateTime(input.validFrom, timeZone);
  const validUntil = parseStoreDateTime(input.validUntil, timeZone);
  const errors: Record<string, string[]> = {};
  if (!validFrom.ok) errors.validFrom = [validFrom.message];
  if (!validUntil.ok) errors.validUntil = [validUntil.message];
  if (!validFrom.ok || !validUntil.ok) return invalid(errors);
  if (validUntil.at.getTime() <= validFrom.at.getTime()) {
    return invalid({ validUntil: ["The codes must stop working after they start."] });
  }
  if (validUntil.at.getTime() <= now.getTime()) {
    return invalid({ validUntil: ["Choose a time in the future: these codes would never work."] });
  }
  return ok({ validFrom: validFrom.at, validUntil: validUntil.at });
}

/** A new batch: the codes (returned once, never stored) and its quota moved out of the sale's public stock. */
export async function issueFcodeBatch(
  db: Db,
  { actor, input, now, timeZone }: { actor: Actor; input: IssueBatchInput; now: Date; timeZone: string },
): Promise<IssueBatchResult> {
  if (!isUuid(input.saleId) || !Number.isInteger(input.skuId) || input.skuId > 2_147_483_647) {
    return invalid({ target: ["Choose a sale and version from the list."] });
  }
  const window = parseBatchWindow(input, { now, timeZone });
  if (!window.ok) return window;
  const codes = Array.from({ length: input.codeCount }, () => generateFcode());
  const repeated = "This batch was already issued. Its codes were shown once, when it was made.";
  const change = {
    actor,
    formKey: input.requestKey,
    action: "fcode.issue",
    entityType: "sale",
    repeated,
  } as const;
  return oncePerFormKey(db, change, async (tx) => {
    const target = await lockSaleSku(tx, { saleId: input.saleId, skuId: input.skuId, now });
    await setQuotaAside(tx, { input, target, now });
    const batchId = await insertBatch(tx, { actor, input, window, target, codes, now });
    const audit = {
      entityId: input.saleId,
      summary: `Issued ${input.codeCount} F-codes for ${target.label} (${input.quota} units set aside)`,
      diff: diffFromNothing({
        batch: input.label,
        version: target.label,
        codes: input.codeCount,
        quota: input.quota,
        validFrom: window.validFrom,
        validUntil: window.validUntil,
        atExpiry: input.atExpiry,
      }),
    };
    return { result: ok({ batchId, codes, validUntil: window.validUntil }), audit };
  });
}

type SaleSkuTarget = { label: string; available: number; nextPoolBucket: number };

/**
 * Sets the quota aside: first from units that expired batches of this version chose to keep in the F-code quota
 * (`keep_in_quota`: they stay set aside for the next batch), then from the sale's public buckets (only free
 * units). Refuses, saying how many are free, when both together fall short; the caller's transaction then undoes
 * whatever was moved.
 */
async function setQuotaAside(
  tx: Tx,
  { input, target, now }: { input: IssueBatchInput; target: SaleSkuTarget; now: Date },
) {
  const kept = await takeKeptUnits(tx, { saleId: input.saleId, skuId: input.skuId, units: input.quota, now });
  if (kept === input.quota) return;
  const units = input.quota - kept;
  const shrunk = await shrinkSaleSku(tx, { saleId: input.saleId, skuId: input.skuId, units });
  if (shrunk.ok) return;
  if (shrunk.reason === "busy") {
    throw new Refusal(fail("unavailable", "Fans are buying this version right now. Try again in a moment."));
  }
  const free = target.available;
  const said = free === 1 ? "1 unit" : `${free.toLocaleString("en-US")} units`;
  throw new Refusal(
    invalid({
      quota: [`Only ${said} of ${target.label} ${free === 1 ? "is" : "are"} free in this sale right now.`],
    }),
  );
}

/**
 * Moves up to `units` out of the buckets of expired `keep_in_quota` batches of this version, oldest batch first,
 * in one statement (each counted on its batch as moved on); returns how many. The caller holds the version's
 * sale_skus row, so batches of one version are issued one at a time.
 */
async function takeKeptUnits(
  tx: Tx,
  { saleId, skuId, units, now }: { saleId: string; skuId: number; units: number; now: Date },
): Promise<number> {
  const [row] = await queryRows<{ taken: number }>(
    tx,
    sql`
      with kept as (
        select k.id, k.available from sale_buckets k join fcode_batches b on b.bucket_id = k.id
        where b.sale_id = ${saleId}::uuid and b.sku_id = ${skuId}::int and b.at_expiry = 'keep_in_quota'
          and b.valid_until <= ${now.toISOString()}::timestamptz and k.available > 0
        for no key update of k
      ), plan as (
        select id, least(available, greatest(0, ${units}::int - coalesce(sum(available) over (
          order by id rows between unbounded preceding and 1 preceding), 0)))::int as take
        from kept
      ), moved as (
        update sale_buckets k set quantity = k.quantity - plan.take, available = k.available - plan.take
        from plan where k.id = plan.id and plan.take > 0
        returning k.id, plan.take
      ), counted as (
        update fcode_batches b set returned_units = b.returned_units + moved.take
        from moved where b.bucket_id = moved.id
        returning moved.take
      )
      select coalesce(sum(take), 0)::int as taken from counted`,
  );
  return row?.taken ?? 0;
}

/** The batch's own bucket holding the quota, the batch, and its codes' hashes; returns the batch id. */
async function insertBatch(
  tx: Tx,
  {
    actor,
    input,
    window,
    target,
    codes,
    now,
  }: {
    actor: Actor;
    input: IssueBatchInput;
    window: BatchWindow;
    target: SaleSkuTarget;
    codes: string[];
    now: Date;
  },
): Promise<string> {
  const { saleId, skuId, quota } = input;
  const [bucket] = await tx
    .insert(saleBuckets)
    .values({ saleId, skuId, bucket: target.nextPoolBucket, quantity: quota, available: quota })
    .returning({ id: saleBuckets.id });
  if (!bucket) throw new Error("pool bucket insert returned nothing");
  const [batch] = await tx
    .insert(fcodeBatches)
    .values({
      saleId,
      skuId,
      bucketId: bucket.id,
      label: input.label,
      codeCount: input.codeCount,
      quota,
      ...window,
      atExpiry: input.atExpiry,
      createdBy: actor.id,
      createdAt: now,
    })
    .returning({ id: fcodeBatches.id });
  if (!batch) throw new Error("batch insert returned nothing");
  const rows = codes.map((code) => {
    const bare = code.replaceAll("-", "");
    return { batchId: batch.id, codeHash: hashFcode(bare), hint: fcodeHint(bare), createdAt: now };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(fcodes).values(rows.slice(i, i + 1000));
  return batch.id;
}

/**
 * The sale's row for this version, locked so two batches for one version are numbered one after the other; refuses
 * a sale that is unknown, ended, or without this version. Returns the version's label, its free public units and
 * the next negative bucket number.
 */
async function lockSaleSku(
  tx: Tx,
  { saleId, skuId, now }: { saleId: string; skuId: number; now: Date },
): Promise<SaleSkuTarget> {
  const [row] = await queryRows<{
    status: string;
    endsAt: Date | string;
    colour: string | null;
    storage: string | null;
    productName: string;
    available: number;
    lowest: number;
  }>(
    tx,
    sql`
      select s.status, s.ends_at as "endsAt", k.colour, k.storage, p.name as "productName",
        (select coalesce(sum(b.available), 0)::int from sale_buckets b
          where b.sale_id = ss.sale_id and b.sku_id = ss.sku_id and b.bucket >= 0)
        + (select coalesce(sum(k.available), 0)::int from fcode_batches f join sale_buckets k on k.id = f.bucket_id
          where f.sale_id = ss.sale_id and f.sku_id = ss.sku_id and f.at_expiry = 'keep_in_quota'
            and f.valid_until <= ${now.toISOString()}::timestamptz) as available,
        (select coalesce(min(b.bucket), 0)::int from sale_buckets b
          where b.sale_id = ss.sale_id and b.sku_id = ss.sku_id) as lowest
      from sale_skus ss
      join sales s on s.id = ss.sale_id
      join skus k on k.id = ss.sku_id
      join products p on p.id = k.product_id
      where ss.sale_id = ${saleId}::uuid and ss.sku_id = ${skuId}::int
      for no key update of ss`,
  );
  if (!row) {
    throw new Refusal(
      invalid({ target: ["That version isn't part of this sale. Choose one from the list."] }),
    );
  }
  if (row.status === "ended" || new Date(row.endsAt).getTime() <= now.getTime()) {
    throw new Refusal(
      invalid({ target: ["This sale has ended: choose a sale that is still to come or running."] }),
    );
  }
  const label = `${row.productName} (${variantLabel({ colour: row.colour ?? "", storage: row.storage })})`;
  return { label, available: row.available, nextPoolBucket: Math.min(row.lowest, 0) - 1 };
}

// ——— giving ———

export type GiveFcodeResult = Result<{ fcodeId: string; email: string }>;

/**
 * A marketer gives one of a batch's codes to a fan by email: the code is kept sealed for the fan (their account
 * page shows it) and an "F-code received" mail goes out through the outbox in the same transaction. Refused for a
 * code that is unknown, already given or redeemed, expired, or an email without an account.
 */
export async function giveFcode(
  db: Db,
  {
    actor,
    code,
    email,
    now,
    secret,
  }: { actor: Actor; code: string; email: string; now: Date; secret: string },
): Promise<GiveFcodeResult> {
  const bare = normaliseFcode(code);
  if (!bare)
    return invalid({ code: ["That isn't an F-code: it has 16 letters and digits, like 7KQ4-MZ9C-…"] });
  const fan = await findUserByEmail(db, email);
  if (!fan) return invalid({ email: ["No account uses this email. Ask the fan to sign up first."] });
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{
      id: string;
      givenTo: string | null;
      ownerId: string | null;
      validUntil: Date | string;
      saleId: string;
    }>(
      tx,
      sql`
        select c.id, c.given_to as "givenTo", c.owner_id as "ownerId", b.valid_until as "validUntil",
          b.sale_id as "saleId"
        from fcodes c join fcode_batches b on b.id = c.batch_id
        where c.code_hash = ${hashFcode(bare)}
        for no key update of c`,
    );
    if (!row) return invalid({ code: ["We don't know this code. Copy it again from the batch's CSV."] });
    if (row.givenTo === fan.id) return ok({ fcodeId: row.id, email: fan.email });
    if (row.givenTo)
      return invalid({ code: ["This code was already given to another fan. Give another one."] });
    if (row.ownerId) return invalid({ code: ["This code was already redeemed. Give another one."] });
    if (new Date(row.validUntil).getTime() <= now.getTime()) {
      return invalid({ code: ["This code has expired. Give one from a batch that is still valid."] });
    }
    await tx.execute(sql`
      update fcodes set given_to = ${fan.id}::uuid, given_at = ${now.toISOString()}::timestamptz,
        sealed = ${sealFcode(bare, secret)}
      where id = ${row.id}::uuid`);
    await enqueueFcodeReceivedMail({ tx, fcodeId: row.id, code: groupFcode(bare), userId: fan.id });
    await writeAudit(tx, {
      actor,
      action: "fcode.give",
      entityType: "sale",
      entityId: row.saleId,
      summary: `Gave F-code …${fcodeHint(bare)} to ${fan.email}`,
      diff: diffFromNothing({ code: `…${fcodeHint(bare)}`, fan: fan.email }),
    });
    return ok({ fcodeId: row.id, email: fan.email });
  });
}

// ——— redeeming ———

export type RedeemCode =
  | "invalid"
  | "rate_limited"
  | "unknown_code"
  | "other_sku"
  | "not_yet_valid"
  | "expired"
  | "sale_closed"
  | "used"
  | "already_bought"
  | "fcode_limit"
  | "quota_gone";

export type RedeemResult = Result<{ holdId: string; existing: boolean }, RedeemCode>;

interface CodeFacts {
  id: string;
  ownerId: string | null;
  batchId: string;
  saleId: string;
  skuId: number;
  bucketId: number;
  validFrom: Date | string;
  validUntil: Date | string;
  saleStatus: string;
  saleEndsAt: Date | string;
  holdId: string | null;
  holdStatus: string | null;
  releaseReason: string | null;
}

/**
 * Redeems a code for `userId`: one unit from its batch's quota, held like a sale unit and put in the checkout line.
 * The code's row is locked first, so of two accounts racing for one code the second reads the first's redemption
 * and is refused; the unit is one conditional decrement of the batch's bucket, so two codes racing for the last
 * unit cannot both have it. A redemption that is refused writes nothing. Pass `skuId` when the fan redeems from a
 * page about one version, to refuse a code for another.
 */
export async function redeemFcode(
  db: Db,
  limiter: RateLimiter,
  {
    code,
    userId,
    ip,
    now,
    holdMinutes,
    skuId,
    wallNow = new Date(),
  }: {
    code: string;
    userId: string;
    ip: string | null;
    now: Date;
    holdMinutes: number;
    skuId?: number | undefined;
    wallNow?: Date;
  },
): Promise<RedeemResult> {
  if (!isUuid(userId) || !Number.isInteger(holdMinutes) || holdMinutes < 1) {
    return fail("invalid", "That request was not valid. Reload the page and try again.");
  }
  const taken = await takeEach(
    limiter,
    [
      [`fcode:account:${userId}`, FCODE_RATE_LIMITS.account],
      ...(ip ? [[`fcode:ip:${ip}`, FCODE_RATE_LIMITS.ip] as const] : []),
    ],
    now,
  );
  if (!taken.ok) {
    return fail(
      "rate_limited",
      `Too many codes that didn't work. Check the code and try again in ${formatWait(taken.retryAfterSeconds)}.`,
      { retryAfterSeconds: taken.retryAfterSeconds },
    );
  }
  const bare = normaliseFcode(code);
  if (!bare) return unknownCode();
  const result = await db
    .transaction((tx) =>
      redeemInTransaction(tx, { hash: hashFcode(bare), userId, now, holdMinutes, skuId, wallNow }),
    )
    .catch((error: unknown) => {
      if (error instanceof Refusal) return error.failure as Failure<RedeemCode>;
      throw error;
    });
  // Only a code that does not exist counts against the throttle: that is what guessing looks like.
  if (result.ok || result.code !== "unknown_code") await taken.giveBack();
  return result;
}

function unknownCode(): Failure<"unknown_code"> {
  return fail(
    "unknown_code",
    "We don't know this F-code. Check it against your mail or the link you were sent: it has 16 letters and digits.",
  );
}

async function redeemInTransaction(
  tx: Tx,
  {
    hash,
    userId,
    now,
    holdMinutes,
    skuId,
    wallNow,
  }: {
    hash: string;
    userId: string;
    now: Date;
    holdMinutes: number;
    skuId?: number | undefined;
    wallNow: Date;
  },
): Promise<RedeemResult> {
  // Waits for a concurrent redemption of the same code; the next statement then sees what it committed.
  const [locked] = await queryRows<{ id: string }>(
    tx,
    sql`select id from fcodes where code_hash = ${hash} for no key update`,
  );
  if (!locked) return unknownCode();
  const [facts] = await queryRows<CodeFacts>(
    tx,
    sql`
      select c.id, c.owner_id as "ownerId", b.id as "batchId", b.sale_id as "saleId", b.sku_id as "skuId",
        b.bucket_id as "bucketId", b.valid_from as "validFrom", b.valid_until as "validUntil",
        s.status as "saleStatus", s.ends_at as "saleEndsAt", c.hold_id as "holdId", h.status as "holdStatus",
        h.release_reason as "releaseReason"
      from fcodes c
      join fcode_batches b on b.id = c.batch_id
      join sales s on s.id = b.sale_id
      left join sale_holds h on h.id = c.hold_id
      where c.id = ${locked.id}::uuid`,
  );
  if (!facts) return unknownCode();
  const refusal = judgeCode(facts, { userId, now, skuId });
  if (refusal) return refusal;
  if (facts.holdStatus === "active" && facts.ownerId === userId && facts.holdId) {
    return ok({ holdId: facts.holdId, existing: true });
  }

  const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const row = await takeFcodeUnit(tx, { facts, userId, now, wallNow, expiresAt });
  if (row?.holdId) return ok({ holdId: row.holdId, existing: false });
  if (row?.picked || row?.liveFcode) {
    return fail(
      "fcode_limit",
      "You already have a unit from an F-code in this sale: one per account. Give this code to a friend instead.",
    );
  }
  // Read again: a racer may have taken the last unit while this statement waited for the bucket.
  const [pool] = await queryRows<{ held: number }>(
    tx,
    sql`select held from sale_buckets where id = ${facts.bucketId}::int`,
  );
  return fail(
    "quota_gone",
    (pool?.held ?? 0) > 0
      ? "Every unit set aside for these F-codes is reserved right now. Unpaid reservations come back within minutes: try again soon."
      : "Every unit set aside for these F-codes has been bought. Your code can't buy one any more, sorry.",
  );
}

/**
 * One unit from the batch's bucket for this code and account, in one statement: the hold (seq 0), the bucket's
 * available → held, the code's owner and hold, and the fan's place in the checkout line. Says whether the bucket
 * had a unit (`picked`) and whether the account already has a live F-code unit in the sale.
 */
async function takeFcodeUnit(
  tx: Tx,
  {
    facts,
    userId,
    now,
    wallNow,
    expiresAt,
  }: { facts: CodeFacts; userId: string; now: Date; wallNow: Date; expiresAt: Date },
) {
  // The batch's bucket is locked waiting, not with SKIP LOCKED as the public buckets are: it is one row that only
  // redemptions (short, and each holding nothing this one waits for) and settling a hold of the batch touch, so
  // the queue on it is the F-code crowd's fair line and a redemption never fails for a busy row.
  const [row] = await queryRows<{ holdId: string | null; picked: boolean; liveFcode: boolean }>(
    tx,
    sql`
      with pick as (
        select id from sale_buckets where id = ${facts.bucketId}::int and available > 0
        for no key update
      ), hold as (
        -- The unique index on live (sale, user, seq) makes seq 0 one live F-code unit per account and sale.
        insert into sale_holds (sale_id, sku_id, bucket_id, user_id, seq, status, expires_at, created_at)
        select ${facts.saleId}::uuid, ${facts.skuId}::int, pick.id, ${userId}::uuid, 0, 'active',
          ${expiresAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from pick
        on conflict do nothing
        returning id, bucket_id
      ), taken as (
        update sale_buckets b set available = b.available - 1, held = b.held + 1
        from hold where b.id = hold.bucket_id
        returning b.id
      ), code as (
        update fcodes set owner_id = ${userId}::uuid,
          redeemed_at = coalesce(redeemed_at, ${now.toISOString()}::timestamptz), hold_id = hold.id
        from hold where fcodes.id = ${facts.id}::uuid
        returning fcodes.id
      ), queued as (
        insert into checkout_queue (hold_id, user_id, enqueued_at, not_before)
        select hold.id, ${userId}::uuid, ${now.toISOString()}::timestamptz, ${wallNow.toISOString()}::timestamptz
        from hold
        returning hold_id
      )
      select (select id from hold) as "holdId", exists (select 1 from pick) as picked,
        exists (select 1 from sale_holds h where h.sale_id = ${facts.saleId}::uuid
          and h.user_id = ${userId}::uuid and h.seq = 0 and h.status in ('active', 'converted')) as "liveFcode"`,
  );
  return row;
}

/** Why this code cannot be redeemed by this account now, or null when it can. */
function judgeCode(
  facts: CodeFacts,
  { userId, now, skuId }: { userId: string; now: Date; skuId?: number | undefined },
): Failure<RedeemCode> | null {
  const t = now.getTime();
  const mine = facts.ownerId === userId;
  if (facts.ownerId && !mine) {
    return fail(
      "used",
      "This F-code has already been used by another account. Each code buys one unit, once.",
    );
  }
  if (
    facts.holdStatus === "converted" ||
    (facts.holdStatus === "released" && facts.releaseReason === "returned")
  ) {
    return fail(
      "already_bought",
      "You've already bought your unit with this F-code. Each code buys one unit, once.",
    );
  }
  if (skuId !== undefined && skuId !== facts.skuId) {
    return fail("other_sku", "This F-code is for another version. Open its link to see which one it buys.");
  }
  if (facts.holdStatus === "active" && mine) return null;
  if (t < new Date(facts.validFrom).getTime()) {
    return fail("not_yet_valid", "This F-code doesn't work yet. Its page says when it starts.");
  }
  if (t >= new Date(facts.validUntil).getTime()) {
    return fail(
      "expired",
      "This F-code has expired. F-codes work only until the time their batch was given.",
    );
  }
  if (facts.saleStatus !== "scheduled" || t >= new Date(facts.saleEndsAt).getTime()) {
    return fail("sale_closed", "The sale this F-code is for is over, so it can't buy a unit any more.");
  }
  return null;
}

// ——— expiry ———

/**
 * After a batch's `validUntil`, with `return_to_sale`, its unused units go back to the sale's public stock: each
 * batch in one statement that moves what its bucket has available into one public bucket (both locked with SKIP
 * LOCKED: a busy one is left for the next sweep), and counts it on the batch. Units that come back later from an
 * unpaid hold go the same way at the next sweep. Safe to run on every instance at once.
 */
export async function returnExpiredFcodeUnits(db: Db, { now }: { now: Date }): Promise<{ returned: number }> {
  const due = await queryRows<{ id: string; bucketId: number; saleId: string; skuId: number }>(
    db,
    sql`
      select b.id, b.bucket_id as "bucketId", b.sale_id as "saleId", b.sku_id as "skuId"
      from fcode_batches b join sale_buckets k on k.id = b.bucket_id
      where b.at_expiry = 'return_to_sale' and b.valid_until <= ${now.toISOString()}::timestamptz
        and k.available > 0
      order by b.valid_until
      limit 50`,
  );
  let returned = 0;
  for (const batch of due) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`
        with pool as (
          select id, available from sale_buckets where id = ${batch.bucketId}::int and available > 0
          for no key update skip locked
        ), target as (
          select id from sale_buckets
          where sale_id = ${batch.saleId}::uuid and sku_id = ${batch.skuId}::int and bucket >= 0
          order by bucket
          limit 1
          for no key update skip locked
        ), moved_out as (
          update sale_buckets b set quantity = b.quantity - pool.available, available = 0
          from pool where b.id = pool.id and exists (select 1 from target)
          returning pool.available as n
        ), moved_in as (
          update sale_buckets b set quantity = b.quantity + moved_out.n, available = b.available + moved_out.n
          from moved_out, target where b.id = target.id
          returning moved_out.n
        ), counted as (
          update fcode_batches set returned_units = returned_units + moved_in.n
          from moved_in where fcode_batches.id = ${batch.id}::uuid
          returning moved_in.n
        )
        select coalesce((select n from counted), 0)::int as n`,
    );
    returned += row?.n ?? 0;
  }
  return { returned };
}
