import "server-only";
import { sql } from "drizzle-orm";
import { type Db, getDb } from "@/lib/db";
import { isUuid } from "./db-errors";

/*
 * Honest numbers, counted cheaply: every press of Buy now (the action and POST /api/sales/:id/reserve) and every
 * request the sale rate limits refused adds 1 to a number in this instance's memory; a timer writes the sums to
 * `sale_press_counts` about once a second, one statement for every sale pressed since (so a storm of 2,000 presses
 * a second costs one write a second per instance, and a refusal none of its own). A crash loses at most the last
 * second's presses: these are figures for the sale page, not accounting.
 */

export const PRESS_FLUSH_MS = 1_000;

type Tally = { presses: number; refused: number };
const pending = new Map<string, Tally>();
let timer: NodeJS.Timeout | null = null;

/** One press of Buy now on a sale, refused by the rate limits or not. Never waits, never throws. */
export function countSalePress({ saleId, refused }: { saleId: string; refused: boolean }) {
  if (!isUuid(saleId)) return;
  const tally = pending.get(saleId) ?? { presses: 0, refused: 0 };
  tally.presses += 1;
  if (refused) tally.refused += 1;
  pending.set(saleId, tally);
  if (!timer) {
    timer = setTimeout(() => {
      timer = null;
      // Flushed meanwhile (a test, or a flush of its own): nothing to write, no connection to open.
      if (pending.size === 0) return;
      getDb()
        .then((db) => flushSalePresses(db))
        .catch((error: unknown) =>
          console.warn("[sales] press counts not written:", (error as Error).message),
        );
    }, PRESS_FLUSH_MS);
    timer.unref();
  }
}

/**
 * Writes what this instance counted since the last flush, in one statement (sales that no longer exist are
 * dropped). Tests call it directly. On failure the counts are put back for the next flush.
 */
export async function flushSalePresses(db: Db): Promise<number> {
  if (pending.size === 0) return 0;
  const batch = [...pending.entries()];
  pending.clear();
  const rows = JSON.stringify(
    batch.map(([saleId, t]) => ({ saleId, presses: t.presses, refused: t.refused })),
  );
  try {
    await db.execute(sql`
      insert into sale_press_counts (sale_id, presses, refused)
      select s.id, x.presses, x.refused
      from jsonb_to_recordset(${rows}::jsonb) as x("saleId" uuid, presses bigint, refused bigint)
      join sales s on s.id = x."saleId"
      on conflict (sale_id) do update
      set presses = sale_press_counts.presses + excluded.presses,
        refused = sale_press_counts.refused + excluded.refused`);
  } catch (error) {
    for (const [saleId, t] of batch) {
      const now = pending.get(saleId) ?? { presses: 0, refused: 0 };
      pending.set(saleId, { presses: now.presses + t.presses, refused: now.refused + t.refused });
    }
    throw error;
  }
  return batch.length;
}
