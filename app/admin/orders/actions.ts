"use server";

import { z } from "zod";
import { actionsFor } from "@/lib/action";
import { deliverOrder, packOrder, shipOrder } from "@/lib/fulfilment/commands";
import { shipFromCsv } from "@/lib/fulfilment/upload";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/limits";
import { getStripe } from "@/lib/payments/stripe";
import { approveReturn, receiveReturn, refuseReturn } from "@/lib/returns/commands";

/*
 * The console's fulfilment commands, as declarations: marketers only, the lib/fulfilment command (which checks
 * the step, writes it with a compare-and-set and records the audit entry in one transaction) as the work. Orders
 * are per-buyer pages, never cached, so there are no tags; the page re-renders after a step.
 */

/** Ids and tracking numbers are checked by the commands (a typed refusal, never a 500); here only bounded. */
const orderForm = z.object({ orderId: z.string().trim().max(64).default("") });

const marketerAction = actionsFor({ caller: "marketer" });

/** A step that needs nothing but the order: packed, delivered. */
const stepAction = (name: string, step: typeof packOrder) =>
  marketerAction({
    name,
    input: orderForm,
    run: ({ input, caller, db, now }) => step(db, { actor: caller, orderId: input.orderId, now }),
    refresh: true,
  });

export const packOrderAction = stepAction("packOrder", packOrder);
export const deliverOrderAction = stepAction("deliverOrder", deliverOrder);

export const shipOrderAction = marketerAction({
  name: "shipOrder",
  input: orderForm.extend({
    carrier: z.string().trim().max(64).default(""),
    // Bounded by the form reader (MAX_FORM_VALUE_LENGTH); the command says what is wrong with a long one.
    trackingNumber: z.string().default(""),
  }),
  run: ({ input, caller, db, now }) => shipOrder(db, { actor: caller, ...input, now }),
  refresh: true,
  echoValues: true,
});

/** A carrier's manifest, as the browser read it from the chosen file (or as pasted). */
const manifestForm = z.object({ csv: z.string().default("") });

export const uploadShipmentsAction = marketerAction({
  name: "uploadShipments",
  // Anything Next lets through (the body limit) reaches shipFromCsv, which answers with the file's size and its
  // own, smaller limit (SHIPMENT_CSV_LIMITS.maxBytes) instead of the form reader's generic refusal.
  maxValueLength: SERVER_ACTION_BODY_LIMIT_BYTES,
  input: manifestForm,
  run: ({ input, caller, db, now }) => shipFromCsv(db, { actor: caller, text: input.csv, now }),
});

/** A return, by its id (checked by the commands: a typed refusal for an unknown one). */
const returnForm = z.object({ returnId: z.string().trim().max(64).default("") });

/** Approves a return and refunds the order through the checkout's idempotent refund. */
export const approveReturnAction = marketerAction({
  name: "approveReturn",
  input: returnForm,
  run: ({ input, caller, db, now }) =>
    approveReturn({ db, stripe: getStripe() }, { actor: caller, returnId: input.returnId, now }),
  refresh: true,
});

export const refuseReturnAction = marketerAction({
  name: "refuseReturn",
  input: returnForm.extend({ refusalReason: z.string().default("") }),
  run: ({ input, caller, db, now }) => refuseReturn(db, { actor: caller, ...input, now }),
  refresh: true,
  echoValues: true,
});

export const receiveReturnAction = marketerAction({
  name: "receiveReturn",
  input: returnForm,
  run: ({ input, caller, db, now }) => receiveReturn(db, { actor: caller, returnId: input.returnId, now }),
  refresh: true,
});
