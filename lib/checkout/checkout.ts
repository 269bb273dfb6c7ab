import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { orders, stripeEvents } from "@/db/schema";
import { toStripeShipping } from "@/lib/addresses/rules";
import type { Db, Tx } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { isStripeNotFound, type RetryOptions, stripeErrorCode, withStripeRetry } from "@/lib/payments/stripe";
import { allocatePoints, MINOR_UNITS_PER_POINT, splitDiscountedLine, tierWithPerk } from "@/lib/points/rules";
import { fail, ok, type Result } from "@/lib/result";
import { isConnectionLost } from "@/lib/sales/db-errors";
import type { CheckoutOrder } from "./holds";
import {
  applyPayment,
  belowMinimumMessage,
  type CartCheckoutCode,
  createOrderFromCart,
  listExpiredOrderIds,
  type PaymentOutcome,
  releaseOrder,
  STRIPE_MIN_SESSION_SECONDS,
} from "./holds";
import { recordIncident } from "./incidents";
import { listOrderLines, type SoldLine } from "./order-lines";
import { refundOrder } from "./refunds";
import { checkoutReturnUrls } from "./return-urls";

export { refundOrder } from "./refunds";
export { STRIPE_MIN_SESSION_SECONDS };

export type StartCheckoutResult = Result<
  { orderId: string; url: string },
  CartCheckoutCode | "payment_unavailable"
>;

export interface CheckoutDeps {
  db: Db;
  stripe: Stripe;
  retry?: RetryOptions;
  /** Real wall-clock seconds for Stripe's own expiry check, which the QA test clock does not move. */
  wallClockSeconds?: () => number;
  /**
   * Runs after Stripe created the session and before the store saves it. Fault tests use it to stand for a
   * process killed at that point (a promise that never settles); production leaves it unset.
   */
  afterSessionCreated?: (session: Stripe.Checkout.Session) => Promise<void>;
}

const STORE_UNAVAILABLE =
  "We lost touch with our database for a moment. Please press Checkout again: your items are still held.";
const PAYMENTS_BUSY =
  "Payments are busy right now and your items were put back. Please try again in a minute.";

/**
 * Cart → the account's one live checkout → Checkout Session. Stock is held first, in its own transaction (or the
 * live order and its session are reused); Stripe is called after the commit with an idempotency key derived from
 * the order and parameters fixed by the order, retried with back-off, so a retry, a second click or a restart
 * after a crash all get the same session. If Stripe keeps failing the hold is released at once and the shopper
 * gets a message they can act on.
 */
export async function startCheckout(
  deps: CheckoutDeps,
  {
    userId,
    email,
    now,
    holdMinutes,
    origin,
    addressId,
    points,
    expectedBalance,
  }: {
    userId: string;
    email: string;
    now: Date;
    holdMinutes: number;
    origin: string;
    /** The delivery address chosen at checkout; without one, the account's default. */
    addressId?: string | undefined;
    /** Points to spend on the order, and the balance the fan's form showed (lib/points/checkout.ts). */
    points?: number | undefined;
    expectedBalance?: number | undefined;
  },
): Promise<StartCheckoutResult> {
  const wallNow = new Date((deps.wallClockSeconds?.() ?? Date.now() / 1000) * 1000);
  const created = await createOrderFromCart(deps.db, {
    userId,
    now,
    holdMinutes,
    wallNow,
    addressId,
    points,
    expectedBalance,
  });
  if (!created.ok) return fail(created.code, created.message, { fieldErrors: created.fieldErrors ?? {} });
  for (const sessionId of created.replacedSessionIds) await expireSession(deps, sessionId);
  if (created.sessionUrl) return ok({ orderId: created.orderId, url: created.sessionUrl });

  return openCheckoutSession(deps, { order: created, email, origin, now });
}

type SessionOrder = Pick<
  CheckoutOrder,
  "orderId" | "currency" | "sessionExpiresAt" | "shippingAddress" | "tierDiscountPercent" | "pointsSpent"
>;

/**
 * A pending order (its stock already held) → its Checkout Session, saved on the order. Used by the cart checkout
 * and by a beta seat paid by card (lib/beta). If Stripe keeps failing the order is released at once.
 */
export async function openCheckoutSession(
  deps: CheckoutDeps,
  { order, email, origin, now }: { order: SessionOrder; email: string; origin: string; now: Date },
): Promise<StartCheckoutResult> {
  const created = order;
  const lines = await listOrderLines(deps.db, { orderId: created.orderId });

  try {
    const session = await createCheckoutSession({ deps, order: created, lines, email, origin });
    if (!session.url) throw new Error("Checkout Session without a URL");
    await deps.afterSessionCreated?.(session);
    const saved = await deps.db
      .update(orders)
      .set({ stripeSessionId: session.id, stripeSessionUrl: session.url })
      .where(and(eq(orders.id, created.orderId), eq(orders.status, "pending")))
      .returning({ id: orders.id });
    if (saved.length === 0) {
      // Released meanwhile (a newer start replaced it, or its hold ran out): this session must not be paid.
      await expireSession(deps, session.id);
      return fail(
        "checkout_in_progress",
        "Your checkout was restarted somewhere else, so this one was closed. Please press Checkout again.",
      );
    }
    return ok({ orderId: created.orderId, url: session.url });
  } catch (error) {
    if (isConnectionLost(error)) {
      // The database went away under us (the session may exist at Stripe, unsaved): the order stays pending. A
      // retry reuses it and, by the idempotency key, the same session; without one the sweep releases the hold.
      console.warn(
        "[checkout] database connection lost while starting a checkout:",
        (error as Error).message,
      );
      return fail("payment_unavailable", STORE_UNAVAILABLE);
    }
    await releaseOrder(deps.db, { orderId: created.orderId, to: "cancelled", now });
    if (stripeErrorCode(error) === "amount_too_small") {
      return fail("below_minimum", belowMinimumMessage(created.currency));
    }
    console.error("[checkout] could not create a Checkout Session", error);
    return fail("payment_unavailable", PAYMENTS_BUSY);
  }
}

/** Parameters fixed by the order and an idempotency key derived from it, so every retry gets the same session. */
async function createCheckoutSession({
  deps,
  order,
  lines,
  email,
  origin,
}: {
  deps: CheckoutDeps;
  order: SessionOrder;
  lines: SoldLine[];
  email: string;
  origin: string;
}): Promise<Stripe.Checkout.Session> {
  return withStripeRetry(
    () =>
      deps.stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: order.orderId,
          customer_email: email,
          metadata: { orderId: order.orderId },
          // The address is the order's own copy, so a retry under the same key sends the same parameters.
          payment_intent_data: {
            metadata: { orderId: order.orderId },
            shipping: toStripeShipping(order.shippingAddress),
          },
          line_items: stripeLineItems(order, lines),
          ...checkoutReturnUrls(origin, order.orderId),
          // Our hold is shorter than Stripe allows; the sweep expires the session when the hold ends.
          expires_at: Math.floor(order.sessionExpiresAt.getTime() / 1000),
        },
        { idempotencyKey: `checkout-session:${order.orderId}` },
      ),
    deps.retry,
  );
}

/**
 * The order's lines as Stripe line items. The tier perk is already in each line's price and the points are
 * spread over the lines (lib/points/rules.ts), so the discount Stripe sees sits on the lines themselves, each
 * line's name saying so: Checkout takes no negative line items, and the local Stripe server models no
 * coupons (`discounts` is accepted and ignored there, which would charge the undiscounted total).
 */
function stripeLineItems(
  order: Pick<CheckoutOrder, "currency" | "tierDiscountPercent" | "pointsSpent">,
  lines: SoldLine[],
): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const currency = order.currency.toLowerCase();
  const pointsPerLine = allocatePoints(
    lines.map((l) => l.unitPriceMinor * l.quantity),
    order.pointsSpent,
  );
  return lines.flatMap((line, i) => {
    const points = pointsPerLine[i] ?? 0;
    const name = [line.productName, ...discountNotes({ ...order, points })].join(" · ");
    return splitDiscountedLine({
      unitMinor: line.unitPriceMinor,
      quantity: line.quantity,
      discountMinor: points * MINOR_UNITS_PER_POINT,
    }).map((part) => ({
      quantity: part.quantity,
      price_data: {
        currency,
        unit_amount: part.unitMinor,
        product_data: { name, description: line.variantLabel || undefined },
      },
    }));
  });
}

/** What a line's description says about its discounts: the tier price, the points on it. */
function discountNotes({
  tierDiscountPercent,
  points,
  currency,
}: {
  tierDiscountPercent: number;
  points: number;
  currency: string;
}): string[] {
  const notes: string[] = [];
  if (tierDiscountPercent > 0)
    notes.push(`${tierWithPerk(tierDiscountPercent)} price (−${tierDiscountPercent} %)`);
  if (points > 0) {
    notes.push(
      `${formatMoney(points * MINOR_UNITS_PER_POINT, currency)} paid with ${points.toLocaleString("en")} points`,
    );
  }
  return notes;
}

/** Expires a Checkout Session whose hold was released, so it can no longer be paid. Best effort. */
export async function expireSession(deps: Pick<CheckoutDeps, "stripe" | "retry">, sessionId: string | null) {
  if (!sessionId) return;
  try {
    await withStripeRetry(() => deps.stripe.checkout.sessions.expire(sessionId), deps.retry);
  } catch (error) {
    // Already complete or expired: nothing left to stop.
    console.warn(`[checkout] could not expire ${sessionId}:`, (error as Error).message);
  }
}

/** Shopper left Stripe's page: their hold returns to stock at once (owner only). */
export async function cancelCheckout(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { orderId, userId, now }: { orderId: string; userId: string; now: Date },
): Promise<boolean> {
  const result = await releaseOrder(deps.db, { orderId, userId, to: "cancelled", now });
  if (result.released) await expireSession(deps, result.stripeSessionId);
  return result.released;
}

/**
 * Releases every hold that has run out by `now` and expires its session. Safe on several instances at once:
 * each release is conditional on the order still being pending.
 */
export async function sweepExpiredHolds(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  { now, limit = 200 }: { now: Date; limit?: number },
): Promise<{ released: number }> {
  const ids = await listExpiredOrderIds(deps.db, { now, limit });
  let released = 0;
  for (const orderId of ids) {
    const result = await releaseOrder(deps.db, { orderId, to: "expired", now });
    if (result.released) {
      released++;
      await expireSession(deps, result.stripeSessionId);
    }
  }
  return { released };
}

export type FulfilResult = {
  outcome: PaymentOutcome | "duplicate_event" | "not_paid" | "rejected";
  orderId: string | null;
};

/** What an event's body claimed, kept only to notice (and alert on) bodies that disagree with Stripe. */
export interface ClaimedSession {
  paymentStatus?: string | null;
  amountTotal?: number | null;
  currency?: string | null;
  orderId?: string | null;
}

function orderIdOf(session: Stripe.Checkout.Session): string | null {
  const id = session.client_reference_id ?? session.metadata?.orderId ?? null;
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

/**
 * The one fulfilment, used by the webhook, reconciliation and the success page alike. It never trusts an event
 * body: the session is re-read from Stripe (unless the caller just read it from Stripe itself), and an order is
 * paid only when that session is the order's session (or the order never saved one: the store stopped between
 * creating it and saving it) and its amount and currency are the order's. Anything else is recorded as an
 * incident and alerted, and changes nothing. When `eventId` is given it is recorded in the same transaction, so
 * a crash between the two cannot lose or double an event. A payment for stock that is gone is refunded after
 * the commit.
 */
export async function fulfilCheckoutSession(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  {
    sessionId,
    fromStripe,
    claimed,
    eventId,
    eventType,
    now,
  }: {
    sessionId: string;
    /** The session as the caller just retrieved it from Stripe's API (never an event body). */
    fromStripe?: Stripe.Checkout.Session;
    claimed?: ClaimedSession;
    eventId?: string;
    eventType?: string;
    now: Date;
  },
): Promise<FulfilResult> {
  const session = fromStripe ?? (await retrieveSession({ deps, sessionId }));
  const paymentIntentId =
    typeof session?.payment_intent === "string"
      ? session.payment_intent
      : (session?.payment_intent?.id ?? null);

  const result = await deps.db.transaction(async (tx): Promise<FulfilResult> => {
    if (eventId && !(await recordEventOnce({ tx, eventId, eventType }))) {
      return { outcome: "duplicate_event", orderId: claimed?.orderId ?? null };
    }
    if (!session) {
      await recordIncident(tx, {
        kind: "session_unknown",
        orderId: claimed?.orderId,
        sessionId,
        eventId,
        detail: { claimed: claimed ?? null },
      });
      return { outcome: "rejected", orderId: null };
    }
    const orderId = orderIdOf(session);
    if (!orderId) return { outcome: "unknown_order", orderId: null };
    if (claimed) await recordClaimDisagreement({ tx, claimed, session, orderId, eventId });
    const order = await lockOrderForSession({ tx, orderId, session, eventId });
    if (order === "unknown_order") return { outcome: "unknown_order", orderId: null };
    if (order === "rejected") return { outcome: "rejected", orderId };
    if (session.payment_status !== "paid") return { outcome: "not_paid", orderId };
    if (!order.stripeSessionId) {
      // The store stopped between creating this session and saving it: it is the order's, now on record.
      await tx.update(orders).set({ stripeSessionId: session.id }).where(eq(orders.id, orderId));
    }
    return { outcome: await applyPayment(tx, { orderId, paymentIntentId, now }), orderId };
  });
  if (result.outcome === "refund_needed" && result.orderId && paymentIntentId) {
    await refundOrder(deps, { orderId: result.orderId, paymentIntentId, now });
  }
  return result;
}

async function retrieveSession({
  deps,
  sessionId,
}: {
  deps: Pick<CheckoutDeps, "stripe" | "retry">;
  sessionId: string;
}): Promise<Stripe.Checkout.Session | null> {
  try {
    return await withStripeRetry(() => deps.stripe.checkout.sessions.retrieve(sessionId), deps.retry);
  } catch (error) {
    // Anything but "no such session" is Stripe being unavailable: throw, so the webhook answers 500 and retries.
    if (!isStripeNotFound(error)) throw error;
    return null;
  }
}

/** Records the event id; false when it was already recorded (a duplicate delivery). */
async function recordEventOnce({
  tx,
  eventId,
  eventType,
}: {
  tx: Tx;
  eventId: string;
  eventType?: string;
}): Promise<boolean> {
  const [fresh] = await tx
    .insert(stripeEvents)
    .values({ id: eventId, type: eventType ?? "checkout.session.completed" })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id });
  return Boolean(fresh);
}

async function recordClaimDisagreement({
  tx,
  claimed,
  session,
  orderId,
  eventId,
}: {
  tx: Tx;
  claimed: ClaimedSession;
  session: Stripe.Checkout.Session;
  orderId: string;
  eventId?: string;
}): Promise<void> {
  if (
    (claimed.amountTotal != null && claimed.amountTotal !== session.amount_total) ||
    (claimed.currency != null && claimed.currency !== session.currency) ||
    (claimed.paymentStatus === "paid" && session.payment_status !== "paid")
  ) {
    // A signed event that Stripe contradicts: a forgery with a leaked secret, or a bug. Stripe's word counts.
    await recordIncident(tx, {
      kind: session.payment_status === "paid" ? "event_disagrees" : "not_paid_per_stripe",
      orderId,
      sessionId: session.id,
      eventId,
      detail: {
        claimed,
        stripe: {
          amountTotal: session.amount_total,
          currency: session.currency,
          paymentStatus: session.payment_status,
        },
      },
    });
  }
}

/**
 * Locks the order and checks the session is its session, for its amount and currency; a mismatch is recorded as
 * an incident. Returns the order, or why it cannot be paid.
 */
async function lockOrderForSession({
  tx,
  orderId,
  session,
  eventId,
}: {
  tx: Tx;
  orderId: string;
  session: Stripe.Checkout.Session;
  eventId?: string;
}): Promise<{ stripeSessionId: string | null } | "unknown_order" | "rejected"> {
  const [order] = await tx
    .select({
      stripeSessionId: orders.stripeSessionId,
      totalMinor: orders.totalMinor,
      currency: orders.currency,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for("update");
  if (!order) return "unknown_order";
  if (order.stripeSessionId && order.stripeSessionId !== session.id) {
    await recordIncident(tx, {
      kind: "session_mismatch",
      orderId,
      sessionId: session.id,
      eventId,
      detail: { orderSession: order.stripeSessionId, paymentStatus: session.payment_status },
    });
    return "rejected";
  }
  if (
    session.amount_total !== order.totalMinor ||
    (session.currency ?? "").toLowerCase() !== order.currency.toLowerCase()
  ) {
    await recordIncident(tx, {
      kind: "amount_mismatch",
      orderId,
      sessionId: session.id,
      eventId,
      detail: {
        order: { totalMinor: order.totalMinor, currency: order.currency },
        session: { amountTotal: session.amount_total, currency: session.currency },
        paymentStatus: session.payment_status,
      },
    });
    return "rejected";
  }
  return order;
}

/**
 * Applies `checkout.session.expired`: the hold goes back to stock unless the order already settled, and only
 * when the expired session is the order's own (an event for another session changes nothing).
 */
export async function applySessionExpired(
  deps: Pick<CheckoutDeps, "db">,
  { session, eventId, now }: { session: Stripe.Checkout.Session; eventId: string; now: Date },
): Promise<"released" | "no_change" | "duplicate_event"> {
  const orderId = orderIdOf(session);
  return deps.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(stripeEvents)
      .values({ id: eventId, type: "checkout.session.expired" })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (fresh.length === 0) return "duplicate_event";
    if (!orderId) return "no_change";
    const [order] = await tx
      .select({ stripeSessionId: orders.stripeSessionId })
      .from(orders)
      .where(eq(orders.id, orderId));
    if (!order || order.stripeSessionId !== session.id) return "no_change";
    // A savepoint inside this transaction: the event is recorded only if the release is applied too.
    const result = await releaseOrder(tx, { orderId, to: "expired", now });
    return result.released ? "released" : "no_change";
  });
}
