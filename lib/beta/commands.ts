import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { betaApplications, betas, stockHolds } from "@/db/schema";
import { chooseShippingAddress } from "@/lib/addresses/addresses";
import { type Actor, diffFromNothing, oncePerFormKey, writeAudit } from "@/lib/audit/log";
import { variantLabel } from "@/lib/catalog/variant-label";
import { type CheckoutDeps, openCheckoutSession } from "@/lib/checkout/checkout";
import { applyPayment, SESSION_LIFETIME_SECONDS, takeAvailableStock } from "@/lib/checkout/holds";
import { insertOrderWithLines } from "@/lib/checkout/order-insert";
import type { Db, Tx } from "@/lib/db";
import { enqueueBetaResultMail } from "@/lib/mail/events";
import { parseMoneyInput } from "@/lib/money-input";
import { readCheckoutPerks } from "@/lib/points/checkout";
import { spendPoints } from "@/lib/points/ledger";
import { fail, invalid, ok, Refusal, type Result, refusable } from "@/lib/result";
import { isUuid } from "@/lib/sales/db-errors";
import { parseStoreDateTime } from "@/lib/store-time";
import { type BetaPurchaseTerms, betaPhase, betaPurchaseTerms, type OpenBetaForm } from "./rules";
import { betaCause } from "./seats";

/*
 * The beta programme. A marketer opens a beta (one version of a product, seats, a token price, a points cost, an
 * application window, a prompt); fans apply once each inside the window; the marketer selects up to the seats, by
 * hand or by the published rule, and tells the rest; each selected fan buys one unit.
 *
 * Buying is one transaction: the fan's application row is locked (so one fan's two clicks run one after the other
 * and the second sees the first's order), the seat is one conditional increment (`seats_taken < seats`, so two
 * fans racing for the last seat cannot both have it), the unit is one conditional stock decrement, the order and
 * its hold are written, and the points are taken by conditional decrements in the same transaction. Any refusal
 * rolls all of it back. A pending order that is released gives back its seat and points (./seats.ts).
 */

// ——— opening ———

export async function openBeta(
  db: Db,
  { actor, input, now, timeZone }: { actor: Actor; input: OpenBetaForm; now: Date; timeZone: string },
): Promise<Result<{ betaId: string }>> {
  const opensAt = parseStoreDateTime(input.opensAt, timeZone);
  const closesAt = parseStoreDateTime(input.closesAt, timeZone);
  const errors: Record<string, string[]> = {};
  if (!opensAt.ok) errors.opensAt = [opensAt.message];
  if (!closesAt.ok) errors.closesAt = [closesAt.message];
  if (opensAt.ok && closesAt.ok) {
    if (closesAt.at.getTime() <= opensAt.at.getTime()) {
      errors.closesAt = ["Applications must close after they open."];
    } else if (closesAt.at.getTime() <= now.getTime()) {
      errors.closesAt = ["Choose a time in the future: nobody could apply."];
    }
  }
  const [sku] = await queryRows<{ productId: number; currency: string; name: string }>(
    db,
    sql`select k.product_id as "productId", k.currency, p.name from skus k join products p on p.id = k.product_id
        where k.id = ${input.skuId}::int`,
  );
  if (!sku) errors.skuId = ["Choose a version from the list."];
  const price = parseMoneyInput(input.tokenPrice, sku?.currency ?? "CNY");
  if (!price.ok) errors.tokenPrice = [price.message];
  if (Object.keys(errors).length > 0 || !sku || !price.ok || !opensAt.ok || !closesAt.ok)
    return invalid(errors);
  const change = { actor, formKey: input.requestKey, action: "beta.open", entityType: "beta" } as const;
  return oncePerFormKey(db, { ...change, repeated: "This beta was already opened." }, async (tx) => {
    const [beta] = await tx
      .insert(betas)
      .values({
        productId: sku.productId,
        skuId: input.skuId,
        title: input.title,
        prompt: input.prompt,
        seats: input.seats,
        tokenPriceMinor: price.amountMinor,
        currency: sku.currency,
        pointsCost: input.pointsCost,
        opensAt: opensAt.at,
        closesAt: closesAt.at,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning({ id: betas.id });
    if (!beta) throw new Error("beta insert returned nothing");
    const audit = {
      entityId: beta.id,
      summary: `Opened the beta “${input.title}” for ${sku.name}: ${input.seats} seats`,
      diff: diffFromNothing({
        title: input.title,
        seats: input.seats,
        tokenPriceMinor: price.amountMinor,
        pointsCost: input.pointsCost,
        opensAt: opensAt.at,
        closesAt: closesAt.at,
      }),
    };
    return { result: ok({ betaId: beta.id }), audit };
  });
}

// ——— applying ———

export type ApplyCode = "not_found" | "not_open" | "closed" | "already_applied";

/** A fan's application, once per account, inside the window. */
export async function applyToBeta(
  db: Db,
  { userId, betaId, statement, now }: { userId: string; betaId: string; statement: string; now: Date },
): Promise<Result<{ applicationId: string }, ApplyCode | "invalid">> {
  if (!isUuid(betaId) || !isUuid(userId)) return fail("not_found", "That beta is unknown. Reload the page.");
  const [beta] = await db
    .select({ opensAt: betas.opensAt, closesAt: betas.closesAt })
    .from(betas)
    .where(eq(betas.id, betaId));
  if (!beta) return fail("not_found", "That beta is unknown. Reload the page.");
  const phase = betaPhase(beta, now);
  if (phase === "upcoming") return fail("not_open", "Applications for this beta haven't opened yet.");
  if (phase === "closed") return fail("closed", "Applications for this beta have closed.");
  const [row] = await db
    .insert(betaApplications)
    .values({ betaId, userId, statement, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: betaApplications.id });
  if (!row)
    return fail("already_applied", "You've already applied to this beta: one application per account.");
  return ok({ applicationId: row.id });
}

// ——— selecting ———

type LockedBeta = { id: string; title: string; seats: number; selected: number; closesAt: Date };

async function lockBeta(tx: Tx, betaId: string): Promise<LockedBeta> {
  const [beta] = await queryRows<{ id: string; title: string; seats: number; closesAt: Date | string }>(
    tx,
    sql`select id, title, seats, closes_at as "closesAt" from betas where id = ${betaId}::uuid for update`,
  );
  if (!beta) throw new Refusal(fail("not_found", "That beta is unknown. Reload the page."));
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from beta_applications where beta_id = ${betaId}::uuid and status = 'selected'`,
  );
  return { ...beta, closesAt: new Date(beta.closesAt), selected: count?.n ?? 0 };
}

/** A marketer's decision about one beta's applicants, at `now`. */
export interface BetaDecision {
  actor: Actor;
  betaId: string;
  now: Date;
}

/** A decision that waits for applications to close: the beta locked, refused (`not_closed`) before then. */
async function onClosedBeta<T extends object>(
  db: Db,
  { betaId, now, tooEarly }: { betaId: string; now: Date; tooEarly: string },
  work: (tx: Tx, beta: LockedBeta) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!isUuid(betaId)) return fail("not_found", "That beta is unknown. Reload the page.");
  return refusable(() =>
    db.transaction(async (tx) => {
      const beta = await lockBeta(tx, betaId);
      if (now.getTime() < beta.closesAt.getTime()) throw new Refusal(fail("not_closed", tooEarly));
      return work(tx, beta);
    }),
  );
}

async function recordSelection(
  tx: Tx,
  { actor, beta, selected, by }: { actor: Actor; beta: LockedBeta; selected: { id: string }[]; by: string },
) {
  for (const a of selected) await enqueueBetaResultMail({ tx, applicationId: a.id, selected: true });
  await writeAudit(tx, {
    actor,
    action: "beta.select",
    entityType: "beta",
    entityId: beta.id,
    summary: `Selected ${selected.length} fans for “${beta.title}” ${by}`,
    diff: diffFromNothing({ title: beta.title, selected: selected.length, by }),
  });
}

const MAX_HAND_SELECTION = 500;

/** Selects the applications the marketer ticked, up to the seats left; mails each fan selected. */
export async function selectApplicants(
  db: Db,
  { actor, betaId, applicationIds, now }: BetaDecision & { applicationIds: string[] },
): Promise<Result<{ selected: number }>> {
  const ids = [...new Set(applicationIds)].filter(isUuid);
  if (!isUuid(betaId)) return fail("not_found", "That beta is unknown. Reload the page.");
  if (ids.length === 0) return invalid({ applicationIds: ["Tick at least one applicant."] });
  if (ids.length > MAX_HAND_SELECTION)
    return invalid({ applicationIds: [`Tick at most ${MAX_HAND_SELECTION} at once.`] });
  return refusable(() =>
    db.transaction(async (tx) => {
      const beta = await lockBeta(tx, betaId);
      const room = beta.seats - beta.selected;
      const selected = await queryRows<{ id: string }>(
        tx,
        sql`
          update beta_applications set status = 'selected', decided_at = ${now.toISOString()}::timestamptz
          where beta_id = ${betaId}::uuid and status = 'applied'
            and id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
          returning id`,
      );
      if (selected.length === 0) {
        throw new Refusal(fail("conflict", "None of those applicants is waiting any more: reload the list."));
      }
      if (selected.length > room) {
        throw new Refusal(
          fail(
            "over_seats",
            `Only ${room} of ${beta.seats} seats are left: tick at most ${room} applicant${room === 1 ? "" : "s"}.`,
          ),
        );
      }
      await recordSelection(tx, { actor, beta, selected, by: "by hand" });
      return ok({ selected: selected.length });
    }),
  );
}

/**
 * Fills the seats left by the published rule (BETA_SELECTION_RULE): highest lifetime points, then the earliest
 * application. Only once applications have closed, so everyone who applied in time is compared.
 */
export async function selectByRule(
  db: Db,
  { actor, betaId, now }: BetaDecision,
): Promise<Result<{ selected: number }>> {
  const tooEarly = "Select by the rule once applications have closed, so every applicant is compared.";
  return onClosedBeta(db, { betaId, now, tooEarly }, async (tx, beta) => {
    const room = beta.seats - beta.selected;
    if (room <= 0) throw new Refusal(fail("over_seats", "Every seat is already filled."));
    const selected = await queryRows<{ id: string }>(
      tx,
      sql`
          update beta_applications set status = 'selected', decided_at = ${now.toISOString()}::timestamptz
          where id in (
            select a.id from beta_applications a
            left join points_accounts p on p.user_id = a.user_id
            where a.beta_id = ${betaId}::uuid and a.status = 'applied'
            order by coalesce(p.lifetime_earned, 0) desc, a.created_at asc, a.id asc
            limit ${room}::int
          )
          returning id`,
    );
    if (selected.length === 0) throw new Refusal(fail("conflict", "Nobody is waiting to be selected."));
    await recordSelection(tx, { actor, beta, selected, by: "by the published rule" });
    return ok({ selected: selected.length });
  });
}

/** Tells everyone still waiting that they were not selected (once applications have closed). */
export async function declineRemaining(
  db: Db,
  { actor, betaId, now }: BetaDecision,
): Promise<Result<{ declined: number }>> {
  const tooEarly = "Applications are still open: tell the others once they close.";
  return onClosedBeta(db, { betaId, now, tooEarly }, async (tx, beta) => {
    const declined = await queryRows<{ id: string }>(
      tx,
      sql`update beta_applications set status = 'not_selected', decided_at = ${now.toISOString()}::timestamptz
            where beta_id = ${betaId}::uuid and status = 'applied' returning id`,
    );
    if (declined.length === 0) throw new Refusal(fail("conflict", "Nobody is waiting for an answer."));
    for (const a of declined) await enqueueBetaResultMail({ tx, applicationId: a.id, selected: false });
    await writeAudit(tx, {
      actor,
      action: "beta.decline_rest",
      entityType: "beta",
      entityId: beta.id,
      summary: `Told ${declined.length} applicants to “${beta.title}” they were not selected`,
      diff: diffFromNothing({ title: beta.title, declined: declined.length }),
    });
    return ok({ declined: declined.length });
  });
}

// ——— buying ———

/**
 * Refusals: `not_selected`, `in_progress`, `already_bought`, `address_required`, `points_insufficient`,
 * `seats_gone`, `out_of_stock`.
 */
export type BuySeatResult = Result<{
  orderId: string;
  terms: BetaPurchaseTerms;
  /** Set when the token price is paid by card: what openCheckoutSession needs. */
  session: {
    currency: string;
    sessionExpiresAt: Date;
    shippingAddress: NonNullable<Awaited<ReturnType<typeof chooseShippingAddress>>>;
    tierDiscountPercent: number;
    pointsSpent: number;
  } | null;
}>;

type SeatFacts = {
  applicationId: string;
  status: string;
  orderStatus: string | null;
  skuId: number;
  tokenPriceMinor: number;
  currency: string;
  pointsCost: number;
  productName: string;
  colour: string | null;
  storage: string | null;
};

/** The fan's application to this beta and what the beta sells, their row locked (null: they never applied). */
async function lockSeatFacts(tx: Tx, { betaId, userId }: { betaId: string; userId: string }) {
  // The fan's own row, locked alone first: their second click waits here, and the next statement (a new snapshot)
  // then sees the first's order. Locked in the reading join instead, the wait would re-read the row but not the
  // order it now points at (the join keeps the statement's old snapshot), and both clicks would buy.
  const locked = await queryRows<{ id: string }>(
    tx,
    sql`select id from beta_applications where beta_id = ${betaId}::uuid and user_id = ${userId}::uuid for update`,
  );
  if (locked.length === 0) return null;
  const [facts] = await queryRows<SeatFacts>(
    tx,
    sql`
      select a.id as "applicationId", a.status, o.status as "orderStatus", b.sku_id as "skuId",
        b.token_price_minor as "tokenPriceMinor", b.currency, b.points_cost as "pointsCost",
        p.name as "productName", k.colour, k.storage
      from beta_applications a
      join betas b on b.id = a.beta_id
      join skus k on k.id = b.sku_id
      join products p on p.id = b.product_id
      left join orders o on o.id = a.order_id
      where a.beta_id = ${betaId}::uuid and a.user_id = ${userId}::uuid`,
  );
  return facts ?? null;
}

/** Why this selected fan cannot buy now (before anything is taken): they already have, or are paying. */
function refuseSecondSeat(facts: SeatFacts) {
  if (facts.orderStatus === "pending") {
    return fail(
      "in_progress",
      "You've already started buying your beta unit: finish paying on your orders page.",
    );
  }
  if (facts.orderStatus === "paid" || facts.orderStatus === "refunded") {
    return fail("already_bought", "You've already bought your beta unit: one per selected fan.");
  }
  return null;
}

type SeatSession = NonNullable<Extract<BuySeatResult, { ok: true }>["session"]>;

/** The beta order, its line at the token price and its stock hold; returns the order id. */
async function insertBetaOrder(
  tx: Tx,
  {
    userId,
    facts,
    terms,
    session,
    holdExpiresAt,
    now,
  }: {
    userId: string;
    facts: SeatFacts;
    terms: BetaPurchaseTerms;
    session: SeatSession;
    holdExpiresAt: Date;
    now: Date;
  },
): Promise<string> {
  const order = {
    userId,
    kind: "beta",
    totalMinor: terms.totalMinor,
    holdExpiresAt,
    createdAt: now,
  } as const;
  const orderId = await insertOrderWithLines(tx, { ...order, ...session }, [
    {
      skuId: facts.skuId,
      productName: facts.productName,
      variantLabel: variantLabel({ colour: facts.colour ?? "", storage: facts.storage }),
      unitPriceMinor: facts.tokenPriceMinor,
      quantity: 1,
    },
  ]);
  await tx
    .insert(stockHolds)
    .values({ orderId, skuId: facts.skuId, quantity: 1, expiresAt: holdExpiresAt, createdAt: now });
  return orderId;
}

/**
 * The points: the beta's cost as a `beta_purchase` entry and, below Stripe's minimum, the token price as points
 * spent on the order. Conditional decrements: a spend elsewhere at the same moment cannot make the fan pay twice
 * with the same points; short, the whole purchase rolls back.
 */
async function takeSeatPoints(
  tx: Tx,
  {
    userId,
    orderId,
    facts,
    terms,
  }: { userId: string; orderId: string; facts: SeatFacts; terms: BetaPurchaseTerms },
) {
  const spends = [
    { points: facts.pointsCost, reason: "beta_purchase" as const, cause: betaCause(orderId) },
    { points: terms.tokenPoints, reason: "points_spent" as const, cause: undefined },
  ];
  for (const spend of spends) {
    if (spend.points <= 0) continue;
    if ((await spendPoints(tx, { userId, orderId, ...spend })) === null) {
      const { balance } = await readCheckoutPerks(tx, { userId });
      throw notEnoughForSeat(balance, terms.pointsNeeded);
    }
  }
}

/**
 * A selected fan buys their one unit. Everything in one transaction; a refusal writes nothing. When the token price
 * is below Stripe's minimum (./rules.ts) the order is paid in points and complete at once (`session` null);
 * otherwise it is pending with its unit held, and the caller opens its Checkout Session.
 */
export async function buyBetaSeat(
  db: Db,
  {
    userId,
    betaId,
    now,
    holdMinutes,
    wallNow = now,
  }: { userId: string; betaId: string; now: Date; holdMinutes: number; wallNow?: Date },
): Promise<BuySeatResult> {
  if (!isUuid(betaId) || !isUuid(userId)) return fail("not_found", "That beta is unknown. Reload the page.");
  return refusable(() =>
    db.transaction(async (tx): Promise<BuySeatResult> => {
      const facts = await lockSeatFacts(tx, { betaId, userId });
      if (facts?.status !== "selected") {
        return fail(
          "not_selected",
          "Only fans selected for this beta can buy a unit, and you aren't one of them.",
        );
      }
      const refused = refuseSecondSeat(facts);
      if (refused) return refused;
      const shippingAddress = await chooseShippingAddress(tx, { userId });
      if (!shippingAddress) {
        return fail("address_required", "Add a delivery address so we know where to send your beta unit.");
      }
      const terms = betaPurchaseTerms(facts);
      const { balance } = await readCheckoutPerks(tx, { userId });
      if (balance < terms.pointsNeeded) throw notEnoughForSeat(balance, terms.pointsNeeded);

      const [seat] = await tx
        .update(betas)
        .set({ seatsTaken: sql`${betas.seatsTaken} + 1` })
        .where(and(eq(betas.id, betaId), sql`${betas.seatsTaken} < ${betas.seats}`))
        .returning({ id: betas.id });
      if (!seat) return fail("seats_gone", "Every seat of this beta has been bought. Sorry: they went fast.");
      if (!(await takeAvailableStock(tx, { skuId: facts.skuId, quantity: 1, into: "held" }))) {
        throw new Refusal(
          fail("out_of_stock", "The beta units aren't in stock right now. Please try again later."),
        );
      }
      const session: SeatSession = {
        currency: facts.currency,
        sessionExpiresAt: new Date((Math.floor(wallNow.getTime() / 1000) + SESSION_LIFETIME_SECONDS) * 1000),
        shippingAddress,
        tierDiscountPercent: 0,
        pointsSpent: terms.tokenPoints,
      };
      const holdExpiresAt = new Date(now.getTime() + holdMinutes * 60_000);
      const orderId = await insertBetaOrder(tx, { userId, facts, terms, session, holdExpiresAt, now });
      await takeSeatPoints(tx, { userId, orderId, facts, terms });
      await tx.update(betaApplications).set({ orderId }).where(eq(betaApplications.id, facts.applicationId));
      if (terms.byCard) return ok({ orderId, terms, session });
      // Nothing to charge: complete now, in this transaction (stock sold, receipt mailed).
      const paid = await applyPayment(tx, { orderId, paymentIntentId: null, now });
      if (paid !== "paid") throw new Error(`beta order ${orderId}: ${paid}`);
      return ok({ orderId, terms, session: null });
    }),
  );
}

function notEnoughForSeat(balance: number, needed: number): Refusal {
  return new Refusal(
    fail(
      "points_insufficient",
      `A seat needs ${needed.toLocaleString("en-US")} points and you have ${balance.toLocaleString("en-US")}. Earn more on your orders and come back.`,
    ),
  );
}

/**
 * buyBetaSeat, then, when the token price is paid by card, the order's Checkout Session (the cart's own path, so
 * payment, webhooks, expiry and the sweep are the same). Returns where to send the fan: Stripe's page, or the
 * order's page when it was paid in points.
 */
export async function buyBetaUnit(
  deps: CheckoutDeps,
  {
    userId,
    email,
    betaId,
    now,
    holdMinutes,
    origin,
  }: { userId: string; email: string; betaId: string; now: Date; holdMinutes: number; origin: string },
): Promise<Result<{ orderId: string; url: string }>> {
  const wallNow = new Date((deps.wallClockSeconds?.() ?? Date.now() / 1000) * 1000);
  const bought = await buyBetaSeat(deps.db, { userId, betaId, now, holdMinutes, wallNow });
  if (!bought.ok) return bought;
  if (!bought.session) return ok({ orderId: bought.orderId, url: `/account/orders/${bought.orderId}` });
  return openCheckoutSession(deps, {
    order: { orderId: bought.orderId, ...bought.session },
    email,
    origin,
    now,
  });
}
