import { randomUUID } from "node:crypto";
import { and, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  betaApplications,
  betas,
  orders,
  outboxMail,
  pointsAccounts,
  pointsEntries,
} from "@/db/schema";
import { cancelCheckout } from "@/lib/checkout/checkout";
import { recordPoints } from "@/lib/points/ledger";
import { toStoreInputValue } from "@/lib/store-time";
import { submitCard } from "@/stripe-local/testing";
import { expectInvariant, HOLD_MINUTES, withCheckoutEnv } from "@/tests/helpers/checkout";
import {
  applyToBeta,
  buyBetaSeat,
  buyBetaUnit,
  declineRemaining,
  openBeta,
  selectApplicants,
  selectByRule,
} from "./commands";

/**
 * The beta programme on real PostgreSQL: applying once inside the window, selecting up to the seats (by hand and
 * by the published rule), and buying one unit per selected fan with the points taken in the same transaction,
 * including many selected fans racing for the last seats.
 */

const env = withCheckoutEnv({ secret: "whsec_beta_tests", poolMax: 12, currency: "CNY" });
const TZ = "Asia/Shanghai";
const STATEMENT = "I run every morning and would test the battery on long trails.";

async function marketer() {
  const id = await env.newShopper();
  return { id, email: `${id}@kite.test` };
}

async function givePoints(userId: string, amount: number) {
  await env.db.transaction((tx) =>
    recordPoints(tx, { userId, reason: "adjustment", cause: `test:${userId}:${amount}`, amount }),
  );
}

async function balanceOf(userId: string) {
  const [row] = await env.db.select().from(pointsAccounts).where(eq(pointsAccounts.userId, userId));
  return row?.balance ?? 0;
}

/** A beta whose window is open at `now` (closes an hour later), on the file's SKU. */
async function newBeta({
  seats,
  tokenPrice = "1.00",
  pointsCost = 300,
  now = new Date(),
}: {
  seats: number;
  tokenPrice?: string;
  pointsCost?: number;
  now?: Date;
}) {
  const opened = await openBeta(env.db, {
    actor: await marketer(),
    input: {
      skuId: env.sku.id,
      title: "Kite Band beta",
      prompt: "How would you test it?",
      seats,
      tokenPrice,
      pointsCost,
      opensAt: toStoreInputValue(new Date(now.getTime() - 60_000), TZ),
      closesAt: toStoreInputValue(new Date(now.getTime() + 3_600_000), TZ),
    },
    now,
    timeZone: TZ,
  });
  if (!opened.ok) throw new Error(opened.message);
  return opened.betaId;
}

const later = () => new Date(Date.now() + 2 * 3_600_000);

/** A fan with `points`, who applied to the beta and was selected (set directly: see the storm below). */
async function selectedFan(betaId: string, points: number) {
  const fan = await env.newShopper();
  if (points > 0) await givePoints(fan, points);
  const applied = await applyToBeta(env.db, { userId: fan, betaId, statement: STATEMENT, now: new Date() });
  if (!applied.ok) throw new Error(applied.message);
  await env.db
    .update(betaApplications)
    .set({ status: "selected" })
    .where(eq(betaApplications.id, applied.applicationId));
  return fan;
}

async function betaRow(betaId: string) {
  const [row] = await env.db.select().from(betas).where(eq(betas.id, betaId));
  if (!row) throw new Error("beta missing");
  return row;
}

const buy = (userId: string, betaId: string) =>
  buyBetaSeat(env.db, { userId, betaId, now: new Date(), holdMinutes: HOLD_MINUTES });
/** A selected fan buys their seat's unit through checkout (a Checkout Session when paid by card). */
const buyUnit = (userId: string, betaId: string) =>
  buyBetaUnit(env.deps(), {
    userId,
    email: "fan@example.com",
    betaId,
    now: new Date(),
    holdMinutes: HOLD_MINUTES,
    origin: "http://store.test",
  });

describe("opening", () => {
  it("opens once per form: the same form sent again is refused, one beta and one audit entry written", async () => {
    const actor = await marketer();
    const now = new Date();
    const requestKey = randomUUID();
    const input = {
      skuId: env.sku.id,
      title: `Keyed beta ${requestKey}`,
      prompt: "How would you test it?",
      seats: 5,
      tokenPrice: "1.00",
      pointsCost: 300,
      opensAt: toStoreInputValue(now, TZ),
      closesAt: toStoreInputValue(new Date(now.getTime() + 3_600_000), TZ),
      requestKey,
    };
    const first = await openBeta(env.db, { actor, input, now, timeZone: TZ });
    const again = await openBeta(env.db, { actor, input, now, timeZone: TZ });
    expect(first.ok).toBe(true);
    expect(again).toMatchObject({ ok: false, code: "conflict", message: "This beta was already opened." });
    const opened = await env.db.select({ id: betas.id }).from(betas).where(eq(betas.title, input.title));
    expect(opened).toHaveLength(1);
    const audits = await env.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, actor.id), eq(auditLog.action, "beta.open")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityType: "beta",
      entityId: opened[0]?.id,
      requestKey,
      diff: { title: { from: null, to: input.title }, seats: { from: null, to: 5 } },
    });
  });
});

describe("applying", () => {
  it("takes one application per account, only inside the window", async () => {
    const betaId = await newBeta({ seats: 5 });
    const fan = await env.newShopper();
    const first = await applyToBeta(env.db, { userId: fan, betaId, statement: STATEMENT, now: new Date() });
    expect(first.ok).toBe(true);
    const twice = await Promise.all(
      [1, 2].map(() => applyToBeta(env.db, { userId: fan, betaId, statement: STATEMENT, now: new Date() })),
    );
    expect(twice.map((r) => (r.ok ? "ok" : r.code))).toEqual(["already_applied", "already_applied"]);
    const late = await applyToBeta(env.db, {
      userId: await env.newShopper(),
      betaId,
      statement: STATEMENT,
      now: later(),
    });
    expect(late).toMatchObject({ ok: false, code: "closed" });
    const early = await applyToBeta(env.db, {
      userId: await env.newShopper(),
      betaId,
      statement: STATEMENT,
      now: new Date(Date.now() - 3_600_000),
    });
    expect(early).toMatchObject({ ok: false, code: "not_open" });
    const rows = await env.db.select().from(betaApplications).where(eq(betaApplications.betaId, betaId));
    expect(rows).toHaveLength(1);
  });
});

describe("selecting", () => {
  it("by hand up to the seats, by the rule (lifetime points, then earliest), then tells the rest, mailing each", async () => {
    const actor = await marketer();
    const betaId = await newBeta({ seats: 3 });
    const fans: { id: string; points: number; app: string }[] = [];
    for (const points of [50, 900, 900, 10, 400]) {
      const id = await env.newShopper();
      if (points) await givePoints(id, points);
      const applied = await applyToBeta(env.db, {
        userId: id,
        betaId,
        statement: STATEMENT,
        now: new Date(),
      });
      if (!applied.ok) throw new Error(applied.message);
      fans.push({ id, points, app: applied.applicationId });
    }
    const app = (i: number) => fans[i]?.app ?? "";
    const [low, firstNine, secondNine, lowest, four] = [0, 1, 2, 3, 4].map(app) as [
      string,
      string,
      string,
      string,
      string,
    ];
    // More ticked than seats: refused, nothing selected.
    const over = await selectApplicants(env.db, {
      actor,
      betaId,
      applicationIds: fans.map((f) => f.app),
      now: new Date(),
    });
    expect(over).toMatchObject({ ok: false, code: "over_seats" });
    // The rule waits for the window to close.
    expect(await selectByRule(env.db, { actor, betaId, now: new Date() })).toMatchObject({
      code: "not_closed",
    });
    // By hand: the fan with 10 points.
    expect(
      await selectApplicants(env.db, { actor, betaId, applicationIds: [lowest], now: new Date() }),
    ).toMatchObject({
      ok: true,
      selected: 1,
    });
    // The rule fills the two seats left: the two 900s (the earlier first), not the 400.
    expect(await selectByRule(env.db, { actor, betaId, now: later() })).toMatchObject({
      ok: true,
      selected: 2,
    });
    const status = async (app: string) =>
      (await env.db.select().from(betaApplications).where(eq(betaApplications.id, app)))[0]?.status;
    expect(await status(firstNine)).toBe("selected");
    expect(await status(secondNine)).toBe("selected");
    expect(await status(four)).toBe("applied");
    expect(await selectByRule(env.db, { actor, betaId, now: later() })).toMatchObject({ code: "over_seats" });
    expect(await declineRemaining(env.db, { actor, betaId, now: later() })).toMatchObject({
      ok: true,
      declined: 2,
    });
    expect(await status(low)).toBe("not_selected");
    const mails = await env.db
      .select({ key: outboxMail.dedupeKey })
      .from(outboxMail)
      .where(like(outboxMail.dedupeKey, "beta-%"));
    const keys = mails.map((m) => m.key);
    for (const a of [lowest, firstNine, secondNine]) expect(keys).toContain(`beta-selected:${a}`);
    for (const a of [low, four]) expect(keys).toContain(`beta-not-selected:${a}`);
  });
});

describe("buying a seat", () => {
  it("below Stripe's minimum: paid in points at once, the points cost as a beta purchase, seat and unit exact", async () => {
    const betaId = await newBeta({ seats: 2 });
    const fan = await selectedFan(betaId, 1000);
    const before = await env.readSku();
    const bought = await buy(fan, betaId);
    if (!bought.ok) throw new Error(bought.message);
    expect(bought.session).toBeNull();
    expect(bought.terms).toMatchObject({ byCard: false, totalMinor: 0, tokenPoints: 100, pointsNeeded: 400 });
    const [order] = await env.db.select().from(orders).where(eq(orders.id, bought.orderId));
    expect(order).toMatchObject({ status: "paid", kind: "beta", totalMinor: 0, pointsSpent: 100 });
    const entries = await env.db
      .select({ reason: pointsEntries.reason, amount: pointsEntries.amount })
      .from(pointsEntries)
      .where(eq(pointsEntries.orderId, bought.orderId));
    expect(entries).toEqual(
      expect.arrayContaining([
        { reason: "beta_purchase", amount: -300 },
        { reason: "points_spent", amount: -100 },
      ]),
    );
    expect(entries).toHaveLength(2);
    expect(await balanceOf(fan)).toBe(600);
    expect((await betaRow(betaId)).seatsTaken).toBe(1);
    const after = await env.readSku();
    expect(after.sold).toBe(before.sold + 1);
    expectInvariant(after);
    // Twice: refused, nothing more written.
    expect(await buy(fan, betaId)).toMatchObject({ ok: false, code: "already_bought" });
    expect(await balanceOf(fan)).toBe(600);
    expect((await betaRow(betaId)).seatsTaken).toBe(1);
  });

  it("refuses a fan who is not selected, or has too few points, writing nothing", async () => {
    const betaId = await newBeta({ seats: 2 });
    const stranger = await env.newShopper();
    await givePoints(stranger, 5000);
    expect(await buy(stranger, betaId)).toMatchObject({ ok: false, code: "not_selected" });
    const applicant = await env.newShopper();
    await givePoints(applicant, 5000);
    await applyToBeta(env.db, { userId: applicant, betaId, statement: STATEMENT, now: new Date() });
    expect(await buy(applicant, betaId)).toMatchObject({ ok: false, code: "not_selected" });
    const poor = await selectedFan(betaId, 399);
    const before = await env.readSku();
    expect(await buy(poor, betaId)).toMatchObject({ ok: false, code: "points_insufficient" });
    expect(await balanceOf(poor)).toBe(399);
    expect((await betaRow(betaId)).seatsTaken).toBe(0);
    expect(await env.readSku()).toMatchObject({
      available: before.available,
      held: before.held,
      sold: before.sold,
    });
    const written = await env.db
      .select()
      .from(orders)
      .where(and(inArray(orders.userId, [stranger, applicant, poor]), eq(orders.kind, "beta")));
    expect(written).toHaveLength(0);
  });

  it("one fan's two clicks at once buy one unit", async () => {
    const betaId = await newBeta({ seats: 5 });
    const fan = await selectedFan(betaId, 2000);
    const results = await Promise.all(Array.from({ length: 4 }, () => buy(fan, betaId)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual([
      "already_bought",
      "already_bought",
      "already_bought",
    ]);
    expect(await balanceOf(fan)).toBe(1600);
    expect((await betaRow(betaId)).seatsTaken).toBe(1);
  });

  it("the last seats, many selected fans at once: exactly the seats are bought, points exact for all", async () => {
    // Selection never exceeds the seats; the purchase does not trust that, and here more fans are selected than
    // seats (set directly) so that they race for the last ones.
    const seats = 3;
    const betaId = await newBeta({ seats });
    const fans = await Promise.all(Array.from({ length: 10 }, () => selectedFan(betaId, 1000)));
    const before = await env.readSku();
    const results = await Promise.all(fans.map((fan) => buy(fan, betaId)));
    const winners = fans.filter((_, i) => results[i]?.ok);
    expect(winners).toHaveLength(seats);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(
      Array(fans.length - seats).fill("seats_gone"),
    );
    for (const fan of fans) expect(await balanceOf(fan)).toBe(winners.includes(fan) ? 600 : 1000);
    expect((await betaRow(betaId)).seatsTaken).toBe(seats);
    const after = await env.readSku();
    expect(after.sold - before.sold).toBe(seats);
    expectInvariant(after);
  });

  it("two buyers for the last seat: exactly one wins", async () => {
    const betaId = await newBeta({ seats: 1 });
    const [a, b] = await Promise.all([selectedFan(betaId, 500), selectedFan(betaId, 500)]);
    const results = await Promise.all([buy(a ?? "", betaId), buy(b ?? "", betaId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "seats_gone" });
    expect((await balanceOf(a ?? "")) + (await balanceOf(b ?? ""))).toBe(600);
  });

  it("at or above the minimum: a Checkout Session for the token price; cancelled, the seat and points come back", async () => {
    const betaId = await newBeta({ seats: 1, tokenPrice: "5.00", pointsCost: 300 });
    const fan = await selectedFan(betaId, 300);
    const started = await buyUnit(fan, betaId);
    if (!started.ok) throw new Error(started.message);
    const [pending] = await env.db.select().from(orders).where(eq(orders.id, started.orderId));
    expect(pending).toMatchObject({ status: "pending", kind: "beta", totalMinor: 500, pointsSpent: 0 });
    expect(await balanceOf(fan)).toBe(0);
    expect((await betaRow(betaId)).seatsTaken).toBe(1);
    expect(await buy(fan, betaId)).toMatchObject({ ok: false, code: "in_progress" });
    // Leaves Stripe's page and cancels: the seat, the unit and the points come back; the fan may buy again.
    expect(await cancelCheckout(env.deps(), { orderId: started.orderId, userId: fan, now: new Date() })).toBe(
      true,
    );
    expect(await balanceOf(fan)).toBe(300);
    expect((await betaRow(betaId)).seatsTaken).toBe(0);
    expectInvariant(await env.readSku());
    const again = await buyUnit(fan, betaId);
    if (!again.ok) throw new Error(again.message);
    expect((await submitCard(again.url, "4242 4242 4242 4242")).status).toBe(303);
    const [order] = await env.db.select().from(orders).where(eq(orders.id, again.orderId));
    for (const event of await env.stripeEventsFor(
      order?.stripeSessionId ?? "",
      "checkout.session.completed",
    )) {
      await env.deliver(event);
    }
    const [paid] = await env.db.select().from(orders).where(eq(orders.id, again.orderId));
    expect(paid?.status).toBe("paid");
    expect(await balanceOf(fan)).toBe(0);
    expect(await buy(fan, betaId)).toMatchObject({ ok: false, code: "already_bought" });
  });
});
