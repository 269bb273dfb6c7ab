"use server";

import { z } from "zod";
import { actionsFor } from "@/lib/action";
import {
  changeEmailSchema,
  changePassword,
  changePasswordSchema,
  confirmEmailChange,
  profileSchema,
  requestEmailChange,
  updateProfile,
} from "@/lib/auth/account-settings";
import { renewSession } from "@/lib/auth/session";
import { getClientIp, getOrigin } from "@/lib/http";
import { getRateLimiter } from "@/lib/rate-limit/limiter";

/*
 * Account settings: the signed-in account only (caller "account": re-read from the database, so a session that a
 * password change ended cannot change anything), its id from the session, never from the form. After a change the
 * caller's own session cookie is written afresh (new name or email, and still signed in after a password change).
 */

const SIGN_IN = "/sign-in?callbackUrl=/account/settings";

/** Who is asking, with the password they typed as proof, from where (the sign-in throttle counts wrong ones). */
const passwordCheck = async (userId: string, currentPassword: string, now: Date) => ({
  userId,
  currentPassword,
  ip: await getClientIp(),
  now,
});

const accountAction = actionsFor({ caller: "account", signInTo: SIGN_IN });

export const updateProfileAction = accountAction({
  name: "updateProfile",
  input: profileSchema,
  echoValues: true,
  refresh: true,
  run: async ({ input, caller, db }) => {
    const result = await updateProfile(db, { userId: caller.id, name: input.name });
    if (result.ok) await renewSession({ ...caller, name: result.name });
    return result;
  },
});

export const changePasswordAction = accountAction({
  name: "changePassword",
  input: changePasswordSchema,
  run: async ({ input, caller, db, now }) => {
    const result = await changePassword(db, getRateLimiter(), {
      ...(await passwordCheck(caller.id, input.currentPassword, now)),
      newPassword: input.newPassword,
    });
    if (result.ok) await renewSession(caller);
    return result;
  },
});

export const requestEmailChangeAction = accountAction({
  name: "requestEmailChange",
  input: changeEmailSchema,
  echoValues: true,
  run: async ({ input, caller, db, now }) =>
    requestEmailChange(db, getRateLimiter(), {
      ...(await passwordCheck(caller.id, input.currentPassword, now)),
      email: input.email,
      origin: await getOrigin(),
    }),
});

export const confirmEmailChangeAction = accountAction({
  name: "confirmEmailChange",
  input: z.strictObject({ token: z.string().max(200) }),
  run: async ({ input, caller, db, now }) => {
    const result = await confirmEmailChange(db, { token: input.token, userId: caller.id, now });
    if (result.ok) await renewSession({ ...caller, email: result.email });
    return result;
  },
  redirectTo: () => "/account/settings?notice=email-changed",
});
