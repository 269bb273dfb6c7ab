import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { orderRefunds, orderReturns, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { readOwnOrder } from "@/lib/fulfilment/queries";
import { isUuid } from "@/lib/ids";
import type { Failure } from "@/lib/result";
import {
  checkReturnEligibility,
  nextReturnCommands,
  type ReturnRefusalCode,
  type ReturnStage,
  returnReasonLabel,
  returnStage,
} from "./rules";

/** An order's latest return as pages show it (ISO strings: this crosses to components). */
export interface ReturnView {
  id: string;
  stage: ReturnStage;
  reasonLabel: string;
  note: string | null;
  requestedAt: string;
  decidedAt: string | null;
  /** Who decided (the console's view only). */
  decidedBy: string | null;
  refusalReason: string | null;
  receivedAt: string | null;
  commands: ("approve" | "refuse" | "receive")[];
}

async function latestReturnOf(db: Db, orderId: string) {
  const [row] = await db
    .select({
      ret: orderReturns,
      decidedBy: users.email,
      refunded: sql<boolean>`exists (select 1 from ${orderRefunds} where ${orderRefunds.orderId} = ${orderReturns.orderId})`,
    })
    .from(orderReturns)
    .leftJoin(users, eq(users.id, orderReturns.decidedById))
    .where(eq(orderReturns.orderId, orderId))
    .orderBy(desc(orderReturns.requestedAt))
    .limit(1);
  return row ?? null;
}

function toView(row: NonNullable<Awaited<ReturnType<typeof latestReturnOf>>>, console: boolean): ReturnView {
  const { ret } = row;
  return {
    id: ret.id,
    stage: returnStage({ status: ret.status, receivedAt: ret.receivedAt, refunded: row.refunded }),
    reasonLabel: returnReasonLabel(ret.reason),
    note: ret.note,
    requestedAt: ret.requestedAt.toISOString(),
    decidedAt: ret.decidedAt?.toISOString() ?? null,
    decidedBy: console ? row.decidedBy : null,
    refusalReason: ret.refusalReason,
    receivedAt: ret.receivedAt?.toISOString() ?? null,
    commands: console ? nextReturnCommands(ret) : [],
  };
}

/** What the owner's order page shows: the latest return, and whether (until when) a new one may be asked. */
export interface ReturnPanel {
  latest: ReturnView | null;
  /** Open: the window's end (ISO). Closed: why, unless the order simply hasn't shipped or isn't paid. */
  eligibility: { open: true; until: string } | { open: false; failure: Failure<ReturnRefusalCode> };
}

export async function getReturnPanelForUser(
  db: Db,
  { orderId, userId, now }: { orderId: string; userId: string; now: Date },
): Promise<ReturnPanel | null> {
  const order = await readOwnOrder(db, { orderId, userId });
  if (!order) return null;
  const latest = await latestReturnOf(db, orderId);
  const eligible = checkReturnEligibility({ ...order, latest: latest?.ret ?? null, now });
  return {
    latest: latest ? toView(latest, false) : null,
    eligibility: eligible.ok
      ? { open: true, until: eligible.window.until.toISOString() }
      : { open: false, failure: eligible },
  };
}

/** The latest return of an order, as the console shows it (with who decided and what can be done next). */
export async function getReturnForConsole(
  db: Db,
  { orderId }: { orderId: string },
): Promise<ReturnView | null> {
  if (!isUuid(orderId)) return null;
  const row = await latestReturnOf(db, orderId);
  return row ? toView(row, true) : null;
}
