"use client";

import { useActionState } from "react";
import { LinkRefused } from "@/components/auth/reset-password-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { FormAction } from "@/lib/action";

export function ConfirmEmailForm({
  token,
  currentEmail,
  newEmail,
  confirm,
}: {
  token: string;
  currentEmail: string;
  newEmail: string;
  confirm: FormAction;
}) {
  const [state, formAction, pending] = useActionState(confirm, null);
  if (state && !state.ok && state.code !== "internal") {
    return (
      <LinkRefused message={state.message} again={{ href: "/account/settings", label: "Go to settings" }} />
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-ink-700">
        Sign in with <strong className="break-all">{newEmail}</strong> instead of{" "}
        <span className="break-all">{currentEmail}</span> from now on? We'll tell the old address.
      </p>
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Confirming…">
        Use {newEmail.length > 40 ? "this email" : newEmail}
      </Button>
    </form>
  );
}
