import "server-only";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import {
  type OrderStatus,
  orderFulfilment,
  orderLines,
  orderRefunds,
  orderReturns,
  orders,
  type ShippingAddress,
  users,
} from "@/db/schema";
import type { Db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { pageBefore } from "@/lib/paging";
import { carrierName } from "./carriers";
import type { FulfilmentStep } from "./rules";

/** Where an order's parcel is, with the time of each step (ISO strings: this crosses to components). */
export interface FulfilmentView {
  step: FulfilmentStep;
  carrier: string | null;
  carrierName: string | null;
  trackingNumber: string | null;
  paidAt: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
}

const fulfilmentColumns = {
  step: orderFulfilment.status,
  carrier: orderFulfilment.carrier,
  trackingNumber: orderFulfilment.trackingNumber,
  paidAt: orders.paidAt,
  packedAt: orderFulfilment.packedAt,
  shippedAt: orderFulfilment.shippedAt,
  deliveredAt: orderFulfilment.deliveredAt,
};

type FulfilmentRow = {
  step: FulfilmentStep | null;
  carrier: string | null;
  trackingNumber: string | null;
  paidAt: Date | null;
  packedAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
};

function toView(row: FulfilmentRow): FulfilmentView {
  return {
    step: row.step ?? "unfulfilled",
    carrier: row.carrier,
    carrierName: row.carrier ? carrierName(row.carrier) : null,
    trackingNumber: row.trackingNumber,
    paidAt: row.paidAt?.toISOString() ?? null,
    packedAt: row.packedAt?.toISOString() ?? null,
    shippedAt: row.shippedAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

type OrderOfUser = { orderId: string; userId: string };

/**
 * One order of one account, its payment status and fulfilment: undefined for another account's order (it is simply
 * not there) or a malformed id. The order page's fulfilment and its return panel read through it.
 */
export async function readOwnOrder(db: Db, { orderId, userId }: OrderOfUser) {
  if (!isUuid(orderId) || !isUuid(userId)) return undefined;
  const [row] = await db
    .select({ ...fulfilmentColumns, payment: orders.status })
    .from(orders)
    .leftJoin(orderFulfilment, eq(orderFulfilment.orderId, orders.id))
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
  return row;
}

/** One order's fulfilment, for its owner only. */
export async function getFulfilmentForUser(db: Db, order: OrderOfUser) {
  const row = await readOwnOrder(db, order);
  return row ? toView(row) : null;
}

/** The fulfilment of a shopper's orders that have one (the account's order list), by order id. */
export async function listFulfilmentForUser(
  db: Db,
  { userId, orderIds }: { userId: string; orderIds: string[] },
): Promise<Map<string, FulfilmentView>> {
  if (orderIds.length === 0 || !isUuid(userId)) return new Map();
  const rows = await db
    .select({ orderId: orders.id, ...fulfilmentColumns })
    .from(orderFulfilment)
    .innerJoin(orders, eq(orders.id, orderFulfilment.orderId))
    .where(and(eq(orders.userId, userId), inArray(orders.id, orderIds.filter(isUuid))));
  return new Map(rows.map((row) => [row.orderId, toView(row)]));
}

// ─── The console ─────────────────────────────────────────────────────────────

export const ORDER_FILTERS = ["all", "to_pack", "packed", "shipped", "delivered", "returns"] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];
export const CONSOLE_ORDERS_PAGE_SIZE = 25;

export interface ConsoleOrderRow {
  id: string;
  createdAt: Date;
  buyerEmail: string;
  itemCount: number;
  totalMinor: number;
  currency: string;
  payment: OrderStatus;
  step: FulfilmentStep;
  carrierName: string | null;
  trackingNumber: string | null;
  /** A return that needs the console: waiting for a decision, or approved with its parcel not yet back. */
  openReturn: "requested" | "approved" | null;
}

/** Returns waiting for a decision, or approved and not yet received (the `returns` filter, oldest need first). */
const OPEN_RETURN = sql`(${orderReturns.status} = 'requested' or (${orderReturns.status} = 'approved' and ${orderReturns.receivedAt} is null))`;

const CONSOLE_LIST_COLUMNS = {
  id: orders.id,
  createdAt: orders.createdAt,
  buyerEmail: users.email,
  itemCount: sql<number>`(select coalesce(sum(${orderLines.quantity}), 0)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
  totalMinor: orders.totalMinor,
  currency: orders.currency,
  payment: orders.status,
  step: orderFulfilment.status,
  carrier: orderFulfilment.carrier,
  trackingNumber: orderFulfilment.trackingNumber,
  openReturn: sql<
    "requested" | "approved" | null
  >`(select ${orderReturns.status} from ${orderReturns} where ${orderReturns.orderId} = ${orders.id} and ${OPEN_RETURN} limit 1)`,
};

function filterCondition(filter: OrderFilter): SQL | undefined {
  if (filter === "all") return undefined;
  if (filter === "to_pack") return and(eq(orders.status, "paid"), isNull(orderFulfilment.orderId));
  if (filter === "returns") {
    return sql`exists (select 1 from ${orderReturns} where ${orderReturns.orderId} = ${orders.id} and ${OPEN_RETURN})`;
  }
  return eq(orderFulfilment.status, filter);
}

/**
 * The console's orders, newest first, CONSOLE_ORDERS_PAGE_SIZE at a time; `before` is the last order id of the
 * previous page (orders can share a creation time: paged by (created_at, id)).
 */
export async function listConsoleOrders(
  db: Db,
  {
    filter,
    before,
    limit = CONSOLE_ORDERS_PAGE_SIZE,
  }: { filter: OrderFilter; before?: string; limit?: number },
): Promise<{ rows: ConsoleOrderRow[]; nextBefore: string | null }> {
  const cursor =
    before && isUuid(before)
      ? sql`(${orders.createdAt}, ${orders.id}) < (select created_at, id from ${orders} where id = ${before}::uuid)`
      : undefined;
  const rows = await db
    .select(CONSOLE_LIST_COLUMNS)
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .leftJoin(orderFulfilment, eq(orderFulfilment.orderId, orders.id))
    .where(and(filterCondition(filter), cursor))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  const { page, nextBefore } = pageBefore(rows, limit);
  const shown = page.map(({ carrier, step, ...row }) => ({
    ...row,
    step: step ?? ("unfulfilled" as const),
    carrierName: carrier ? carrierName(carrier) : null,
  }));
  return { rows: shown, nextBefore };
}

export interface ConsoleOrder {
  id: string;
  createdAt: Date;
  buyer: { name: string; email: string };
  shippingAddress: ShippingAddress | null;
  payment: {
    status: OrderStatus;
    totalMinor: number;
    currency: string;
    paidAt: Date | null;
    closedAt: Date | null;
    paymentIntentId: string | null;
    refundedMinor: number;
  };
  fulfilment: FulfilmentView;
  lines: {
    id: number;
    productName: string;
    variantLabel: string;
    unitPriceMinor: number;
    quantity: number;
  }[];
}

/** One order as the console shows it: lines, buyer, the address it was sold with, payment and fulfilment. */
export async function getConsoleOrder(
  db: Db,
  { orderId }: { orderId: string },
): Promise<ConsoleOrder | null> {
  if (!isUuid(orderId)) return null;
  const [row] = await db
    .select({
      order: orders,
      buyerName: users.name,
      buyerEmail: users.email,
      ...fulfilmentColumns,
      refundedMinor: sql<number>`(select coalesce(sum(${orderRefunds.amountMinor}), 0)::int from ${orderRefunds} where ${orderRefunds.orderId} = ${orders.id})`,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .leftJoin(orderFulfilment, eq(orderFulfilment.orderId, orders.id))
    .where(eq(orders.id, orderId));
  if (!row) return null;
  const lines = await db.query.orderLines.findMany({
    where: eq(orderLines.orderId, orderId),
    orderBy: asc(orderLines.id),
  });
  const { order } = row;
  return {
    id: order.id,
    createdAt: order.createdAt,
    buyer: { name: row.buyerName, email: row.buyerEmail },
    shippingAddress: order.shippingAddress ?? null,
    payment: {
      status: order.status,
      totalMinor: order.totalMinor,
      currency: order.currency,
      paidAt: order.paidAt,
      closedAt: order.closedAt,
      paymentIntentId: order.stripePaymentIntentId,
      refundedMinor: row.refundedMinor,
    },
    fulfilment: toView(row),
    lines,
  };
}
