"use client";

import { useActionState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import { TextLink } from "@/components/ui/text-link";
import type { FormAction } from "@/lib/action";
import { NewPasswordFields } from "./password-fields";

/** A mailed link that cannot be used (used, expired, replaced, unknown): why, and the way to a new one. */
export function LinkRefused({ message, again }: { message: string; again: { href: string; label: string } }) {
  return (
    <div className="space-y-4" data-testid="link-refused">
      <p role="alert" className="rounded-2xl bg-accent-50 p-4 text-sm text-accent-800">
        {message}
      </p>
      <ButtonLink href={again.href} className="w-full">
        {again.label}
      </ButtonLink>
    </div>
  );
}

const LINK_CODES = new Set(["token_unknown", "token_used", "token_expired", "token_superseded"]);

export function ResetPasswordForm({ token, resetPassword }: { token: string; resetPassword: FormAction }) {
  const [state, formAction, pending] = useActionState(resetPassword, null);
  const refused = state && !state.ok ? state : null;
  if (refused && LINK_CODES.has(refused.code)) {
    return (
      <LinkRefused
        message={refused.message}
        again={{ href: "/forgot-password", label: "Ask for a new link" }}
      />
    );
  }
  const errors = refused?.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields name="password" errors={errors} />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Saving…" className="w-full">
        Set new password
      </Button>
      <p className="text-center text-sm text-ink-600">
        Remembered it after all? <TextLink href="/sign-in">Sign in instead</TextLink>
      </p>
    </form>
  );
}
