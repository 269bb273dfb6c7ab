import { sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { type DbHandle, queryRows } from "@/db/client";
import type { Actor } from "@/lib/audit/log";
import { openSeededPglite } from "@/tests/helpers/db";
import { versionFields } from "@/tests/helpers/sale-form";
import { getSeededMarketer, getSeededProduct } from "@/tests/helpers/seeded";
import { createSaleFromForm } from "./commands";

/**
 * Shared setup of the console's tests (sale commands, hero schedule): a seeded PGlite, the seeded marketer as the
 * actor, the Kite 9 Pro with its SKUs and the Kite Pad 5, a sale form with two versions, and audit counts. Call
 * it at the top of a test file: it registers its own beforeAll/afterAll, which run before the file's own.
 */
export const CONSOLE_NOW = new Date("2040-03-01T02:00:00Z");
export const SHANGHAI = "Asia/Shanghai";

export interface ConsoleFixture {
  handle: DbHandle;
  actor: Actor;
  proId: number;
  proSkus: { id: number; currency: string }[];
  padId: number;
  saleForm(over?: Record<string, string>): Record<string, string>;
  create(
    over?: Record<string, string>,
  ): Promise<Extract<Awaited<ReturnType<typeof createSaleFromForm>>, { ok: true }>>;
  auditCount(entityId?: string): Promise<number>;
}

export function setUpConsoleFixture(): ConsoleFixture {
  let n = 0;
  const fx = {} as ConsoleFixture;
  beforeAll(async () => {
    fx.handle = await openSeededPglite();
    fx.actor = await getSeededMarketer(fx.handle.db);
    ({ productId: fx.proId, skus: fx.proSkus } = await getSeededProduct(fx.handle.db, {
      slug: "kite-9-pro",
    }));
    ({ productId: fx.padId } = await getSeededProduct(fx.handle.db, { slug: "kite-pad-5" }));
  });
  afterAll(() => fx.handle.close());

  fx.saleForm = (over = {}) => {
    n += 1;
    const [a, b] = fx.proSkus;
    return {
      productId: String(fx.proId),
      slug: `console-${n}`,
      name: `Console sale ${n}`,
      headline: "A test batch",
      perAccountLimit: "1",
      status: "scheduled",
      registrationOpensAt: "2040-03-01T10:00",
      registrationClosesAt: "2040-03-02T12:00",
      startsAt: "2040-03-02T12:00",
      endsAt: "2040-03-02T14:00",
      ...versionFields(a?.id ?? 0, { include: "on", quantity: "300", price: "3999.00" }),
      ...versionFields(b?.id ?? 0, { include: "on", quantity: "200", price: "4199.00" }),
      ...over,
    };
  };
  fx.create = async (over = {}) => {
    const result = await createSaleFromForm(fx.handle.db, {
      actor: fx.actor,
      raw: fx.saleForm(over),
      timeZone: SHANGHAI,
      now: CONSOLE_NOW,
    });
    if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.fieldErrors)}`);
    return result;
  };
  fx.auditCount = async (entityId) => {
    const [row] = await queryRows<{ n: number }>(
      fx.handle.db,
      entityId
        ? sql`select count(*)::int as n from audit_log where entity_id = ${entityId} and summary <> ''`
        : sql`select count(*)::int as n from audit_log`,
    );
    return row?.n ?? 0;
  };
  return fx;
}
