import "server-only";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { type OrderStatus, orderLines, orders, productImages, products, skus } from "@/db/schema";

export type { OrderStatus };

import type { Db } from "@/lib/db";
import { releaseOrder } from "./holds";

export interface OrderSummary {
  id: string;
  status: OrderStatus;
  totalMinor: number;
  currency: string;
  createdAt: string;
  holdExpiresAt: string;
  itemCount: number;
  firstItem: string;
}

export interface OrderDetail extends OrderSummary {
  paidAt: string | null;
  stripeSessionUrl: string | null;
  lines: {
    skuId: number;
    productName: string;
    productSlug: string;
    variantLabel: string;
    unitPriceMinor: number;
    quantity: number;
    imageUrl: string | null;
  }[];
}

/**
 * Release on read: a shopper who looks at their orders sees holds that ran out as expired, and the stock is back,
 * even if no sweep has run yet. Returns the sessions to expire.
 */
export async function releaseExpiredOrdersForUser(
  db: Db,
  { userId, now }: { userId: string; now: Date },
): Promise<(string | null)[]> {
  const expired = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.status, "pending"), lte(orders.holdExpiresAt, now)));
  const sessions: (string | null)[] = [];
  for (const order of expired) {
    const result = await releaseOrder(db, { orderId: order.id, to: "expired", now });
    if (result.released) sessions.push(result.stripeSessionId);
  }
  return sessions;
}

export async function listOrdersForUser(db: Db, { userId }: { userId: string }): Promise<OrderSummary[]> {
  const rows = await db.query.orders.findMany({
    where: eq(orders.userId, userId),
    orderBy: desc(orders.createdAt),
    limit: 50,
    with: { lines: { orderBy: asc(orderLines.id) } },
  });
  return rows.map((o) => ({
    id: o.id,
    status: o.status,
    totalMinor: o.totalMinor,
    currency: o.currency,
    createdAt: o.createdAt.toISOString(),
    holdExpiresAt: o.holdExpiresAt.toISOString(),
    itemCount: o.lines.reduce((n, l) => n + l.quantity, 0),
    firstItem: o.lines[0]
      ? `${o.lines[0].productName}${o.lines.length > 1 ? ` + ${o.lines.length - 1} more` : ""}`
      : "",
  }));
}

/** One order, for its owner only: another account's order is indistinguishable from a missing one. */
export async function getOrderForUser(
  db: Db,
  { orderId, userId }: { orderId: string; userId: string },
): Promise<OrderDetail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) return null;
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
  if (!order) return null;
  const lines = await db
    .select({
      skuId: orderLines.skuId,
      productName: orderLines.productName,
      productSlug: products.slug,
      variantLabel: orderLines.variantLabel,
      unitPriceMinor: orderLines.unitPriceMinor,
      quantity: orderLines.quantity,
      colour: skus.colour,
      productId: products.id,
    })
    .from(orderLines)
    .innerJoin(skus, eq(skus.id, orderLines.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  const images = lines.length
    ? await db
        .select({ productId: productImages.productId, colour: productImages.colour, url: productImages.url })
        .from(productImages)
        .orderBy(asc(productImages.position))
    : [];
  return {
    id: order.id,
    status: order.status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    holdExpiresAt: order.holdExpiresAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    stripeSessionUrl: order.status === "pending" ? order.stripeSessionUrl : null,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    firstItem: lines[0]?.productName ?? "",
    lines: lines.map((l) => ({
      skuId: l.skuId,
      productName: l.productName,
      productSlug: l.productSlug,
      variantLabel: l.variantLabel,
      unitPriceMinor: l.unitPriceMinor,
      quantity: l.quantity,
      imageUrl:
        images.find((i) => i.productId === l.productId && i.colour === l.colour)?.url ??
        images.find((i) => i.productId === l.productId)?.url ??
        null,
    })),
  };
}

export async function getOrderIdForSession(
  db: Db,
  { sessionId }: { sessionId: string },
): Promise<string | null> {
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.stripeSessionId, sessionId));
  return row?.id ?? null;
}
