"use server";

import { defineAction } from "@/lib/action";
import { signUp, signUpSchema } from "@/lib/auth/users";
import { getClientIp } from "@/lib/http";
import { getRateLimiter } from "@/lib/rate-limit/limiter";

/**
 * Creates a shopper account (throttled per address). The answer is the same for an email that already has an
 * account (lib/auth/users.ts signUp); the form signs in with what the user typed. The password is never returned.
 */
export const signUpAction = defineAction({
  name: "signUp",
  caller: "guest",
  input: signUpSchema,
  echoValues: true,
  run: async ({ input, db, now }) => signUp(db, getRateLimiter(), { input, ip: await getClientIp(), now }),
});
