"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { MAX_RETURN_NOTE_LENGTH } from "@/lib/limits";
import { RETURN_REASON_OPTIONS } from "@/lib/returns/rules";

/** The owner asks to return the whole order: a reason from the list and, optionally, a few words. */
export function ReturnRequestForm<T extends { message: string }>({
  action,
  orderId,
}: {
  action: FormAction<T>;
  orderId: string;
}) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, { reason: "", note: "" });
  return (
    <form {...formProps(dispatch)} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <SelectField label="Reason" required {...field("reason")} options={RETURN_REASON_OPTIONS}>
        <option value="">Choose a reason…</option>
      </SelectField>
      <TextAreaField
        label="Anything we should know? (optional)"
        rows={3}
        maxLength={MAX_RETURN_NOTE_LENGTH}
        hint={`Up to ${MAX_RETURN_NOTE_LENGTH} characters. Needed if you chose “Something else”.`}
        {...field("note")}
      />
      <Button type="submit" pending={pending} pendingLabel="Sending…">
        Request a return
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
