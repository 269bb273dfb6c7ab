"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { expireSession } from "@/lib/checkout/checkout";
import { serialIdField, uuidField } from "@/lib/ids";
import { getStripe } from "@/lib/payments/stripe";
import { ok } from "@/lib/result";
import { checkRequestRateLimit } from "@/lib/sales/request-rate-limit";
import { joinWaitlist, leaveWaitlist } from "@/lib/sales/waitlist";

/** Joins the sold-out sale's waitlist for one version (once per fan and sale). */
export const joinWaitlistAction = defineAction({
  name: "joinWaitlist",
  caller: "user",
  callerMessage: "Sign in to join the waitlist.",
  input: z.strictObject(
    {
      saleId: uuidField("That sale does not exist."),
      skuId: serialIdField("Choose a version."),
      slug: z.string().min(1).max(200),
    },
    { error: "Unexpected field in the form." },
  ),
  run: async ({ input, caller, db, now }) => {
    const limited = await checkRequestRateLimit({ action: "register", userId: caller.id, now });
    if (!limited.ok) return limited;
    const result = await joinWaitlist(db, {
      saleId: input.saleId,
      skuId: input.skuId,
      userId: caller.id,
      now,
    });
    return result.ok ? ok({ entryId: result.entryId }) : result;
  },
  refresh: true,
});

/**
 * Leaves the sale's waitlist; a unit held for the fan goes at once to the next fan in line (lib/sales/waitlist).
 * A Checkout Session they had started for it is expired afterwards, so it can no longer be paid.
 */
export const leaveWaitlistAction = defineAction({
  name: "leaveWaitlist",
  caller: "user",
  callerMessage: "Sign in to leave the waitlist.",
  input: z.strictObject(
    {
      saleId: uuidField("That sale does not exist."),
      slug: z.string().min(1).max(200),
    },
    { error: "Unexpected field in the form." },
  ),
  run: async ({ input, caller, db, now }) => {
    const result = await leaveWaitlist(db, { saleId: input.saleId, userId: caller.id, now });
    if (!result.ok) return result;
    if (result.stripeSessionId) await expireSession({ stripe: getStripe() }, result.stripeSessionId);
    return ok({ message: result.message, passedOn: result.releasedHoldId !== null });
  },
  // The page changes under the form (no place in line any more), so it says what happened after a redirect.
  redirectTo: (out, input) =>
    `/sales/${encodeURIComponent(input.slug)}/waitlist?left=${out.passedOn ? "passed" : "1"}`,
});
