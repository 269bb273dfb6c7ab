import { describe, expect, it } from "vitest";
import { queryCount } from "@/db/client";
import { stormSales, withStormDatabase } from "@/tests/helpers/storm";
import { readSaleCounts } from "./figures";
import { countSalePress, flushSalePresses } from "./press-counts";

/* Honest numbers cost one write per flush, not one per press, and add up exactly. */

const db = withStormDatabase({ connections: 2, accounts: 3, usersPrefix: "press" });
const nextSale = stormSales({ slug: "press", name: "Press", t0: new Date("2031-05-01T04:00:00Z") });

describe("press counts", () => {
  it("thousands of presses and refusals are written in one statement per flush, and read with the figures", async () => {
    const saleId = await nextSale(db.db, {
      product: db,
      perAccountLimit: 1,
      quantities: [5, 5],
      userIds: db.users,
    });
    for (let i = 0; i < 5000; i++) countSalePress({ saleId, refused: i % 10 === 0 });
    // Junk and unknown sales are dropped, never an error.
    countSalePress({ saleId: "not-a-sale", refused: true });
    countSalePress({ saleId: "7b0e4c1e-2d0a-4f4e-9d55-3f7a2b9c1d01", refused: false });
    const before = queryCount();
    await flushSalePresses(db.db);
    expect(queryCount() - before).toBe(1);
    for (let i = 0; i < 100; i++) countSalePress({ saleId, refused: false });
    await flushSalePresses(db.db);
    expect(await flushSalePresses(db.db)).toBe(0);
    expect(await readSaleCounts(db.db, { saleId })).toMatchObject({
      presses: 5100,
      refused: 500,
      fcodeSold: 0,
    });
  });
});
