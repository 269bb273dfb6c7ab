import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openSeededPostgres } from "@/tests/helpers/db";
import { skus } from "./schema";

let handle: DbHandle;

/** The constraint a failed write broke (drizzle wraps the driver's error in `cause`), or null if it succeeded. */
async function brokenConstraint(write: PromiseLike<unknown>): Promise<string | null> {
  try {
    await write;
    return null;
  } catch (error) {
    return (error as { cause?: { constraint?: string } }).cause?.constraint ?? String(error);
  }
}
beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
});
afterAll(() => handle.close());

describe("stock CHECK constraints (PostgreSQL)", () => {
  it("refuses any write that breaks quantity = available + held + sold or goes negative", async () => {
    const [sku] = await handle.db.select().from(skus).limit(1);
    if (!sku) throw new Error("no SKU seeded");
    expect(
      await brokenConstraint(
        handle.db
          .update(skus)
          .set({ available: sku.available + 1 })
          .where(eq(skus.id, sku.id)),
      ),
    ).toBe("skus_stock_invariant");
    expect(
      await brokenConstraint(
        handle.db
          .update(skus)
          .set({ available: -1, held: sku.quantity + 1 })
          .where(eq(skus.id, sku.id)),
      ),
    ).toBe("skus_stock_non_negative");
    // A balanced move (available → held) is accepted.
    if (sku.available > 0) {
      await handle.db
        .update(skus)
        .set({ available: sql`${skus.available} - 1`, held: sql`${skus.held} + 1` })
        .where(eq(skus.id, sku.id));
      const [after] = await handle.db.select().from(skus).where(eq(skus.id, sku.id));
      expect(after?.held).toBe(sku.held + 1);
    }
    const [check] = await handle.db.select().from(skus).where(eq(skus.id, sku.id));
    expect(check && check.available + check.held + check.sold).toBe(check?.quantity);
  });
});
