import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { paymentCursors, stripeEvents } from "@/db/schema";
import type { Db } from "@/lib/db";
import { type RetryOptions, withStripeRetry } from "@/lib/payments/stripe";
import type { CheckoutDeps } from "./checkout";
import { APPLIED_EVENT_TYPES, applyStripeEvent } from "./webhook";

const CURSOR = "stripe-checkout-events";

export interface ReconcileOptions {
  now: Date;
  /** Wall clock (Stripe's `created` is real time, not the QA test clock). */
  wallNow?: Date;
  /** Where a first run starts: Stripe keeps events 30 days and retries a webhook for 3. */
  lookbackSeconds?: number;
  /** Each run lists this much before the cursor again, for events Stripe's list shows late. */
  overlapSeconds?: number;
  /** Pages of 100 events one run may read (Stripe's read rate limit is shared with checkout). */
  maxPages?: number;
  leaseSeconds?: number;
  retry?: RetryOptions;
}

export interface ReconcileResult {
  skipped: boolean;
  listed: number;
  applied: number;
  position: number;
}

/**
 * Lists recent Checkout and refund events from Stripe and applies every one the webhook has not (they share
 * `stripe_events`, so an event is applied once whichever way it comes), so a webhook lost for days still ends in
 * the right state. It walks Stripe's list in time slices from a cursor kept in the database, oldest slice first
 * and each slice oldest event first, and moves the cursor only past slices it finished. One instance at a time
 * holds the lease; the others skip.
 */
export async function reconcilePayments(
  deps: Pick<CheckoutDeps, "db" | "stripe">,
  {
    now,
    wallNow = new Date(),
    lookbackSeconds = 3 * 24 * 3600,
    overlapSeconds = 300,
    maxPages = 50,
    leaseSeconds = 120,
    retry,
  }: ReconcileOptions,
): Promise<ReconcileResult> {
  const wall = Math.floor(wallNow.getTime() / 1000);
  const cursor = await takeCursorLease({ db: deps.db, wall, wallNow, lookbackSeconds, leaseSeconds });
  if (!cursor) return { skipped: true, listed: 0, applied: 0, position: 0 };

  // Events stamped this very second may still be appearing in the list: stop just short of it.
  const until = wall - 1;
  let position = cursor.position;
  let from = Math.max(0, position - overlapSeconds);
  let slice = 5 * 60;
  let pages = 0;
  let listed = 0;
  let applied = 0;
  const depsWithRetry = { ...deps, retry };
  try {
    while (from < until && pages < maxPages) {
      const to = Math.min(until, from + slice);
      const listedSlice = await listSlice({ stripe: deps.stripe, from, to, retry, pages, maxPages });
      pages = listedSlice.pages;
      if (listedSlice.narrowedSlice !== null) slice = listedSlice.narrowedSlice;
      const { events, complete } = listedSlice;
      if (!complete && events.length === 0) continue;
      listed += events.length;
      applied += await applyMissing(depsWithRetry, events.reverse(), now);
      // Out of pages mid-slice: what was listed is applied; the next run comes back to the rest of it.
      if (!complete) break;
      from = to;
      position = Math.max(position, to);
      if (events.length < 100) slice = Math.min(slice * 4, 7 * 24 * 3600);
      else slice = Math.max(1, Math.floor(slice / 2));
    }
  } finally {
    await deps.db
      .update(paymentCursors)
      .set({
        position: sql`greatest(${paymentCursors.position}, ${position})`,
        leaseUntil: null,
        updatedAt: wallNow,
      })
      .where(eq(paymentCursors.name, CURSOR));
  }
  return { skipped: false, listed, applied, position };
}

async function takeCursorLease({
  db,
  wall,
  wallNow,
  lookbackSeconds,
  leaseSeconds,
}: {
  db: Db;
  wall: number;
  wallNow: Date;
  lookbackSeconds: number;
  leaseSeconds: number;
}): Promise<{ position: number } | undefined> {
  await db
    .insert(paymentCursors)
    .values({ name: CURSOR, position: wall - lookbackSeconds })
    .onConflictDoNothing();
  const [cursor] = await db
    .update(paymentCursors)
    .set({ leaseUntil: new Date((wall + leaseSeconds) * 1000), updatedAt: wallNow })
    .where(
      and(
        eq(paymentCursors.name, CURSOR),
        or(isNull(paymentCursors.leaseUntil), lt(paymentCursors.leaseUntil, wallNow)),
      ),
    )
    .returning({ position: paymentCursors.position });
  return cursor;
}

/**
 * Lists one time slice's events, newest first as Stripe gives them, counting pages against `maxPages`. A busy
 * slice comes back empty with `narrowedSlice` set; `complete` is false when pages ran out mid-slice.
 */
async function listSlice({
  stripe,
  from,
  to,
  retry,
  pages: pagesSoFar,
  maxPages,
}: {
  stripe: CheckoutDeps["stripe"];
  from: number;
  to: number;
  retry: ReconcileOptions["retry"];
  pages: number;
  maxPages: number;
}): Promise<{ events: Stripe.Event[]; complete: boolean; pages: number; narrowedSlice: number | null }> {
  const events: Stripe.Event[] = [];
  let complete = false;
  let narrowedSlice: number | null = null;
  let pages = pagesSoFar;
  let startingAfter: string | undefined;
  while (pages < maxPages) {
    const page = await withStripeRetry(
      () =>
        stripe.events.list({
          types: [...APPLIED_EVENT_TYPES],
          created: { gte: from, lt: to },
          limit: 100,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      retry,
    );
    pages++;
    const newest = page.data[0]?.created;
    const oldest = page.data.at(-1)?.created;
    if (
      events.length === 0 &&
      page.has_more &&
      to - from > 1 &&
      newest !== undefined &&
      oldest !== undefined
    ) {
      // A busy slice: narrow it to about one page's worth of time and start it again, so the cursor moves
      // forward slice by slice instead of one run failing to finish an hour of a flash sale.
      narrowedSlice = Math.max(1, Math.min(to - from - 1, newest - oldest + 1));
      break;
    }
    events.push(...page.data);
    startingAfter = page.data.at(-1)?.id;
    if (!page.has_more || !startingAfter) {
      complete = true;
      break;
    }
  }
  return { events, complete, pages, narrowedSlice };
}

/** Applies, oldest first, the events `stripe_events` does not have yet. */
async function applyMissing(
  deps: Pick<CheckoutDeps, "db" | "stripe" | "retry">,
  oldestFirst: Stripe.Event[],
  now: Date,
): Promise<number> {
  if (oldestFirst.length === 0) return 0;
  const known = await deps.db
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(
      inArray(
        stripeEvents.id,
        oldestFirst.map((e) => e.id),
      ),
    );
  const seen = new Set(known.map((k) => k.id));
  let applied = 0;
  for (const event of oldestFirst) {
    if (seen.has(event.id)) continue;
    const body = await applyStripeEvent(deps, { event, now });
    if (body.outcome !== "duplicate_event") applied++;
  }
  return applied;
}
