"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { useVisitorRefreshingAction } from "@/components/visitor/visitor-provider";
import type { FormAction } from "@/lib/action";
import { MAX_LINE_QUANTITY } from "@/lib/limits";

export function CartLineControls({
  skuId,
  quantity,
  max,
  label,
  setQuantity,
  remove,
}: {
  skuId: number;
  quantity: number;
  max: number;
  label: string;
  setQuantity: FormAction<{ message: string }>;
  remove: FormAction<{ message: string }>;
}) {
  const [setState, setAction, setPending] = useActionState(useVisitorRefreshingAction(setQuantity), null);
  const [removeState, removeAction, removePending] = useActionState(useVisitorRefreshingAction(remove), null);
  const error =
    (setState && !setState.ok ? (setState.fieldErrors?.quantity?.[0] ?? setState.message) : null) ??
    (removeState && !removeState.ok ? removeState.message : null);
  const inputId = `qty-${skuId}`;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <form action={setAction} className="flex items-center gap-2">
          <input type="hidden" name="skuId" value={skuId} />
          <label htmlFor={inputId} className="sr-only">
            Quantity of {label}
          </label>
          <input
            id={inputId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, Math.min(max, MAX_LINE_QUANTITY))}
            defaultValue={quantity}
            key={quantity}
            className="w-16 rounded-lg border border-ink-300 px-2 py-1 text-center"
          />
          <Button
            type="submit"
            variant="secondary"
            size="xs"
            pending={setPending}
            pendingLabel="Saving…"
            aria-label={`Update quantity of ${label}`}
          >
            Update
          </Button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="skuId" value={skuId} />
          <Button
            type="submit"
            variant="quiet"
            size="xs"
            pending={removePending}
            aria-label={`Remove ${label}`}
          >
            Remove
          </Button>
        </form>
      </div>
      <p aria-live="polite" className="min-h-4 text-xs text-accent-700">
        {error}
      </p>
    </div>
  );
}
