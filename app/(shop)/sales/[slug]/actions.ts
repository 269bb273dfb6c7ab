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
import { changeSaleVersion } from "@/lib/sales/version-choice";

const saleId = uuidField("That sale does not exist.");
const strict = { error: "Unexpected field in the form." };
const version = serialIdField("Choose one of the versions shown.");

/**
 * Registers the signed-in fan for a sale (once; a second press is fine), with the version they chose if they
 * chose one (`skuId`, one of the sale's: lib/sales/version-choice.ts).
 */
export const registerForSaleAction = defineAction({
  name: "registerForSale",
  caller: "user",
  callerMessage: "Sign in to register for this sale.",
  input: z.strictObject({ saleId, skuId: version.optional() }, strict),
  refresh: true,
  run: async ({ input, caller, db, now }) => {
    const limited = await checkRequestRateLimit({ action: "register", userId: caller.id, now });
    if (!limited.ok) return limited;
    const result = await registerForSale(db, {
      saleId: input.saleId,
      userId: caller.id,
      now,
      timeZone: env.STORE_TIMEZONE,
      skuId: input.skuId ?? null,
    });
    if (!result.ok) return result;
    return ok({
      message: result.draw
        ? result.alreadyRegistered
          ? "You've already entered this draw."
          : "You're entered. We'll mail you the result of the draw."
        : result.alreadyRegistered
          ? result.skuId
            ? "You're already registered. Your version is saved."
            : "You're already registered."
          : "You're registered. See you at the start!",
    });
  },
});

/** A registered fan changes the version they will buy at the start (until the start; then at Buy now). */
export const changeSaleVersionAction = defineAction({
  name: "changeSaleVersion",
  caller: "user",
  callerMessage: "Sign in to choose your version.",
  input: z.strictObject({ saleId, skuId: version }, strict),
  run: async ({ input, caller, db, now }) => {
    const limited = await checkRequestRateLimit({ action: "register", userId: caller.id, now });
    if (!limited.ok) return limited;
    const result = await changeSaleVersion(db, { ...input, userId: caller.id, now });
    return result.ok ? ok({ message: "Saved. That's the version you'll buy at the start." }) : result;
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
