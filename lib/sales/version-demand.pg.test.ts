import { describe, expect, it } from "vitest";
import { withStormDatabase } from "@/tests/helpers/storm";
import { createSale } from "./commands";
import { readSaleActivity, toLiveView, withVersionDemand } from "./live";
import { registerForSale } from "./registration";
import { changeSaleVersion } from "./version-choice";
import { readVersionDemand } from "./version-demand";

/*
 * Demand per version on real PostgreSQL: the console's one grouped query counts the registered fans who chose
 * each version and those who have not, follows a changed choice, ignores other sales' fans, and says nothing for
 * a draw (its fans choose no version).
 */

const HOUR = 3_600_000;
const T0 = new Date("2031-07-01T04:00:00Z");
const DURING_REGISTRATION = new Date(T0.getTime() - 12 * HOUR);
const db = withStormDatabase({ connections: 4, accounts: 24, usersPrefix: "demand" });

let n = 0;
/** A first-come sale of both versions, or a draw (which sells one). */
async function newSale({ draw = false }: { draw?: boolean } = {}) {
  n += 1;
  const created = await createSale(db.db, {
    slug: `demand-sale-${n}`,
    name: `Demand sale ${n}`,
    productId: db.productId,
    registrationOpensAt: new Date(T0.getTime() - 24 * HOUR),
    registrationClosesAt: new Date(T0.getTime() - HOUR),
    startsAt: T0,
    endsAt: new Date(T0.getTime() + 2 * HOUR),
    skus: (draw ? [db.skuA] : [db.skuA, db.skuB]).map((skuId) => ({
      skuId,
      quantity: 5,
      salePriceMinor: 399900,
    })),
    ...(draw ? { kind: "draw" as const, purchaseWindowMinutes: 60 } : {}),
  });
  if (!created.ok) throw new Error(`${created.message} ${JSON.stringify(created.fieldErrors)}`);
  return created.saleId;
}

let used = 0;
const fan = () => db.users[used++] as string;

async function register(saleId: string, skuId: number | null, count: number): Promise<string[]> {
  const fans: string[] = [];
  for (let i = 0; i < count; i++) {
    const userId = fan();
    const result = await registerForSale(db.db, { saleId, userId, now: DURING_REGISTRATION, skuId });
    if (!result.ok) throw new Error(result.message);
    fans.push(userId);
  }
  return fans;
}

describe("demand per version", () => {
  it("counts the fans who chose each version and those who have not, in one grouped read", async () => {
    const saleId = await newSale();
    const other = await newSale();
    const [movesToB] = await register(saleId, db.skuA, 3);
    await register(saleId, db.skuB, 4);
    await register(saleId, null, 5);
    await register(other, db.skuA, 2);
    await register(other, null, 1);

    const before = await readVersionDemand(db.db, { saleId });
    expect(before?.unchosen).toBe(5);
    expect(before?.bySku.toSorted((a, b) => a.skuId - b.skuId)).toEqual(
      [
        { skuId: db.skuA, fans: 3 },
        { skuId: db.skuB, fans: 4 },
      ].toSorted((a, b) => a.skuId - b.skuId),
    );

    // A fan changes their mind before the start: the counts follow.
    const changed = await changeSaleVersion(db.db, {
      saleId,
      userId: movesToB as string,
      skuId: db.skuB,
      now: DURING_REGISTRATION,
    });
    expect(changed.ok).toBe(true);
    const demand = await readVersionDemand(db.db, { saleId });

    // The console's view: each version's fans and share of the choices, and the totals.
    const activity = await readSaleActivity(db.db, { saleId });
    if (!activity) throw new Error("no activity");
    const view = withVersionDemand(toLiveView(activity, { now: DURING_REGISTRATION }), demand);
    expect(view.demand).toEqual({ chosen: 7, unchosen: 5 });
    expect(view.registrations).toBe(12);
    const bySku = new Map(view.variants.map((v) => [v.skuId, v]));
    expect(bySku.get(db.skuA)).toMatchObject({ chose: 2, shareOfChoices: 2 / 7 });
    expect(bySku.get(db.skuB)).toMatchObject({ chose: 5, shareOfChoices: 5 / 7 });

    // The other sale's fans are its own.
    expect(await readVersionDemand(db.db, { saleId: other })).toEqual({
      bySku: [{ skuId: db.skuA, fans: 2 }],
      unchosen: 1,
    });
  });

  it("a sale nobody registered for: every version at zero, no share yet", async () => {
    const saleId = await newSale();
    const demand = await readVersionDemand(db.db, { saleId });
    expect(demand).toEqual({ bySku: [], unchosen: 0 });
    const activity = await readSaleActivity(db.db, { saleId });
    if (!activity) throw new Error("no activity");
    const view = withVersionDemand(toLiveView(activity, { now: DURING_REGISTRATION }), demand);
    expect(view.variants.map((v) => [v.chose, v.shareOfChoices])).toEqual([
      [0, null],
      [0, null],
    ]);
    expect(view.demand).toEqual({ chosen: 0, unchosen: 0 });
  });

  it("says nothing for a draw or an unknown sale", async () => {
    const draw = await newSale({ draw: true });
    await register(draw, null, 2);
    expect(await readVersionDemand(db.db, { saleId: draw })).toBeNull();
    expect(await readVersionDemand(db.db, { saleId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
    expect(await readVersionDemand(db.db, { saleId: "not-a-uuid" })).toBeNull();
    const activity = await readSaleActivity(db.db, { saleId: draw });
    if (!activity) throw new Error("no activity");
    const view = withVersionDemand(toLiveView(activity, { now: DURING_REGISTRATION }), null);
    expect(view.demand).toBeNull();
    expect(view.variants.every((v) => v.chose === null)).toBe(true);
  });
});
