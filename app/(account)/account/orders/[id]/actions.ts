"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { cancelPendingOrder } from "@/lib/checkout/cancel-order";
import { getStripe } from "@/lib/payments/stripe";
import { requestReturn } from "@/lib/returns/commands";

/** The owner cancels their pending order (the order id is checked against the caller's own orders in lib). */
export const cancelOrderAction = defineAction({
  name: "cancelOrder",
  caller: "user",
  input: z.object({ orderId: z.string().trim().max(64).default("") }),
  run: ({ input, caller, db, now }) =>
    cancelPendingOrder({ db, stripe: getStripe() }, { orderId: input.orderId, userId: caller.id, now }),
  // The page changes under the form (no cancel section once cancelled), so it says so after a redirect.
  redirectTo: (out) => `/account/orders/${out.orderId}?cancelled=1`,
});

/** The owner asks to return a delivered order (ownership, window and reason are checked in lib). */
export const requestReturnAction = defineAction({
  name: "requestReturn",
  caller: "user",
  input: z.object({
    orderId: z.string().trim().max(64).default(""),
    reason: z.string().max(64).default(""),
    // Bounded by the form reader; the rule says what is wrong with a long one.
    note: z.string().default(""),
  }),
  run: ({ input, caller, db, now }) => requestReturn(db, { ...input, userId: caller.id, now }),
  refresh: true,
  echoValues: true,
});
