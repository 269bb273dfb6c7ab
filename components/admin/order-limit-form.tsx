"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/action";
import { MAX_LINE_QUANTITY } from "@/lib/limits";

/**
 * One product's order limit, edited in its table row: the number, Save, and what the server said. The form
 * sends the limit it was drawn with, so a change someone else made meanwhile is refused, not overwritten.
 */
export function OrderLimitForm<T extends { message: string }>({
  action,
  productId,
  productName,
  maxPerOrder,
}: {
  action: FormAction<T>;
  productId: number;
  productName: string;
  maxPerOrder: number;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const inputId = useId();
  const messageId = useId();
  const error = state && !state.ok ? [state.message, ...(state.fieldErrors?.maxPerOrder ?? [])] : null;
  const typed = state && !state.ok ? state.values?.maxPerOrder : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" noValidate>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="from" value={maxPerOrder} />
      <label htmlFor={inputId} className="sr-only">
        Order limit for {productName}
      </label>
      <input
        id={inputId}
        name="maxPerOrder"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_LINE_QUANTITY}
        // A new limit from the server (or a refusal's typed value) redraws the field.
        key={`${maxPerOrder}:${typed ?? ""}`}
        defaultValue={typed ?? maxPerOrder}
        aria-invalid={error ? true : undefined}
        aria-describedby={state ? messageId : undefined}
        className="w-20 rounded-lg border border-ink-300 px-2 py-1 text-right text-base tabular-nums aria-[invalid=true]:border-accent-600 sm:text-sm"
      />
      <Button type="submit" variant="secondary" size="console" pending={pending}>
        Save
      </Button>
      {state ? (
        <p
          id={messageId}
          role={state.ok ? "status" : "alert"}
          className={`basis-full text-xs ${state.ok ? "text-emerald-700" : "text-accent-700"}`}
        >
          {state.ok ? state.message : [...new Set(error)].join(" ")}
        </p>
      ) : null}
    </form>
  );
}
