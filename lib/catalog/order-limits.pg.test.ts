import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditLog, products, users } from "@/db/schema";
import { openSeededPostgres } from "@/tests/helpers/db";
import { listProductLimits, setProductOrderLimit } from "./order-limits";

let handle: DbHandle;
let actor: { id: string; email: string };
beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
  const [marketer] = await handle.db.select().from(users).where(eq(users.email, "marketer@example.com"));
  if (!marketer) throw new Error("seeded marketer missing");
  actor = { id: marketer.id, email: marketer.email };
});
afterAll(async () => {
  await handle?.close();
});

async function limitOf(slug: string) {
  const [row] = await handle.db.select().from(products).where(eq(products.slug, slug));
  if (!row) throw new Error(`${slug} missing`);
  return row;
}

describe("per-product order limits in the console (PostgreSQL)", () => {
  it("lists every product with the seeded limits: two phones, five power banks", async () => {
    const rows = await listProductLimits(handle.db);
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(bySlug.get("kite-9-pro")).toMatchObject({ maxPerOrder: 2, categoryName: "Phones" });
    expect(bySlug.get("kite-power-bank-20000")?.maxPerOrder).toBe(5);
    expect(bySlug.get("kite-9-pro")?.versions).toBeGreaterThan(1);
  });

  it("changes a limit from the value seen, audited once; two marketers at once: one wins, one is told", async () => {
    const watch = await limitOf("kite-watch-s");
    const now = new Date();
    const [a, b] = await Promise.all([
      setProductOrderLimit(handle.db, { productId: watch.id, from: watch.maxPerOrder, to: 1, actor, now }),
      setProductOrderLimit(handle.db, { productId: watch.id, from: watch.maxPerOrder, to: 4, actor, now }),
    ]);
    const results = [a, b];
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([expect.objectContaining({ ok: false, code: "conflict" })]);
    const winner = won[0];
    if (!winner?.ok) throw new Error("no winner");
    expect(lost[0]?.ok === false && lost[0].message).toContain(`it is now ${winner.maxPerOrder} per order`);
    expect((await limitOf("kite-watch-s")).maxPerOrder).toBe(winner.maxPerOrder);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "product"), eq(auditLog.entityId, String(watch.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "product.limit",
      actorEmail: "marketer@example.com",
      summary: `Changed the order limit of Kite Watch S from ${watch.maxPerOrder} to ${winner.maxPerOrder} per order`,
      diff: { maxPerOrder: { from: watch.maxPerOrder, to: winner.maxPerOrder } },
    });
  });

  it("an unknown product is not found and nothing is written", async () => {
    const before = await handle.db.select().from(auditLog);
    const result = await setProductOrderLimit(handle.db, {
      productId: 2_000_000_000,
      from: 2,
      to: 3,
      actor,
      now: new Date(),
    });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await handle.db.select().from(auditLog)).toHaveLength(before.length);
  });
});
