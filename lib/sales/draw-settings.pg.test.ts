import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { queryRows } from "@/db/client";
import type { Actor } from "@/lib/audit/log";
import { openSeededPostgres } from "@/tests/helpers/db";
import { saleFormFields } from "@/tests/helpers/sale-form";
import { getKite9Pro, getSeededMarketer } from "@/tests/helpers/seeded";
import { createSaleFromForm } from "./commands";
import { skuField } from "./draft";
import { runDraw } from "./draw";
import { updateSaleFromForm } from "./update";

/*
 * A draw's settings edited from the console form on real PostgreSQL: the time registration closes, the winners'
 * window and who may register change (audit-logged) while registration is open; from the commitment point on
 * (registration closed, or the draw ran) such an edit is refused with `registration_closed` and writes nothing,
 * while the rest of the sale stays editable.
 */

const ZONE = "UTC";
const CREATED = new Date("2040-06-01T00:00:00Z");
const OPEN = new Date("2040-06-01T12:00:00Z");
/** The instant registration closes: the commitment point itself. */
const AFTER_CLOSE = new Date("2040-06-02T10:00:00Z");

let handle: DbHandle;
let actor: Actor;
let product: { productId: number; skuA: number };
let n = 0;

beforeAll(async () => {
  handle = await openSeededPostgres({ poolMax: 4 });
  actor = await getSeededMarketer(handle.db);
  product = await getKite9Pro(handle.db);
});
afterAll(() => handle?.close());

/** The edit form as the console sends it for the n-th draw sale, with overrides. */
function form(over: Record<string, string> = {}): Record<string, string> {
  return {
    ...saleFormFields({ name: `Draw settings ${n}`, day: "2040-06-02" }),
    registrationOpensAt: "2040-06-01T00:00",
    registrationClosesAt: "2040-06-02T10:00",
    endsAt: "2040-06-03T12:00",
    purchaseWindowMinutes: "60",
    eligibleCreatedBefore: "2040-01-01T00:00",
    minTier: "",
    [skuField(product.skuA, "include")]: "on",
    [skuField(product.skuA, "quantity")]: "5",
    [skuField(product.skuA, "price")]: "3999.00",
    ...over,
  };
}

async function newDrawSale(): Promise<string> {
  n += 1;
  const created = await createSaleFromForm(handle.db, {
    actor,
    raw: {
      ...form(),
      productId: String(product.productId),
      slug: `draw-settings-${n}`,
      status: "scheduled",
      kind: "draw",
    },
    timeZone: ZONE,
    now: CREATED,
  });
  if (!created.ok) throw new Error(created.message);
  return created.saleId;
}

async function saleRow(saleId: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    handle.db,
    sql`select name, registration_closes_at::text as "closes", purchase_window_minutes as "window",
          eligible_created_before::text as "cutoff", min_lifetime_points as "points", updated_at::text as "updatedAt"
        from sales where id = ${saleId}::uuid`,
  );
  return row;
}

async function auditOf(saleId: string) {
  return queryRows<{ diff: Record<string, { from: unknown; to: unknown }> }>(
    handle.db,
    sql`select diff from audit_log where entity_id = ${saleId} and action = 'sale.update' order by id`,
  );
}

const edit = (saleId: string, raw: Record<string, string>, now: Date) =>
  updateSaleFromForm(handle.db, { actor, saleId, raw: { ...raw, saleId }, timeZone: ZONE, now });

describe("editing a draw's settings", () => {
  it("changes the close, the window and the eligibility while registration is open, audit-logged", async () => {
    const saleId = await newDrawSale();
    const result = await edit(
      saleId,
      form({
        registrationClosesAt: "2040-06-02T11:00",
        purchaseWindowMinutes: "45",
        eligibleCreatedBefore: "",
        minTier: "Gold",
      }),
      OPEN,
    );
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(await saleRow(saleId)).toMatchObject({
      closes: "2040-06-02 11:00:00+00",
      window: 45,
      cutoff: null,
      points: 5000,
    });
    const [entry] = await auditOf(saleId);
    expect(entry?.diff).toMatchObject({
      registrationClosesAt: { from: "2040-06-02T10:00:00.000Z", to: "2040-06-02T11:00:00.000Z" },
      purchaseWindowMinutes: { from: 60, to: 45 },
      eligibleCreatedBefore: { from: "2040-01-01T00:00:00.000Z", to: null },
      minLifetimePoints: { from: null, to: 5000 },
    });

    // A form that does not send the rules' fields leaves them as they are.
    const { purchaseWindowMinutes, eligibleCreatedBefore, minTier, ...without } = form({
      registrationClosesAt: "2040-06-02T11:00",
      name: "Renamed draw",
    });
    expect(await edit(saleId, without, OPEN)).toMatchObject({ ok: true });
    expect(await saleRow(saleId)).toMatchObject({
      name: "Renamed draw",
      window: 45,
      cutoff: null,
      points: 5000,
    });
    // A close in the past is a field error, not a lock.
    expect(await edit(saleId, form({ registrationClosesAt: "2040-06-01T11:00" }), OPEN)).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { registrationClosesAt: [expect.stringContaining("must close in the future")] },
    });
  });

  it("is refused from the moment registration closes, writing nothing; the rest stays editable", async () => {
    const saleId = await newDrawSale();
    const before = await saleRow(saleId);
    const audits = (await auditOf(saleId)).length;
    const lockedEdits: Record<string, string>[] = [
      { registrationClosesAt: "2040-06-02T11:00" },
      { purchaseWindowMinutes: "90" },
      { eligibleCreatedBefore: "" },
      { minTier: "Silver" },
    ];
    for (const over of lockedEdits) {
      const refused = await edit(saleId, form(over), AFTER_CLOSE);
      expect(refused).toMatchObject({
        ok: false,
        code: "registration_closed",
        message: expect.stringContaining("the draw is committed to its entries"),
      });
      expect(Object.keys((refused.ok ? {} : refused.fieldErrors) ?? {})).toEqual(Object.keys(over));
    }
    expect(await saleRow(saleId)).toEqual(before);
    expect(await auditOf(saleId)).toHaveLength(audits);

    // The same settings as stored, with a new name: allowed.
    expect(await edit(saleId, form({ name: "Still editable" }), AFTER_CLOSE)).toMatchObject({ ok: true });
    expect(await saleRow(saleId)).toMatchObject({ name: "Still editable", window: 60 });
  });

  it("is refused once the draw ran, even with registration's close moved ahead of the clock", async () => {
    const saleId = await newDrawSale();
    const drawn = await runDraw(handle.db, { saleId, now: AFTER_CLOSE, timeZone: ZONE, actor });
    expect(drawn).toMatchObject({ ok: true });
    const before = await saleRow(saleId);
    // A clock before the close (as if the marketer's page were stale): the draw is what locks it.
    const refused = await edit(saleId, form({ minTier: "Gold" }), OPEN);
    expect(refused).toMatchObject({
      ok: false,
      code: "registration_closed",
      message: expect.stringMatching(/^Locked: the draw ran at/),
    });
    expect(await saleRow(saleId)).toEqual(before);
  });
});
