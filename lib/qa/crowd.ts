import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { orders, saleSkus } from "@/db/schema";
import type { Db } from "@/lib/db";
import { registerUsersInBulk } from "@/lib/sales/bulk-registration";
import { isUuid } from "@/lib/sales/db-errors";
import { attachOrderToSaleHold, convertSaleHoldForOrder } from "@/lib/sales/holds";
import { reserveSaleUnit } from "@/lib/sales/reserve";

/*
 * QA only (the route that calls this is behind refuseUnlessQa): a scripted crowd for a running sale, driven
 * through the store's own rules. Fresh accounts register, reserve one unit each through reserveSaleUnit, and the
 * first `pay` of them pay (the same conversion a Stripe webhook applies). Nothing here is reachable in production.
 */

/** A bcrypt-shaped hash that matches no password: simulated fans cannot sign in. */
const NO_LOGIN_HASH = "$2b$10$abcdefghijklmnopqrstuuNOTAREALHASHxxxxxxxxxxxxxxxxxxxxx";

export interface SimulateInput {
  saleId: string;
  /** Fans who reserve a unit. */
  buyers: number;
  /** Of those, how many pay (the rest keep their hold until it expires). */
  pay: number;
  /** Fans who register and never buy (for the conversion figure). */
  browsers: number;
  now: Date;
  holdMinutes: number;
}

export interface SimulateResult {
  reserved: number;
  paid: number;
  registered: number;
  refused: Record<string, number>;
}

type SaleLine = { skuId: number; price: number; currency: string };

/** Fresh fans who cannot sign in, registered for the sale as registerForSale writes it (row + counter shard). */
async function registerCrowd(db: Db, { saleId, total, now }: { saleId: string; total: number; now: Date }) {
  const tag = randomBytes(4).toString("hex");
  const userIds = (
    await queryRows<{ id: string }>(
      db,
      sql`
        insert into users (email, name, password_hash)
        select 'qa-crowd-' || ${tag} || '-' || g || '@test.kite', 'QA fan ' || g, ${NO_LOGIN_HASH}
        from generate_series(1, ${total}::int) g
        returning id`,
    )
  ).map((r) => r.id);
  await registerUsersInBulk(db, { saleId, userIds, registeredAt: now });
  return userIds;
}

/** Pays for a hold the way a Stripe webhook's conversion does: an order, attached, converted, paid. */
async function payForHold(
  db: Db,
  {
    userId,
    line,
    hold,
    now,
  }: { userId: string; line: SaleLine; hold: { holdId: string; expiresAt: Date }; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({ userId, currency: line.currency, totalMinor: line.price, holdExpiresAt: hold.expiresAt })
      .returning({ id: orders.id });
    if (!order) return false;
    const attached = await attachOrderToSaleHold(tx, { holdId: hold.holdId, userId, orderId: order.id });
    if (!attached.ok) return false;
    const converted = await convertSaleHoldForOrder(tx, { orderId: order.id, now });
    if (!converted.saleHold || converted.outcome === "refund_needed") return false;
    await tx.update(orders).set({ status: "paid", paidAt: now }).where(eq(orders.id, order.id));
    return true;
  });
}

export async function simulateSaleCrowd(db: Db, input: SimulateInput): Promise<SimulateResult | null> {
  if (!isUuid(input.saleId)) return null;
  const lines = await db
    .select({ skuId: saleSkus.skuId, price: saleSkus.salePriceMinor, currency: saleSkus.currency })
    .from(saleSkus)
    .where(eq(saleSkus.saleId, input.saleId));
  if (lines.length === 0) return null;

  const userIds = await registerCrowd(db, {
    saleId: input.saleId,
    total: input.buyers + input.browsers,
    now: input.now,
  });
  const result: SimulateResult = { reserved: 0, paid: 0, registered: userIds.length, refused: {} };
  const buyers = userIds.slice(0, input.buyers);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, buyers.length) }, async () => {
      while (next < buyers.length) {
        const index = next++;
        const userId = buyers[index] as string;
        const line = lines[index % lines.length];
        if (!line) continue;
        const held = await reserveSaleUnit(db, {
          saleId: input.saleId,
          skuId: line.skuId,
          userId,
          now: input.now,
          holdMinutes: input.holdMinutes,
        });
        if (!held.ok) {
          result.refused[held.code] = (result.refused[held.code] ?? 0) + 1;
          continue;
        }
        result.reserved += 1;
        if (index < input.pay && (await payForHold(db, { userId, line, hold: held.hold, now: input.now }))) {
          result.paid += 1;
        }
      }
    }),
  );
  return result;
}
