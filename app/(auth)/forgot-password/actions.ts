"use server";

import { defineAction } from "@/lib/action";
import { forgotPasswordSchema, requestPasswordReset } from "@/lib/auth/password-reset";
import { getClientIp, getOrigin } from "@/lib/http";
import { getRateLimiter } from "@/lib/rate-limit/limiter";

/** Asks for a reset link: the same answer for every email (lib/auth/password-reset.ts), throttled. */
export const requestPasswordResetAction = defineAction({
  name: "requestPasswordReset",
  caller: "guest",
  input: forgotPasswordSchema,
  echoValues: true,
  run: async ({ input, db, now }) =>
    requestPasswordReset(db, getRateLimiter(), {
      email: input.email,
      ip: await getClientIp(),
      origin: await getOrigin(),
      now,
    }),
});
