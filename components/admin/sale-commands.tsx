"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { ConfirmForm } from "./confirm-submit";

/** One button that runs one command on a sale (schedule a draft, feature it), with its result announced. */
export function SaleCommandForm<T extends { message: string }>({
  action,
  saleId,
  label,
  pendingLabel,
  variant = "secondary",
  description,
}: {
  action: FormAction<T>;
  saleId: string;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
  description?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="saleId" value={saleId} />
      {description ? <p className="text-sm text-ink-600">{description}</p> : null}
      <Button type="submit" variant={variant} size="console" pending={pending} pendingLabel={pendingLabel}>
        {label}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** Ending a sale is final, so it asks once more before it sends. */
export function EndSaleForm<T extends { message: string }>({
  action,
  saleId,
  saleName,
}: {
  action: FormAction<T>;
  saleId: string;
  saleName: string;
}) {
  return (
    <ConfirmForm
      action={action}
      hidden={{ saleId }}
      ask="End sale now…"
      confirm={`Yes, end “${saleName}” now`}
      cancel="Keep it running"
      pendingLabel="Ending…"
    >
      <p className="text-sm text-ink-600">
        Stops registrations and reservations at once. Units already reserved can still be paid for. This can't
        be undone.
      </p>
    </ConfirmForm>
  );
}
