"use server";

import { defineAction } from "@/lib/action";
import { resetPassword, resetPasswordSchema } from "@/lib/auth/password-reset";

/** Sets a new password from a mailed link; the link is used in the same transaction. Passwords are never echoed. */
export const resetPasswordAction = defineAction({
  name: "resetPassword",
  caller: "guest",
  input: resetPasswordSchema,
  run: ({ input, db, now }) => resetPassword(db, { token: input.token, password: input.password, now }),
  redirectTo: () => "/sign-in?notice=password-reset",
});
