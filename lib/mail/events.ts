import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { orders, users } from "@/db/schema";
import { addressLines, formatMobile } from "@/lib/addresses/rules";
import { betaPriceText } from "@/lib/beta/rules";
import { variantLabel } from "@/lib/catalog/variant-label";
import { listOrderLines } from "@/lib/checkout/order-lines";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { FcodeOfferRow } from "@/lib/fcodes/queries";
import { enqueueMail, type MailKind } from "./outbox";
import { renderBetaResultMail } from "./templates/beta";
import { renderDrawResultMail } from "./templates/draw";
import { renderEmailChangeConfirmMail, renderEmailChangedNoticeMail } from "./templates/email-change";
import { renderFcodeReceivedMail } from "./templates/fcode";
import type { MailStore, PersonalMail, RenderedMail } from "./templates/layout";
import { type MailAddress, renderOrderConfirmationMail } from "./templates/order-confirmation";
import { renderPasswordResetMail } from "./templates/password-reset";
import { renderRefundMail } from "./templates/refund";
import {
  renderReturnApprovedMail,
  renderReturnRefusedMail,
  renderReturnRequestedMail,
} from "./templates/returns";
import { type Parcel, renderShippedMail } from "./templates/shipped";
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
  // The order with its buyer, and the lines as they were sold.
  const order = await tx.query.orders.findFirst({
    where: eq(orders.id, orderId),
    columns: { currency: true, totalMinor: true, paidAt: true, shippingAddress: true, pointsSpent: true },
    with: { user: { columns: { email: true, name: true } } },
  });
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
    to: order.user.email,
    mail: renderOrderConfirmationMail({
      store: mailStore(),
      name: order.user.name,
      orderId,
      paidAt: order.paidAt ?? now,
      currency: order.currency,
      totalMinor: order.totalMinor,
      lines,
      deliveryAddress,
      pointsSpent: order.pointsSpent,
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
  return enqueueOwnerMail({ tx, orderId, kind: "refund", dedupeKey: `refund:${refund.id}` }, (person) =>
    renderRefundMail({
      ...person,
      orderId,
      amountMinor: refund.amountMinor,
      currency: refund.currency,
      refundedAt: refund.createdAt,
      reason,
    }),
  );
}

/**
 * A mail about an order, to its owner (nothing when the order is gone): `render` gets the store and the owner's
 * name, the mail goes to the owner's email under `kind` and `dedupeKey`.
 */
async function enqueueOwnerMail(
  { tx, orderId, kind, dedupeKey }: { tx: Tx; orderId: string; kind: MailKind; dedupeKey: string },
  render: (person: PersonalMail) => RenderedMail,
): Promise<boolean> {
  const [owner] = await tx
    .select({ email: users.email, name: users.name })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  if (!owner) return false;
  const mail = render({ store: mailStore(), name: owner.name });
  return enqueueMail({ tx, kind, dedupeKey, to: owner.email, mail });
}

/** "On its way", once per order (keyed by the order), in the transaction that marks it shipped. */
export async function enqueueShippedMail({
  tx,
  orderId,
  parcel,
}: {
  tx: Tx;
  orderId: string;
  parcel: Parcel;
}): Promise<boolean> {
  return enqueueOwnerMail({ tx, orderId, kind: "shipped", dedupeKey: `shipped:${orderId}` }, (person) =>
    renderShippedMail({ ...person, orderId, ...parcel }),
  );
}

/** A single-use link as its mail carries it: the token row's id (the dedupe key), the URL, its end. */
export interface MailedLink {
  id: string;
  url: string;
  expiresAt: Date;
}

/**
 * A mail carrying a single-use link, in the transaction that stored the link's hash (one mail per link): a password
 * reset to the account's address, or an email change's confirmation to the address being confirmed (`to`).
 */
export async function enqueueLinkMail({
  tx,
  kind,
  to,
  name,
  link,
}: {
  tx: Tx;
  kind: "password_reset" | "email_change";
  to: string;
  name: string;
  link: MailedLink;
}): Promise<boolean> {
  const store = mailStore();
  const { url, expiresAt } = link;
  const mail =
    kind === "password_reset"
      ? renderPasswordResetMail({ store, name, resetUrl: url, expiresAt })
      : renderEmailChangeConfirmMail({ store, name, newEmail: to, confirmUrl: url, expiresAt });
  return enqueueMail({ tx, kind, dedupeKey: `${kind.replace("_", "-")}:${link.id}`, to, mail });
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

/** A return's event, inside the transaction that records it: one mail per return and event (keyed by both). */
export type ReturnMailEvent =
  | { kind: "return_requested" }
  | { kind: "return_approved" }
  | { kind: "return_refused"; refusalReason: string };

export async function enqueueReturnMail({
  tx,
  orderId,
  returnId,
  reasonLabel,
  at,
  event,
}: {
  tx: Tx;
  orderId: string;
  returnId: string;
  reasonLabel: string;
  at: Date;
  event: ReturnMailEvent;
}): Promise<boolean> {
  const dedupeKey = `${event.kind.replace("_", "-")}:${returnId}`;
  return enqueueOwnerMail({ tx, orderId, kind: event.kind, dedupeKey }, (person) => {
    const base = { ...person, orderId, reasonLabel, at };
    return event.kind === "return_requested"
      ? renderReturnRequestedMail(base)
      : event.kind === "return_approved"
        ? renderReturnApprovedMail(base)
        : renderReturnRefusedMail({ ...base, refusalReason: event.refusalReason });
  });
}

/**
 * "F-code received": to the fan a marketer gave a code to, in the giving transaction, once per code. The code is
 * passed in (the database keeps only its hash); what it buys is read here.
 */
export async function enqueueFcodeReceivedMail({
  tx,
  fcodeId,
  code,
  userId,
}: {
  tx: Tx;
  fcodeId: string;
  code: string;
  userId: string;
}): Promise<boolean> {
  const [row] = await queryRows<FcodeOfferRow & { email: string; name: string }>(
    tx,
    sql`
      select u.email, u.name, p.name as "productName", k.colour, k.storage, s.name as "saleName",
        b.valid_from as "validFrom", b.valid_until as "validUntil"
      from fcodes c
      join fcode_batches b on b.id = c.batch_id
      join sales s on s.id = b.sale_id
      join skus k on k.id = b.sku_id
      join products p on p.id = k.product_id
      join users u on u.id = ${userId}::uuid
      where c.id = ${fcodeId}::uuid`,
  );
  if (!row) return false;
  return enqueueMail({
    tx,
    kind: "fcode_received",
    dedupeKey: `fcode-received:${fcodeId}`,
    to: row.email,
    mail: renderFcodeReceivedMail({
      store: mailStore(),
      name: row.name,
      code,
      productName: row.productName,
      variantLabel: variantLabel({ colour: row.colour ?? "", storage: row.storage }),
      saleName: row.saleName,
      validFrom: new Date(row.validFrom),
      validUntil: new Date(row.validUntil),
    }),
  });
}

/** One entry's draw result: a unit held for it (at the draw, or `promoted` later), or its place on the reserve list. */
export interface DrawResult {
  userId: string;
  position: number;
  won: { holdId: string; deadline: Date; promoted: boolean } | null;
  reservePlace: number | null;
}

/**
 * The draw's result mails for a sale, inside the transaction that draws or promotes: one read for the fans and the
 * sale, then one outbox row each, keyed by entry and hold so a result is mailed once.
 */
export async function enqueueDrawResultMails({
  tx,
  saleId,
  results,
}: {
  tx: Tx;
  saleId: string;
  results: readonly DrawResult[];
}): Promise<number> {
  if (results.length === 0) return 0;
  const people = await queryRows<{ id: string; email: string; name: string }>(
    tx,
    sql`select u.id, u.email, u.name from users u
      where u.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(results.map((r) => r.userId))}::jsonb))`,
  );
  const [sale] = await queryRows<{ name: string; slug: string; productName: string }>(
    tx,
    sql`select s.name, s.slug, p.name as "productName" from sales s join products p on p.id = s.product_id
      where s.id = ${saleId}::uuid`,
  );
  if (!sale) return 0;
  const byId = new Map(people.map((p) => [p.id, p]));
  let sent = 0;
  for (const result of results) {
    const person = byId.get(result.userId);
    if (!person) continue;
    const added = await enqueueMail({
      tx,
      kind: "draw_result",
      dedupeKey: `draw-result:${saleId}:${result.userId}:${result.won ? result.won.holdId : "reserve"}`,
      to: person.email,
      mail: renderDrawResultMail({
        store: mailStore(),
        name: person.name,
        saleName: sale.name,
        saleSlug: sale.slug,
        productName: sale.productName,
        won: result.won,
        reservePlace: result.reservePlace,
      }),
    });
    if (added) sent += 1;
  }
  return sent;
}

/**
 * The result of a beta application ("you're in" or "not this time"), in the transaction that decides it, once per
 * application and result.
 */
export async function enqueueBetaResultMail({
  tx,
  applicationId,
  selected,
}: {
  tx: Tx;
  applicationId: string;
  selected: boolean;
}): Promise<boolean> {
  const [row] = await queryRows<{
    email: string;
    name: string;
    title: string;
    productName: string;
    tokenPriceMinor: number;
    currency: string;
    pointsCost: number;
  }>(
    tx,
    sql`
      select u.email, u.name, b.title, p.name as "productName", b.token_price_minor as "tokenPriceMinor",
        b.currency, b.points_cost as "pointsCost"
      from beta_applications a
      join betas b on b.id = a.beta_id
      join products p on p.id = b.product_id
      join users u on u.id = a.user_id
      where a.id = ${applicationId}::uuid`,
  );
  if (!row) return false;
  return enqueueMail({
    tx,
    kind: "beta_result",
    dedupeKey: `beta-${selected ? "selected" : "not-selected"}:${applicationId}`,
    to: row.email,
    mail: renderBetaResultMail({
      store: mailStore(),
      name: row.name,
      selected,
      betaTitle: row.title,
      productName: row.productName,
      price: betaPriceText(row),
    }),
  });
}
