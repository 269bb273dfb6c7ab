"use client";

import { useActionState } from "react";
import { type CartActionState, startCheckoutAction } from "@/app/(shop)/cart/actions";
import { Button } from "@/components/ui/button";

export function CheckoutButton({ disabled }: { disabled: boolean }) {
  const [state, action, pending] = useActionState<CartActionState, FormData>(startCheckoutAction, null);
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
        {state && !state.ok ? state.error : null}
      </p>
    </form>
  );
}
