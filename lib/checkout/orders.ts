import "server-only";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { type Order, type OrderStatus, orderLines, orders, productImages } from "@/db/schema";

export type { OrderStatus };

import type { Db } from "@/lib/db";
import { isUuid } from "@/lib/ids";
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
  /** The Kite Club perk its lines were priced at (percent) and the points that paid part of it. */
  tierDiscountPercent: number;
  pointsSpent: number;
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
  return rows.map((o) => summarizeOrder(o, o.lines));
}

/** An order as the order list shows it; the order's own page shows the same and more. */
function summarizeOrder(
  order: Pick<Order, "id" | "status" | "totalMinor" | "currency" | "createdAt" | "holdExpiresAt">,
  lines: { productName: string; quantity: number }[],
): OrderSummary {
  const [first] = lines;
  return {
    id: order.id,
    status: order.status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    holdExpiresAt: order.holdExpiresAt.toISOString(),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    firstItem: first ? `${first.productName}${lines.length > 1 ? ` + ${lines.length - 1} more` : ""}` : "",
  };
}

/** One order, for its owner only: another account's order is indistinguishable from a missing one. */
export async function getOrderForUser(
  db: Db,
  { orderId, userId }: { orderId: string; userId: string },
): Promise<OrderDetail | null> {
  if (!isUuid(orderId) || !isUuid(userId)) return null;
  // One statement: the order, its lines, each line's SKU colour and product, and that product's pictures.
  const order = await db.query.orders.findFirst({
    where: and(eq(orders.id, orderId), eq(orders.userId, userId)),
    with: {
      lines: {
        orderBy: asc(orderLines.id),
        with: {
          sku: {
            columns: { colour: true },
            with: {
              product: {
                columns: { slug: true },
                with: {
                  images: {
                    columns: { colour: true, url: true },
                    orderBy: [asc(productImages.position), asc(productImages.id)],
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!order) return null;
  return {
    ...summarizeOrder(order, order.lines),
    paidAt: order.paidAt?.toISOString() ?? null,
    tierDiscountPercent: order.tierDiscountPercent,
    pointsSpent: order.pointsSpent,
    stripeSessionUrl: order.status === "pending" ? order.stripeSessionUrl : null,
    lines: order.lines.map(({ sku: { colour, product }, ...l }) => ({
      skuId: l.skuId,
      productName: l.productName,
      productSlug: product.slug,
      variantLabel: l.variantLabel,
      unitPriceMinor: l.unitPriceMinor,
      quantity: l.quantity,
      // The picture of the colour bought, else the product's first.
      imageUrl: (product.images.find((i) => i.colour === colour) ?? product.images[0])?.url ?? null,
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
