"use client";

import { useActionState, useState } from "react";
import type { ActionState, FormAction } from "@/lib/action";
import { buttonStyles, FormMessage } from "./ui";

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
      <button type="submit" className={buttonStyles[variant]} disabled={pending} aria-disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
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
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="saleId" value={saleId} />
      <p className="text-sm text-ink-600">
        Stops registrations and reservations at once. Units already reserved can still be paid for. This can't
        be undone.
      </p>
      {confirming ? (
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonStyles.danger} disabled={pending} aria-disabled={pending}>
            {pending ? "Ending…" : `Yes, end “${saleName}” now`}
          </button>
          <button type="button" className={buttonStyles.secondary} onClick={() => setConfirming(false)}>
            Keep it running
          </button>
        </div>
      ) : (
        <button type="button" className={buttonStyles.danger} onClick={() => setConfirming(true)}>
          End sale now…
        </button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
