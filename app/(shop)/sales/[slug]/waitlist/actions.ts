"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { serialIdField, uuidField } from "@/lib/ids";
import { ok } from "@/lib/result";
import { checkRequestRateLimit } from "@/lib/sales/request-rate-limit";
import { joinWaitlist } from "@/lib/sales/waitlist";

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
