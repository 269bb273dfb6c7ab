"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

/** One button: redeem this code (and version) for the signed-in fan; the server says why when it can't. */
export function RedeemFcodeForm<T extends object>({
  action,
  code,
  skuId,
  label,
}: {
  action: FormAction<T>;
  code: string;
  skuId: number;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  return (
    <form action={formAction} className="space-y-2" data-testid="redeem-fcode-form">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="skuId" value={skuId} />
      <Button type="submit" variant="primary" size="lg" pending={pending} pendingLabel="Reserving your unit…">
        {label}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
