"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import { TextLink } from "@/components/ui/text-link";
import type { FormAction } from "@/lib/action";

export function ForgotPasswordForm({
  requestReset,
  email,
}: {
  requestReset: FormAction<{ message: string }>;
  email: string;
}) {
  const [state, formAction, pending] = useActionState(requestReset, null);
  const { field, formProps } = useEchoedForm(state, { email });
  return (
    <form {...formProps(formAction)} className="space-y-4">
      <InputField label="Email" type="email" autoComplete="email" required {...field("email")} />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Sending…" className="w-full">
        Send reset link
      </Button>
      <p className="text-center text-sm text-ink-600">
        Remembered it? <TextLink href="/sign-in">Sign in instead</TextLink>
      </p>
    </form>
  );
}
