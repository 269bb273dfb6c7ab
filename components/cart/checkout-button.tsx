"use client";

import { useActionState } from "react";
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
      <button
        type="submit"
        disabled={disabled || pending}
        className="w-full rounded-full bg-accent-600 py-3 font-semibold text-white hover:bg-accent-700 disabled:opacity-60"
      >
        {pending ? "Holding your items…" : "Checkout"}
      </button>
      <p aria-live="polite" role="status" className="mt-2 min-h-5 text-sm text-accent-700">
        {state && !state.ok ? state.message : null}
      </p>
    </form>
  );
}
