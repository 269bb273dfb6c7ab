"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/action";

/** One small command on one address (make default, remove), with its refusal read out beside it. */
export function AddressCommand({
  action,
  addressId,
  label,
  pendingLabel,
  variant = "quiet",
}: {
  action: FormAction<{ message: string }>;
  addressId: string;
  label: string;
  pendingLabel: string;
  variant?: "quiet" | "danger";
}) {
  const [state, formAction, pending] = useActionState<ActionState<{ message: string }>, FormData>(
    action,
    null,
  );
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="addressId" value={addressId} />
      <Button type="submit" variant={variant} size="xs" pending={pending} pendingLabel={pendingLabel}>
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-accent-700">
        {state && !state.ok ? state.message : null}
      </span>
    </form>
  );
}
