import "server-only";
import { eq } from "drizzle-orm";
import { orders, users } from "@/db/schema";
import { addressLines, formatMobile } from "@/lib/addresses/rules";
import { listOrderLines } from "@/lib/checkout/order-lines";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueMail } from "./outbox";
import { renderEmailChangeConfirmMail, renderEmailChangedNoticeMail } from "./templates/email-change";
import type { MailStore } from "./templates/layout";
import { type MailAddress, renderOrderConfirmationMail } from "./templates/order-confirmation";
import { renderPasswordResetMail } from "./templates/password-reset";
import { renderRefundMail } from "./templates/refund";
import { renderWelcomeMail } from "./templates/welcome";

/**
 * The mails the store's events cause, each enqueued inside the event's own transaction (so it is sent only if the
 * event commits) under a key naming the event (so an event applied twice mails once).
 */

export const STORE_NAME = "Kite";

/** The store as mails show it: its zone and locale from the environment, links to NEXTAUTH_URL when set. */
export function mailStore(): MailStore {
  return { name: STORE_NAME, timeZone: env.STORE_TIMEZONE, locale: env.STORE_LOCALE, url: env.NEXTAUTH_URL };
}

export async function enqueueWelcomeMail({
  tx,
  user,
  now,
}: {
  tx: Tx;
  user: { id: string; email: string; name: string };
  now: Date;
}): Promise<boolean> {
  return enqueueMail({
    tx,
    kind: "welcome",
    dedupeKey: `welcome:${user.id}`,
    to: user.email,
    mail: renderWelcomeMail({ store: mailStore(), name: user.name, email: user.email, createdAt: now }),
  });
}

/** An event of one order, inside its transaction. */
export interface OrderMailEvent {
  tx: Tx;
  orderId: string;
  now: Date;
}

/** The receipt of an order just marked paid, read inside the paying transaction (lines frozen at checkout). */
export async function enqueueOrderConfirmation({ tx, orderId, now }: OrderMailEvent): Promise<boolean> {
  const [order] = await tx
    .select({
      currency: orders.currency,
      totalMinor: orders.totalMinor,
      paidAt: orders.paidAt,
      shippingAddress: orders.shippingAddress,
      email: users.email,
      name: users.name,
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!order) return false;
  const lines = await listOrderLines(tx, { orderId });
  // The order's own copy of where it goes (null for orders from before addresses).
  const address = order.shippingAddress;
  const deliveryAddress: MailAddress | null = address
    ? { name: address.recipientName, phone: formatMobile(address.mobile), lines: addressLines(address) }
    : null;
  return enqueueMail({
    tx,
    kind: "order_confirmation",
    dedupeKey: `order-confirmation:${orderId}`,
    to: order.email,
    mail: renderOrderConfirmationMail({
      store: mailStore(),
      name: order.name,
      orderId,
      paidAt: order.paidAt ?? now,
      currency: order.currency,
      totalMinor: order.totalMinor,
      lines,
      deliveryAddress,
    }),
  });
}

/** One mail per refund (by Stripe's refund id), to the order's owner, when the refund is recorded. */
export async function enqueueRefundMail({
  tx,
  orderId,
  refund,
  reason,
}: {
  tx: Tx;
  orderId: string;
  refund: { id: string; amountMinor: number; currency: string; createdAt: Date };
  reason?: string | undefined;
}): Promise<boolean> {
  const [owner] = await tx
    .select({ email: users.email, name: users.name })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!owner) return false;
  return enqueueMail({
    tx,
    kind: "refund",
    dedupeKey: `refund:${refund.id}`,
    to: owner.email,
    mail: renderRefundMail({
      store: mailStore(),
      name: owner.name,
      orderId,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      refundedAt: refund.createdAt,
      reason,
    }),
  });
}

/** The reset link, in the transaction that stored its hash (one mail per link). */
export async function enqueuePasswordResetMail({
  tx,
  user,
  link,
}: {
  tx: Tx;
  user: { email: string; name: string };
  link: { id: string; url: string; expiresAt: Date };
}): Promise<boolean> {
  return enqueueMail({
    tx,
    kind: "password_reset",
    dedupeKey: `password-reset:${link.id}`,
    to: user.email,
    mail: renderPasswordResetMail({
      store: mailStore(),
      name: user.name,
      resetUrl: link.url,
      expiresAt: link.expiresAt,
    }),
  });
}

/** The confirmation link, to the address being confirmed, in the transaction that stored its hash. */
export async function enqueueEmailChangeMail({
  tx,
  user,
  newEmail,
  link,
}: {
  tx: Tx;
  user: { name: string };
  newEmail: string;
  link: { id: string; url: string; expiresAt: Date };
}): Promise<boolean> {
  return enqueueMail({
    tx,
    kind: "email_change",
    dedupeKey: `email-change:${link.id}`,
    to: newEmail,
    mail: renderEmailChangeConfirmMail({
      store: mailStore(),
      name: user.name,
      newEmail,
      confirmUrl: link.url,
      expiresAt: link.expiresAt,
    }),
  });
}

/** The notice to the address an account just left, in the transaction that changed it. */
export async function enqueueEmailChangedNotice({
  tx,
  tokenId,
  name,
  oldEmail,
  newEmail,
  now,
}: {
  tx: Tx;
  tokenId: string;
  name: string;
  oldEmail: string;
  newEmail: string;
  now: Date;
}): Promise<boolean> {
  return enqueueMail({
    tx,
    kind: "email_changed",
    dedupeKey: `email-changed:${tokenId}`,
    to: oldEmail,
    mail: renderEmailChangedNoticeMail({ store: mailStore(), name, oldEmail, newEmail, changedAt: now }),
  });
}
