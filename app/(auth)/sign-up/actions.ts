"use server";

import { type LegacyActionState as ActionState, legacyUnexpected, parseForm } from "@/lib/action";
import { createUser, signUpSchema } from "@/lib/auth/users";
import { getDb } from "@/lib/db";

export type SignUpState = ActionState<{ email: string }>;

/** Creates a shopper account. The password is never returned; the form signs in with what the user typed. */
export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed;
  try {
    const result = await createUser(await getDb(), parsed.data);
    if (!result.ok) {
      return {
        ok: false,
        error: "Please check the highlighted fields.",
        fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      };
    }
    return { ok: true, email: result.user.email };
  } catch (error) {
    return legacyUnexpected(error, "signUp");
  }
}
