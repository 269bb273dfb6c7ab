"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/action";

export function CheckoutButton({
  disabled,
  startCheckout,
}: {
  disabled: boolean;
  startCheckout: FormAction<{ url: string }>;
}) {
  const [state, action, pending] = useActionState(startCheckout, null);
  return (
    <form action={action} className="mt-5">
      <Button
        type="submit"
        size="lg"
        disabled={disabled}
        pending={pending}
        pendingLabel="Holding your items…"
        className="w-full"
      >
        Checkout
      </Button>
      <p aria-live="polite" role="status" className="mt-2 min-h-5 text-sm text-accent-700">
        {state && !state.ok ? state.message : null}
      </p>
    </form>
  );
}
