import "server-only";
import { getDb } from "@/lib/db";
import { getStripe, withStripeRetry } from "@/lib/payments/stripe";
import { expireSession, fulfilCheckoutSession } from "./checkout";
import { getOrderForUser, type OrderDetail, releaseExpiredOrdersForUser } from "./orders";

/**
 * The success page's view of an order. If Stripe says the session is paid but the webhook has not arrived yet,
 * it runs the same idempotent fulfilment the webhook runs (never a second, different one).
 */
export async function getOrderAfterPayment({
  sessionId,
  userId,
  now,
}: {
  sessionId: string;
  userId: string;
  now: Date;
}): Promise<OrderDetail | null> {
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) return null;
  const db = await getDb();
  const stripe = getStripe();
  let session: Awaited<ReturnType<typeof stripe.checkout.sessions.retrieve>>;
  try {
    session = await withStripeRetry(() => stripe.checkout.sessions.retrieve(sessionId), { attempts: 3 });
  } catch {
    return null;
  }
  const orderId = session.client_reference_id;
  if (!orderId) return null;
  const order = await getOrderForUser(db, { orderId, userId });
  if (!order) return null;
  if (order.status === "pending" && session.payment_status === "paid") {
    await fulfilCheckoutSession({ db, stripe }, { sessionId: session.id, fromStripe: session, now });
    return getOrderForUser(db, { orderId, userId });
  }
  return order;
}

/** Release on read for the account pages, then expire the released sessions. */
export async function releaseExpiredForUser({ userId, now }: { userId: string; now: Date }) {
  const db = await getDb();
  const sessions = await releaseExpiredOrdersForUser(db, { userId, now });
  for (const id of sessions) await expireSession({ stripe: getStripe() }, id);
}
