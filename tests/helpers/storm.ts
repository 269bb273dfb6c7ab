import { afterAll, beforeAll, expect } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { attachOrderToSaleHold, convertSaleHoldForOrder, releaseSaleHold } from "@/lib/sales/holds";
import { configureReserveBatching, reserveSaleUnit } from "@/lib/sales/reserve";
import {
  accountsOverLimit,
  bucketMismatches,
  createStormSale,
  insertPendingOrder,
  insertUsers,
  unqueuedHolds,
} from "@/lib/sales/test-support";
import { openSeededPostgres } from "./db";
import { getKite9Pro } from "./seeded";

/** The Kite 9 Pro's id and its first two SKUs, the two versions every storm sale offers. */
export interface StormProduct {
  productId: number;
  skuA: number;
  skuB: number;
}

/**
 * Numbered storm sales (createStormSale) starting at `t0`: the n-th is `${slug}-n`, named `${name} n`, on the
 * product given, with `quantities` of its two versions and `userIds` registered. Returns the sale id.
 */
export function stormSales({ slug, name, t0 }: { slug: string; name: string; t0: Date }) {
  let n = 0;
  return (
    db: Db,
    {
      product,
      perAccountLimit,
      quantities,
      userIds,
    }: { product: StormProduct; perAccountLimit: number; quantities: [number, number]; userIds: string[] },
  ): Promise<string> => {
    n += 1;
    return createStormSale(db, {
      slug: `${slug}-${n}`,
      name: `${name} ${n}`,
      productId: product.productId,
      startsAt: t0,
      perAccountLimit,
      versions: [
        { skuId: product.skuA, quantity: quantities[0] },
        { skuId: product.skuB, quantity: quantities[1] },
      ],
      userIds,
    });
  };
}

export interface StormDatabase extends StormProduct {
  handle: DbHandle;
  db: Db;
  /** The crowd: `accounts` new users. */
  users: string[];
  /** The next `n` users of the crowd not handed out yet, so each test of the file has fans of its own. */
  take(n: number): string[];
  /** Every bucket's accounting exact, no account over the sale's limit, every active hold queued for checkout. */
  expectExact(saleId: string): Promise<void>;
  /** Each of `userIds` reserves one unit of `skuId` at `now` (a 10-minute hold); the hold ids, in order. */
  reserveEach(input: { saleId: string; skuId: number; userIds: string[]; now: Date }): Promise<string[]>;
}

/**
 * The setup of a storm test file: a seeded PostgreSQL clone with `connections` pool connections and the reserve
 * batcher allowed one batch in flight per connection, the Kite 9 Pro, and `accounts` new users (emails
 * `${usersPrefix}-…`); opened before the file's tests, closed after them. The fields are there from the file's
 * first `beforeAll` on.
 */
export function withStormDatabase({
  connections,
  accounts,
  usersPrefix,
}: {
  connections: number;
  accounts: number;
  usersPrefix: string;
}): StormDatabase {
  let used = 0;
  const storm = {
    take(n: number) {
      const out = storm.users.slice(used, used + n);
      used += n;
      return out;
    },
    expectExact: (saleId: string) => expectSaleExact(storm.db, saleId),
    reserveEach: (input: { saleId: string; skuId: number; userIds: string[]; now: Date }) =>
      reserveEach(storm.db, input),
  } as StormDatabase;
  beforeAll(async () => {
    storm.handle = await openSeededPostgres({ poolMax: connections });
    storm.db = storm.handle.db;
    configureReserveBatching({ maxInFlight: connections });
    Object.assign(storm, await getKite9Pro(storm.db));
    storm.users = await insertUsers(storm.db, { prefix: usersPrefix, count: accounts });
  });
  afterAll(() => storm.handle?.close());
  return storm;
}

/** Callers at once on a pool of `connections`: four per connection, so clicks queue in the reserve batcher. */
export const callersFor = (connections: number) => 4 * connections;

/**
 * A fan paying for a sale hold as checkout does: a pending order attached to the hold, then converted. With
 * `late`, the hold expired while the fan was paying (it is released first): honoured if a unit is left, else
 * refunded. Returns `attach_<code>` when the order could not be attached, else the conversion's outcome
 * (`no_hold` when the order had no sale hold).
 */
export async function payForSaleHold(
  db: Db,
  { holdId, userId, now, late }: { holdId: string; userId: string; now: Date; late: boolean },
): Promise<string> {
  const orderId = await insertPendingOrder(db, { userId, totalMinor: 399900, holdExpiresAt: now });
  const attached = await attachOrderToSaleHold(db, { holdId, userId, orderId });
  if (!attached.ok) return `attach_${attached.code}`;
  if (late) await releaseSaleHold(db, { holdId, now, reason: "expired" });
  const converted = await db.transaction((tx) => convertSaleHoldForOrder(tx, { orderId, now }));
  return converted.saleHold ? converted.outcome : "no_hold";
}

async function expectSaleExact(db: Db, saleId: string) {
  expect(await bucketMismatches(db, { saleId })).toEqual([]);
  expect(await accountsOverLimit(db, { saleId })).toEqual([]);
  expect(await unqueuedHolds(db, { saleId })).toBe(0);
}

async function reserveEach(
  db: Db,
  { saleId, skuId, userIds, now }: { saleId: string; skuId: number; userIds: string[]; now: Date },
): Promise<string[]> {
  const holds: string[] = [];
  for (const userId of userIds) {
    const r = await reserveSaleUnit(db, {
      saleId,
      skuId,
      userId,
      now,
      holdMinutes: 10,
      queueForCheckout: true,
    });
    if (!r.ok) throw new Error(r.message);
    holds.push(r.hold.holdId);
  }
  return holds;
}
