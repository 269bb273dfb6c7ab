import { sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import { createRng } from "@/db/seed-data";
import { registerUsersInBulk } from "./bulk-registration";
import { createSale } from "./commands";
import { type ReserveResult, reserveSaleUnit } from "./reserve";

/** Shared by the sales tests and benchmarks: bulk fixtures in a few statements, never one row at a time. */

/** A bcrypt-shaped hash nobody can log in with: fixtures must not spend seconds hashing passwords. */
export const DUMMY_PASSWORD_HASH = "$2b$10$abcdefghijklmnopqrstuuNOTAREALHASHxxxxxxxxxxxxxxxxxxxxx";

/** Inserts `count` shoppers named `${prefix}-N@test.kite` and returns their ids in order. */
export async function insertUsers(
  db: Db,
  { prefix, count }: { prefix: string; count: number },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
      insert into users (email, name, password_hash)
      select ${prefix} || '-' || g || '@test.kite', 'Fan ' || g, ${DUMMY_PASSWORD_HASH}
      from generate_series(1, ${count}::int) g
      returning id`,
  );
  return rows.map((r) => r.id);
}

/** Registers users for a sale in one statement and bumps its counter shards to match. */
export async function registerUsers(db: Db, { saleId, userIds }: { saleId: string; userIds: string[] }) {
  await registerUsersInBulk(db, { saleId, userIds });
}

export interface BucketRow {
  id: number;
  skuId: number;
  bucket: number;
  quantity: number;
  available: number;
  held: number;
  sold: number;
}

export async function listBuckets(db: Db, { saleId }: { saleId: string }): Promise<BucketRow[]> {
  return queryRows<BucketRow>(
    db,
    sql`
      select id, sku_id as "skuId", bucket, quantity, available, held, sold
      from sale_buckets where sale_id = ${saleId}::uuid order by sku_id, bucket`,
  );
}

/**
 * Every bucket's accounting against the hold rows: held = its active holds, sold = its converted holds (sales
 * seeded as sold have no hold rows, so they are not checked here). Returns the rows that disagree.
 */
export async function bucketMismatches(db: Db, { saleId }: { saleId: string }) {
  return queryRows<{
    id: number;
    quantity: number;
    available: number;
    held: number;
    sold: number;
    activeHolds: number;
    convertedHolds: number;
  }>(
    db,
    sql`
      select b.id, b.quantity, b.available, b.held, b.sold,
        count(h.id) filter (where h.status = 'active')::int as "activeHolds",
        count(h.id) filter (where h.status = 'converted')::int as "convertedHolds"
      from sale_buckets b left join sale_holds h on h.bucket_id = b.id
      where b.sale_id = ${saleId}::uuid
      group by b.id
      having b.quantity <> b.available + b.held + b.sold or b.available < 0
        or b.held <> count(h.id) filter (where h.status = 'active')
        or b.sold <> count(h.id) filter (where h.status = 'converted')`,
  );
}

/** Accounts holding more live public units than the sale allows (should always be empty); F-code units aside. */
export async function accountsOverLimit(db: Db, { saleId }: { saleId: string }) {
  return queryRows<{ userId: string; live: number }>(
    db,
    sql`
      select h.user_id as "userId", count(*)::int as live
      from sale_holds h join sales s on s.id = h.sale_id
      where h.sale_id = ${saleId}::uuid and h.status in ('active', 'converted') and h.seq > 0
      group by h.user_id, s.per_account_limit
      having count(*) > s.per_account_limit`,
  );
}

/** Holds of the sale without their place in the checkout line (should always be none). */
export async function unqueuedHolds(db: Db, { saleId }: { saleId: string }): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from sale_holds h where h.sale_id = ${saleId}::uuid
        and not exists (select 1 from checkout_queue q where q.hold_id = h.id)`,
  );
  return row?.n ?? 0;
}

/** A pending order for a fan, as the checkout would create it before handing over to Stripe. */
export async function insertPendingOrder(
  db: Db,
  { userId, totalMinor, holdExpiresAt }: { userId: string; totalMinor: number; holdExpiresAt: Date },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`
      insert into orders (user_id, currency, total_minor, hold_expires_at)
      values (${userId}::uuid, 'CNY', ${totalMinor}::int, ${holdExpiresAt.toISOString()}::timestamptz)
      returning id`,
  );
  if (!row) throw new Error("order insert returned nothing");
  return row.id;
}

/** A small seeded random number generator (mulberry32, the seed's), so a storm is the same on every run. */
export const rng = createRng;

/** Shuffles `items` in place (Fisher–Yates) with `random`, and returns it. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Runs `work` over `items` with `workers` concurrent loops; each loop holds at most one connection at a time. */
export async function crowd<T>(items: T[], workers: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

/**
 * The storms' click pattern, shuffled: half the accounts double-click (one request key, twice); the others click
 * twice for two units, and every fourth of those a third time, over a limit of 2.
 */
export function doubleClickAttempts(
  users: string[],
  random: () => number,
): { userId: string; key: string }[] {
  return shuffle(
    users.flatMap((userId, i) =>
      i % 2 === 0
        ? [
            { userId, key: `a-${i}` },
            { userId, key: `a-${i}` },
          ]
        : [
            { userId, key: `a-${i}` },
            { userId, key: `b-${i}` },
            ...(i % 8 === 1 ? [{ userId, key: `c-${i}` }] : []),
          ],
    ),
    random,
  );
}

/**
 * The storms' sale: two versions at 3,999 and 4,499, registration closing as it starts at `startsAt`, two hours
 * long, with `userIds` registered. Returns the sale id.
 */
export async function createStormSale(
  db: Db,
  input: {
    slug: string;
    name: string;
    productId: number;
    startsAt: Date;
    perAccountLimit: number;
    versions: [{ skuId: number; quantity: number }, { skuId: number; quantity: number }];
    userIds: string[];
  },
): Promise<string> {
  const [a, b] = input.versions;
  const result = await createSale(db, {
    slug: input.slug,
    name: input.name,
    productId: input.productId,
    registrationOpensAt: new Date(input.startsAt.getTime() - 86_400_000),
    registrationClosesAt: input.startsAt,
    startsAt: input.startsAt,
    endsAt: new Date(input.startsAt.getTime() + 7_200_000),
    perAccountLimit: input.perAccountLimit,
    skus: [
      { ...a, salePriceMinor: 399900 },
      { ...b, salePriceMinor: 449900 },
    ],
  });
  if (!result.ok) throw new Error(result.message);
  await registerUsers(db, { saleId: result.saleId, userIds: input.userIds });
  return result.saleId;
}

type ReserveClick = { saleId: string; userId: string; now: Date; holdMinutes: number; requestKey?: string };

/**
 * Reserve one unit, falling over to the other version when the first is sold out (a fan who takes either colour),
 * as the Buy now button does: the hold joins the checkout line in the same statement.
 */
export async function reserveEitherSku(
  db: Db,
  input: ReserveClick,
  [firstSku, otherSku]: [number, number],
): Promise<ReserveResult> {
  const first = await reserveSaleUnit(db, { ...input, skuId: firstSku, queueForCheckout: true });
  if (first.ok || first.code !== "sold_out") return first;
  return reserveSaleUnit(db, { ...input, skuId: otherSku, queueForCheckout: true });
}

/** Reserve results counted by outcome: `new` and `existing` holds, else the refusal's code. */
export function tallyReserveResults(results: ReserveResult[]): Record<string, number> {
  const by: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? (r.existing ? "existing" : "new") : r.code;
    by[key] = (by[key] ?? 0) + 1;
  }
  return by;
}

/** Outcomes other than a hold or a refusal a crowd should expect (e.g. `busy`). */
export function unexpectedReserveOutcomes(by: Record<string, number>): string[] {
  return Object.keys(by).filter((k) => !["new", "existing", "sold_out", "limit_reached"].includes(k));
}

/**
 * Runs the double-click storm (see doubleClickAttempts) with `callers` concurrent fans, attempt i at `t0` + i ms,
 * each preferring version A 60% of the time. Returns the attempts, every result and, for each repeated request
 * key, whether it got the same hold as the first time.
 */
export async function runDoubleClickStorm(
  db: Db,
  input: {
    saleId: string;
    users: string[];
    skus: [number, number];
    t0: Date;
    callers: number;
    random: () => number;
  },
): Promise<{
  attempts: { userId: string; key: string }[];
  results: ReserveResult[];
  sameHold: boolean[];
  seconds: number;
}> {
  const { saleId, random } = input;
  const [skuA, skuB] = input.skus;
  const attempts = doubleClickAttempts(input.users, random);
  const results: ReserveResult[] = [];
  const holdByKey = new Map<string, string>();
  const sameHold: boolean[] = [];
  const started = Date.now();
  await crowd(attempts, input.callers, async ({ userId, key }, i) => {
    const click = { saleId, userId, now: new Date(input.t0.getTime() + i), holdMinutes: 10, requestKey: key };
    const r = await reserveEitherSku(db, click, random() < 0.6 ? [skuA, skuB] : [skuB, skuA]);
    results.push(r);
    if (r.ok) {
      const seen = holdByKey.get(key);
      if (seen) sameHold.push(seen === r.hold.holdId);
      else holdByKey.set(key, r.hold.holdId);
    }
  });
  return { attempts, results, sameHold, seconds: (Date.now() - started) / 1000 };
}
