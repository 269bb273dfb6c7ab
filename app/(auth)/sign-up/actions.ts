"use server";

import { defineAction } from "@/lib/action";
import { createUser, signUpSchema } from "@/lib/auth/users";
import { ok } from "@/lib/result";

/** Creates a shopper account. The password is never returned; the form signs in with what the user typed. */
export const signUpAction = defineAction({
  name: "signUp",
  caller: "guest",
  input: signUpSchema,
  echoValues: true,
  run: async ({ input, db }) => {
    const result = await createUser(db, input);
    return result.ok ? ok({ email: result.user.email }) : result;
  },
});
