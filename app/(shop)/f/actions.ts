"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { env } from "@/lib/env";
import { redeemFcode } from "@/lib/fcodes/commands";
import { getClientIp } from "@/lib/http";
import { getRateLimiter } from "@/lib/rate-limit/limiter";

/**
 * Redeems an F-code for the signed-in fan (lib/fcodes): one unit held from the code's quota and a place in the
 * checkout line, then on to the same hold page every sale unit is paid from. Wrong codes are throttled per account
 * and per address.
 */
export const redeemFcodeAction = defineAction({
  name: "redeemFcode",
  caller: "user",
  callerMessage: "Sign in to use this F-code: the first account to redeem it owns it.",
  input: z.strictObject({
    code: z.string().trim().min(1, { error: "Enter your F-code." }).max(40),
    skuId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  }),
  run: async ({ input, caller, db, now }) =>
    redeemFcode(db, getRateLimiter(), {
      code: input.code,
      userId: caller.id,
      ip: await getClientIp(),
      now,
      holdMinutes: env.HOLD_MINUTES,
      skuId: input.skuId,
    }),
  redirectTo: (out) => `/sales/holds/${out.holdId}`,
});
