"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { env } from "@/lib/env";
import { serialIdField, uuidField } from "@/lib/ids";
import { ok } from "@/lib/result";
import { countSalePress } from "@/lib/sales/press-counts";
import { registerForSale } from "@/lib/sales/registration";
import { checkRequestRateLimit } from "@/lib/sales/request-rate-limit";
import { reserveSaleUnit } from "@/lib/sales/reserve";

const saleId = uuidField("That sale does not exist.");
const strict = { error: "Unexpected field in the form." };

/** Registers the signed-in fan for a sale (once; a second press is fine). */
export const registerForSaleAction = defineAction({
  name: "registerForSale",
  caller: "user",
  callerMessage: "Sign in to register for this sale.",
  input: z.strictObject({ saleId }, strict),
  refresh: true,
  run: async ({ input, caller, db, now }) => {
    const limited = await checkRequestRateLimit({ action: "register", userId: caller.id, now });
    if (!limited.ok) return limited;
    const result = await registerForSale(db, {
      saleId: input.saleId,
      userId: caller.id,
      now,
      timeZone: env.STORE_TIMEZONE,
    });
    if (!result.ok) return result;
    return ok({
      message: result.draw
        ? result.alreadyRegistered
          ? "You've already entered this draw."
          : "You're entered. We'll mail you the result of the draw."
        : result.alreadyRegistered
          ? "You're already registered."
          : "You're registered. See you at the start!",
    });
  },
});

/**
 * Buy now: reserves one unit in one statement (never waiting on Stripe), puts the fan in the checkout line and
 * sends them to their place in it. A double click or retry with the same request key returns the same hold.
 */
export const reserveSaleUnitAction = defineAction({
  name: "reserveSaleUnit",
  caller: "user",
  callerMessage: "Sign in to buy in this sale.",
  input: z.strictObject(
    {
      saleId,
      skuId: serialIdField("Choose an option."),
      requestKey: z.string().min(8).max(64).optional(),
    },
    strict,
  ),
  run: async ({ input, caller, db, now }) => {
    const limited = await checkRequestRateLimit({ action: "reserve", userId: caller.id, now });
    countSalePress({ saleId: input.saleId, refused: !limited.ok });
    if (!limited.ok) return limited;
    const result = await reserveSaleUnit(db, {
      ...input,
      userId: caller.id,
      now,
      holdMinutes: env.HOLD_MINUTES,
      timeZone: env.STORE_TIMEZONE,
      queueForCheckout: true,
    });
    return result.ok ? ok({ holdId: result.hold.holdId }) : result;
  },
  redirectTo: (out) => `/sales/holds/${out.holdId}`,
});
