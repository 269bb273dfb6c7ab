import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import type { BetaApplicationStatus } from "@/db/schema";
import { variantLabel } from "@/lib/catalog/variant-label";
import { toCsv } from "@/lib/csv";
import type { Db } from "@/lib/db";
import { formatStoreDateTime } from "@/lib/store-time";

export interface BetaSummary {
  id: string;
  title: string;
  prompt: string;
  productName: string;
  variant: string;
  productSlug: string;
  seats: number;
  seatsTaken: number;
  tokenPriceMinor: number;
  currency: string;
  pointsCost: number;
  opensAt: Date;
  closesAt: Date;
  applicants: number;
  selected: number;
}

type SummaryRow = Omit<BetaSummary, "variant" | "opensAt" | "closesAt"> & {
  colour: string | null;
  storage: string | null;
  opensAt: Date | string;
  closesAt: Date | string;
};

const SUMMARY = sql`
  select b.id, b.title, b.prompt, p.name as "productName", p.slug as "productSlug", k.colour, k.storage,
    b.seats, b.seats_taken as "seatsTaken", b.token_price_minor as "tokenPriceMinor", b.currency,
    b.points_cost as "pointsCost", b.opens_at as "opensAt", b.closes_at as "closesAt",
    (select count(*)::int from beta_applications a where a.beta_id = b.id) as applicants,
    (select count(*)::int from beta_applications a where a.beta_id = b.id and a.status = 'selected') as selected
  from betas b join skus k on k.id = b.sku_id join products p on p.id = b.product_id`;

function toSummary({ colour, storage, opensAt, closesAt, ...row }: SummaryRow): BetaSummary {
  return {
    ...row,
    variant: variantLabel({ colour: colour ?? "", storage }),
    opensAt: new Date(opensAt),
    closesAt: new Date(closesAt),
  };
}

/** Every beta, the newest window first (the console's list; a handful a year). */
export async function listBetas(db: Db, { limit = 50 }: { limit?: number } = {}): Promise<BetaSummary[]> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`${SUMMARY} order by b.closes_at desc, b.id limit ${limit}::int`,
  );
  return rows.map(toSummary);
}

export async function getBeta(db: Db, { betaId }: { betaId: string }): Promise<BetaSummary | null> {
  const [row] = await queryRows<SummaryRow>(db, sql`${SUMMARY} where b.id = ${betaId}::uuid`);
  return row ? toSummary(row) : null;
}

export interface BetaApplicant {
  id: string;
  name: string;
  email: string;
  lifetimePoints: number;
  statement: string;
  status: BetaApplicationStatus;
  appliedAt: Date;
  /** Their beta order's status: pending (paying), paid… null before they buy. */
  orderStatus: string | null;
}

/** The applicants in the published rule's order (highest lifetime points, then the earliest application). */
export async function listApplicants(db: Db, { betaId }: { betaId: string }): Promise<BetaApplicant[]> {
  const rows = await queryRows<Omit<BetaApplicant, "appliedAt"> & { appliedAt: Date | string }>(
    db,
    sql`
      select a.id, u.name, u.email, coalesce(p.lifetime_earned, 0)::int as "lifetimePoints", a.statement,
        a.status, a.created_at as "appliedAt", o.status as "orderStatus"
      from beta_applications a
      join users u on u.id = a.user_id
      left join points_accounts p on p.user_id = a.user_id
      left join orders o on o.id = a.order_id
      where a.beta_id = ${betaId}::uuid
      order by coalesce(p.lifetime_earned, 0) desc, a.created_at asc, a.id asc
      limit 20000`,
  );
  return rows.map((r) => ({ ...r, appliedAt: new Date(r.appliedAt) }));
}

/** The applicants as the CSV the marketer downloads. */
export function applicantsCsv(applicants: BetaApplicant[], timeZone: string): string {
  return toCsv(
    ["name", "email", "lifetime_points", "applied_at", "status", "order", "statement"],
    applicants.map((a) => [
      a.name,
      a.email,
      String(a.lifetimePoints),
      formatStoreDateTime(a.appliedAt, timeZone),
      a.status,
      a.orderStatus ?? "",
      a.statement,
    ]),
  );
}

/** The versions a beta can offer: every SKU, with its product, in catalogue order. */
export async function listBetaSkuChoices(
  db: Db,
): Promise<{ skuId: number; label: string; available: number; currency: string }[]> {
  const rows = await queryRows<{
    skuId: number;
    name: string;
    colour: string | null;
    storage: string | null;
    available: number;
    currency: string;
  }>(
    db,
    sql`select k.id as "skuId", p.name, k.colour, k.storage, k.available, k.currency
        from skus k join products p on p.id = k.product_id order by p.name, k.id limit 1000`,
  );
  return rows.map((r) => ({
    skuId: r.skuId,
    label: `${r.name} (${variantLabel({ colour: r.colour ?? "", storage: r.storage })})`,
    available: r.available,
    currency: r.currency,
  }));
}

export interface FanBeta extends BetaSummary {
  application: { status: BetaApplicationStatus; orderId: string | null; orderStatus: string | null } | null;
}

/** The betas a fan sees: those whose window has opened, with their own application if any. */
export async function listBetasForFan(
  db: Db,
  { userId, now }: { userId: string; now: Date },
): Promise<FanBeta[]> {
  const rows = await queryRows<
    SummaryRow & {
      appStatus: BetaApplicationStatus | null;
      orderId: string | null;
      orderStatus: string | null;
    }
  >(
    db,
    sql`
      select s.*, a.status as "appStatus", a.order_id as "orderId", o.status as "orderStatus"
      from (${SUMMARY} where b.opens_at <= ${now.toISOString()}::timestamptz) s
      left join beta_applications a on a.beta_id = s.id and a.user_id = ${userId}::uuid
      left join orders o on o.id = a.order_id
      order by s."closesAt" desc
      limit 20`,
  );
  return rows.map(({ appStatus, orderId, orderStatus, ...row }) => ({
    ...toSummary(row),
    application: appStatus ? { status: appStatus, orderId, orderStatus } : null,
  }));
}
