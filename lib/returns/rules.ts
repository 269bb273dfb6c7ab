import { z } from "zod";
import type { OrderStatus, ReturnStatus } from "@/db/schema";
import { paymentRefusal } from "@/lib/fulfilment/rules";
import { ASSUMED_DELIVERY_DAYS, MAX_RETURN_NOTE_LENGTH, NO_REASON_RETURN_DAYS } from "@/lib/limits";
import { reasonField } from "@/lib/reason-field";
import { fail, ok, type Result } from "@/lib/result";

/*
 * Returns, as pure rules (tested without a database). A return is of the whole order: a line-by-line return would
 * need partial refunds (an amount and an idempotency key per return instead of per order), a "partly refunded"
 * order state that orders.status does not have, and per-line stock; whole orders cover the 7-day no-reason promise
 * of a store whose orders are mostly one gadget. The commands (./commands.ts) read the state, ask these rules, and
 * write with a compare-and-set on the status they planned from.
 */

/** Why a fan returns an order: each reason's code and the words the form shows, in the form's order. */
export const RETURN_REASONS = {
  changed_mind: "Changed my mind / no longer needed",
  not_as_described: "Not as described",
  damaged: "Arrived damaged",
  defective: "Doesn't work properly",
  wrong_item: "Wrong item or version sent",
  other: "Something else (tell us below)",
} as const;
export type ReturnReason = keyof typeof RETURN_REASONS;
const REASON_CODES = Object.keys(RETURN_REASONS) as [ReturnReason, ...ReturnReason[]];
/** The reasons as a select lists them. */
export const RETURN_REASON_OPTIONS = REASON_CODES.map((code) => ({
  value: code,
  label: RETURN_REASONS[code],
}));

export function returnReasonLabel(code: string): string {
  if (!Object.hasOwn(RETURN_REASONS, code)) return code;
  return RETURN_REASONS[code as ReturnReason].replace(/ \(tell us below\)$/, "");
}

/** What a fan sends: a reason from the list, and a note (required for "something else"). */
export const returnRequestSchema = z
  .object({
    reason: z.enum(REASON_CODES, { error: "Choose a reason from the list." }),
    note: z
      .string()
      .trim()
      .max(MAX_RETURN_NOTE_LENGTH, `Keep the note to ${MAX_RETURN_NOTE_LENGTH} characters or fewer.`)
      .transform((note) => note || null),
  })
  .refine((r) => r.reason !== "other" || r.note !== null, {
    path: ["note"],
    message: "Tell us in a few words why you are returning it.",
  });
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

/** What a marketer sends when turning a return down: the fan reads it, so it is required. */
export const refusalSchema = z.object({
  refusalReason: reasonField("Say why, in a sentence the buyer will read.", MAX_RETURN_NOTE_LENGTH),
});

/** What the refund mail says when the money goes back for a return. */
export const RETURN_REFUND_REASON =
  "We accepted your return, so we refunded the order in full. Please send the parcel back as described in our return mail.";

const DAY_MS = 24 * 60 * 60_000;

export interface ReturnWindow {
  /** When the parcel was delivered, or taken to be (ASSUMED_DELIVERY_DAYS after shipping). */
  from: Date;
  until: Date;
  assumedDelivery: boolean;
}

/**
 * The no-reason window: NO_REASON_RETURN_DAYS × 24 h from delivery. An order the carrier never reported delivered
 * counts as delivered ASSUMED_DELIVERY_DAYS after shipping, so its window still ends. None before shipping.
 */
export function returnWindow({
  shippedAt,
  deliveredAt,
}: {
  shippedAt: Date | null;
  deliveredAt: Date | null;
}): ReturnWindow | null {
  if (!shippedAt && !deliveredAt) return null;
  const assumedDelivery = !deliveredAt;
  const from = deliveredAt ?? new Date((shippedAt as Date).getTime() + ASSUMED_DELIVERY_DAYS * DAY_MS);
  return { from, until: new Date(from.getTime() + NO_REASON_RETURN_DAYS * DAY_MS), assumedDelivery };
}

/** The latest return of an order as the rules need it. */
export interface ReturnFacts {
  status: ReturnStatus;
  receivedAt: Date | null;
}

export interface ReturnEligibilityInput {
  payment: OrderStatus;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  /** The order's latest return, if any (a refused one does not stop a new request). */
  latest: ReturnFacts | null;
  now: Date;
}

export type ReturnRefusalCode =
  | "already_requested"
  | "already_returned"
  | "not_paid"
  | "order_closed"
  | "refunded"
  | "not_shipped"
  | "window_closed";

const RETURN_PAYMENT_WORDS = {
  pending: "This order hasn't been paid, so there is nothing to return. You can cancel it instead.",
  refunded: "This order has already been refunded, so there is nothing to return.",
  closed: (status: OrderStatus) => `This order was ${status} without payment, so there is nothing to return.`,
};

export const ALREADY_REQUESTED = "You've already asked to return this order. We'll answer by mail soon.";

/** Whether the owner may ask to return the order now, and until when; or why not, in a sentence. */
export function checkReturnEligibility(
  input: ReturnEligibilityInput,
): Result<{ window: ReturnWindow }, ReturnRefusalCode> {
  if (input.latest?.status === "requested") return fail("already_requested", ALREADY_REQUESTED);
  if (input.latest?.status === "approved") {
    return fail("already_returned", "This order's return was already approved; the refund is on its way.");
  }
  const refused = paymentRefusal(input.payment, RETURN_PAYMENT_WORDS);
  if (refused) return refused;
  const window = returnWindow(input);
  if (!window) {
    return fail(
      "not_shipped",
      "Returns open once the order has shipped. To stop it before then, write to us from the contact page.",
    );
  }
  if (input.now.getTime() > window.until.getTime()) {
    return fail(
      "window_closed",
      `The ${NO_REASON_RETURN_DAYS}-day return window for this order has closed. A fault is still covered by the warranty: write to us from the contact page.`,
    );
  }
  return ok({ window });
}

/** A return's stage as the fan and the console read it. */
export type ReturnStage = "requested" | "refused" | "approved" | "refunded" | "received";

export const RETURN_STAGE_LABELS: Record<ReturnStage, string> = {
  requested: "Requested",
  refused: "Refused",
  approved: "Approved, refund on its way",
  refunded: "Refunded",
  received: "Received and refunded",
};

/** Approved returns are refunded at once and received later; "received" needs the refund to have gone through. */
export function returnStage({
  status,
  receivedAt,
  refunded,
}: ReturnFacts & { refunded: boolean }): ReturnStage {
  if (status !== "approved") return status;
  if (!refunded) return "approved";
  return receivedAt ? "received" : "refunded";
}

/** What the console may do next with a return. */
export function nextReturnCommands({
  status,
  receivedAt,
}: ReturnFacts): ("approve" | "refuse" | "receive")[] {
  if (status === "requested") return ["approve", "refuse"];
  if (status === "approved" && !receivedAt) return ["receive"];
  return [];
}
