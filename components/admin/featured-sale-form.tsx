"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

/** Picks the featured sale: the homepage prefers it on days the schedule leaves open. */
export function FeaturedSaleForm<T extends { message: string }>({
  action,
  sales,
  currentId,
}: {
  action: FormAction<T>;
  sales: { id: string; name: string; when: string }[];
  currentId: string | null;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <SelectField
        label="Featured sale"
        name="saleId"
        defaultValue={currentId ?? ""}
        errors={errors?.saleId}
        hint="On a day without a schedule entry the homepage shows the running sale, else the next one; the featured sale comes first."
      >
        <option value="">No featured sale</option>
        {sales.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} · {s.when}
          </option>
        ))}
      </SelectField>
      <SubmitRow state={state} pending={pending} pendingLabel="Saving…" size="console">
        Save featured sale
      </SubmitRow>
    </form>
  );
}
