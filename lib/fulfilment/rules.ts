import type { FulfilmentStatus, OrderStatus } from "@/db/schema";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { type CarrierCode, carrierName } from "./carriers";

/*
 * An order's life after payment: paid → packed → shipped (carrier + tracking number) → delivered. One pure
 * function decides every step from what the order is now, so the rules are tested without a database; the
 * commands (./commands.ts) read the state, ask `planTransition`, and write with a compare-and-set on the step
 * it was planned from.
 */

/** Where the parcel is: `unfulfilled` is a paid order nobody has packed yet (it has no fulfilment row). */
export type FulfilmentStep = "unfulfilled" | FulfilmentStatus;
export const FULFILMENT_STEPS: readonly FulfilmentStep[] = ["unfulfilled", "packed", "shipped", "delivered"];

export interface FulfilmentState {
  payment: OrderStatus;
  step: FulfilmentStep;
  carrier: string | null;
  trackingNumber: string | null;
}

export type FulfilmentCommand =
  | { type: "pack" }
  | { type: "ship"; carrier: CarrierCode; trackingNumber: string }
  | { type: "deliver" };

/** Refusals about the money: packing and shipping need a paid order. */
export type PaymentRefusalCode = "not_paid" | "order_closed" | "refunded";
/** Refusals about the order of the steps. */
export type StepRefusalCode = "not_packed" | "not_shipped" | "already_shipped" | "already_delivered";
export type TransitionCode = PaymentRefusalCode | StepRefusalCode;

/** A step to take (`changed`), or the same step already taken (a double click, a re-upload): nothing to write. */
export type Transition =
  | { changed: true; from: FulfilmentStep; to: FulfilmentStatus }
  | { changed: false; step: FulfilmentStep };

const TARGET: Record<FulfilmentCommand["type"], FulfilmentStatus> = {
  pack: "packed",
  ship: "shipped",
  deliver: "delivered",
};

const rank = (step: FulfilmentStep) => FULFILMENT_STEPS.indexOf(step);

export function describeShipment(carrier: string | null, trackingNumber: string | null): string {
  return `${carrierName(carrier)} ${trackingNumber ?? ""}`.trim();
}

/**
 * Why an order's payment stops an after-payment step (packing, shipping, a return), in that step's own words;
 * null when it is paid. Shared by fulfilment and returns so both read the payment the same way.
 */
export function paymentRefusal(
  payment: OrderStatus,
  words: { pending: string; refunded: string; closed: (status: OrderStatus) => string },
): Failure<"not_paid" | "refunded" | "order_closed"> | null {
  if (payment === "paid") return null;
  if (payment === "pending") return fail("not_paid", words.pending);
  if (payment === "refunded") return fail("refunded", words.refunded);
  return fail("order_closed", words.closed(payment));
}

const SHIPPING_PAYMENT_WORDS = {
  pending: "This order hasn't been paid yet, so it can't be packed or shipped. Wait until it shows as paid.",
  refunded: "This order was refunded. Don't send it; put the units back on the shelf.",
  closed: (status: OrderStatus) => `This order was ${status} without payment; there is nothing to send.`,
};

/** Asking for a step the order has gone past. */
function pastRefusal(state: FulfilmentState): Result<never, TransitionCode> {
  const shipment = describeShipment(state.carrier, state.trackingNumber);
  return state.step === "delivered"
    ? fail("already_delivered", `This order was already delivered (${shipment}). Nothing changed.`)
    : fail("already_shipped", `This order has already shipped with ${shipment}. Nothing changed.`);
}

/**
 * What a command does to an order in `state`: the step to take, "already done" for an exact repeat, or a
 * refusal with a sentence a person can act on. Shipping again with the same carrier and number is a repeat;
 * with different ones it is refused (correcting a tracking number is not a step of this flow).
 */
export function planTransition(
  state: FulfilmentState,
  command: FulfilmentCommand,
): Result<{ transition: Transition }, TransitionCode> {
  const to = TARGET[command.type];
  const same = () => ok({ transition: { changed: false, step: state.step } as Transition });
  const step = () => ok({ transition: { changed: true, from: state.step, to } as Transition });

  if (command.type === "deliver") {
    if (state.step === "delivered") return same();
    if (state.step === "shipped") return step();
    return fail(
      "not_shipped",
      "This order hasn't shipped yet. Mark it shipped with its carrier and tracking number first.",
    );
  }
  if (command.type === "ship" && rank(state.step) >= rank("shipped")) {
    const repeat = state.carrier === command.carrier && state.trackingNumber === command.trackingNumber;
    return repeat ? same() : pastRefusal(state);
  }
  if (command.type === "pack" && rank(state.step) >= rank("shipped")) return pastRefusal(state);
  const refused = paymentRefusal(state.payment, SHIPPING_PAYMENT_WORDS);
  if (refused) return refused;
  if (command.type === "pack") return state.step === "packed" ? same() : step();
  if (state.step === "unfulfilled") {
    return fail("not_packed", "This order hasn't been packed yet. Mark it packed, then ship it.");
  }
  return step();
}
