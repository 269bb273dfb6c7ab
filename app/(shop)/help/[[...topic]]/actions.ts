"use server";

import { anyFormFields, defineAction } from "@/lib/action";
import { sendContactMessage } from "@/lib/contact/messages";
import { getClientIp } from "@/lib/http";
import { getRateLimiter } from "@/lib/rate-limit/limiter";

/**
 * The contact form (anyone, signed in or not; lib/contact/messages.ts validates, throttles per address and per
 * email, and writes once per form). A signed-in sender's account is kept with the message. On a refusal the form
 * keeps what was typed.
 */
export const sendContactMessageAction = defineAction({
  name: "sendContactMessage",
  caller: "guest",
  input: anyFormFields,
  echoValues: true,
  run: async ({ input, caller, db, now }) =>
    sendContactMessage(db, getRateLimiter(), {
      raw: input,
      userId: caller?.id ?? null,
      ip: await getClientIp(),
      now,
    }),
});
