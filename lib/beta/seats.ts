import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { Tx } from "@/lib/db";
import { recordPoints } from "@/lib/points/ledger";

/** The ledger cause of a beta seat's points cost, and of their return. */
export const betaCause = (orderId: string) => `beta:${orderId}`;

/**
 * A pending beta order was released (cancelled, or its hold ran out): its seat goes back to the beta and the points
 * cost comes back to the fan, once (releaseOrder runs this in its transaction, after its own conditional
 * pending → released). The fan stays selected and may buy again. Nothing happens for any other order.
 */
export async function releaseBetaSeat(tx: Tx, { orderId }: { orderId: string }): Promise<void> {
  const [seat] = await queryRows<{ userId: string; spent: number }>(
    tx,
    sql`
      with freed as (
        update betas b set seats_taken = b.seats_taken - 1
        from beta_applications a
        where a.order_id = ${orderId}::uuid and b.id = a.beta_id
        returning a.user_id
      )
      select freed.user_id as "userId",
        (select coalesce(-sum(amount), 0)::int from points_entries
          where order_id = ${orderId}::uuid and reason = 'beta_purchase') as spent
      from freed`,
  );
  if (!seat || seat.spent <= 0) return;
  await recordPoints(tx, {
    userId: seat.userId,
    reason: "points_returned",
    cause: `${betaCause(orderId)}:returned`,
    orderId,
    amount: seat.spent,
    note: "Beta seat not paid for: its points cost comes back.",
  });
}
