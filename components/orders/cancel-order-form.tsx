"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

/** The owner cancels a pending order: the first press asks, the second sends. */
export function CancelOrderForm<T extends { message: string }>({
  action,
  orderId,
}: {
  action: FormAction<T>;
  orderId: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" variant="danger" size="sm" pending={pending} pendingLabel="Cancelling…">
            Yes, cancel this order
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
          Cancel order…
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
