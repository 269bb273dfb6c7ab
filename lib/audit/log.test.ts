import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { publishSale } from "@/lib/sales/commands";
import { CONSOLE_NOW, SHANGHAI, setUpConsoleFixture } from "@/lib/sales/console-fixture";
import { type Actor, listAuditActors, listAuditEntries, writeAudit } from "./log";

const fx = setUpConsoleFixture();
let handle: DbHandle;
let actor: Actor;
beforeAll(() => {
  ({ handle, actor } = fx);
});

describe("listing the audit log", () => {
  it("filters by who, kind and time, pages by keyset, and names what each entry is about", async () => {
    const draft = await fx.create({ status: "draft" });
    await fx.create();
    expect(
      await publishSale(handle.db, { actor, saleId: draft.saleId, now: CONSOLE_NOW, timeZone: SHANGHAI }),
    ).toMatchObject({ ok: true });
    const someoneElse = { id: "00000000-0000-4000-8000-000000000001", email: "gone@example.com" };
    await writeAudit(handle.db, {
      actor: { ...someoneElse, id: actor.id },
      action: "order.pack",
      entityType: "order",
      entityId: "x",
      summary: "Packed",
    });

    const all = await listAuditEntries(handle.db, {});
    expect(all.rows.length).toBeGreaterThanOrEqual(4);
    const published = await listAuditEntries(handle.db, { action: "sale.publish" });
    expect(published.rows).toHaveLength(1);
    expect(published.rows[0]).toMatchObject({
      actorName: "Mara Chen",
      entityId: draft.saleId,
      subject: {
        name: draft.slug.replace("console-", "Console sale "),
        productName: "Kite 9 Pro",
        currency: "CNY",
      },
    });
    expect(published.rows[0]?.createdAt).toBeInstanceOf(Date);

    expect((await listAuditEntries(handle.db, { actorId: actor.id })).rows.length).toBe(all.rows.length);
    expect((await listAuditEntries(handle.db, { actorId: someoneElse.id })).rows).toHaveLength(0);
    const future = new Date(Date.now() + 86_400_000);
    expect((await listAuditEntries(handle.db, { since: future })).rows).toHaveLength(0);
    expect((await listAuditEntries(handle.db, { until: future })).rows.length).toBe(all.rows.length);

    // Keyset pages: one row at a time, newest first, every row once.
    const seen: number[] = [];
    let before: number | undefined;
    for (let i = 0; i < all.rows.length + 1; i++) {
      const page = await listAuditEntries(handle.db, { limit: 1, before });
      seen.push(...page.rows.map((r) => r.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(all.rows.map((r) => r.id));
    expect(await listAuditActors(handle.db)).toContainEqual(
      expect.objectContaining({ id: actor.id, name: "Mara Chen" }),
    );
  });
});
