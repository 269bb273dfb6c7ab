"use client";

import { useActionState } from "react";
import { InputField } from "@/components/ui/field";
import { SubmitRow, useEchoedForm } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

/**
 * Adds points to one fan or takes some away, with a reason. Carries the balance the page showed (refused if it
 * changed meanwhile) and a one-time key (a double submit moves the balance once). The page redraws with the new
 * balance, and a fresh key, after each success.
 */
export function AdjustPointsForm<T extends { message: string }>({
  action,
  email,
  balance,
  requestKey,
}: {
  action: FormAction<T>;
  email: string;
  balance: number;
  requestKey: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, { amount: "", reason: "" });
  return (
    <form
      {...formProps(formAction)}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      data-testid="adjust-points-form"
    >
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="expectedBalance" value={balance} />
      <input type="hidden" name="requestKey" value={state?.nextRequestKey ?? requestKey} />
      <InputField
        label="Points"
        {...field("amount")}
        type="number"
        inputMode="numeric"
        hint="200 adds points; -200 takes them away."
      />
      <InputField
        label="Reason"
        {...field("reason")}
        maxLength={200}
        hint="The fan reads it in their history."
      />
      <SubmitRow
        state={state}
        pending={pending}
        pendingLabel="Saving…"
        size="console"
        className="sm:col-span-2"
      >
        Adjust points
      </SubmitRow>
    </form>
  );
}
