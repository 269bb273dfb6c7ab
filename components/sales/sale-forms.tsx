"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import { RadioCard } from "@/components/ui/radio-card";
import { useVisitor } from "@/components/visitor/visitor-provider";
import type { FormAction } from "@/lib/action";
import { useOptionalLiveSale } from "./live-sale";

export function RegisterForm({
  saleId,
  register,
  label = "Register",
}: {
  saleId: string;
  register: FormAction<{ message: string }>;
  label?: string;
}) {
  const [state, action, pending] = useActionState(register, null);
  const { refresh } = useVisitor();
  const live = useOptionalLiveSale();
  const refreshFigures = live?.refreshSoon;
  // The page is shared from cache: the fan's new state comes from /api/me and the new count from the figures
  // endpoint, not from re-rendering it.
  useEffect(() => {
    if (!state?.ok) return;
    refresh();
    refreshFigures?.();
  }, [state, refresh, refreshFigures]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="saleId" value={saleId} />
      <Button
        type="submit"
        size="xl"
        pending={pending}
        pendingLabel="Registering…"
        className="w-full sm:w-auto"
      >
        {label}
      </Button>
      <p aria-live="polite" role="status" className="min-h-5 text-sm">
        {state ? state.ok ? state.message : <span className="text-accent-700">{state.message}</span> : null}
      </p>
    </form>
  );
}

export interface SaleSkuOption {
  skuId: number;
  label: string;
  salePriceMinor: number;
  listPriceMinor: number;
  currency: string;
  colourHex: string;
}

/** Buy now: one press reserves one unit. The request key makes a double click return the same reservation. */
export function BuyForm({
  saleId,
  options,
  reserve,
}: {
  saleId: string;
  options: SaleSkuOption[];
  reserve: FormAction<{ holdId: string }>;
}) {
  const [state, action, pending] = useActionState(reserve, null);
  // Made in the browser at the first press, never in the render: the sale page is one cached HTML for every
  // visitor, so a key rendered into it would be the same for everyone and for every visit.
  const requestKey = useRef<string | null>(null);
  const submit = (formData: FormData) => {
    requestKey.current ??= crypto.randomUUID();
    formData.set("requestKey", requestKey.current);
    action(formData);
  };
  const [skuId, setSkuId] = useState(options[0]?.skuId ?? 0);
  const groupId = useId();
  return (
    <form action={submit} className="space-y-4">
      <input type="hidden" name="saleId" value={saleId} />
      {options.length > 1 ? (
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">Choose your variant</legend>
          <div className="flex flex-wrap gap-2" id={groupId}>
            {options.map((o) => (
              <RadioCard
                key={o.skuId}
                name="skuId"
                value={o.skuId}
                checked={skuId === o.skuId}
                onChange={() => setSkuId(o.skuId)}
                className="items-center gap-2 px-3 py-2 text-sm"
              >
                <span
                  className="h-3 w-3 rounded-full border border-ink-300"
                  style={{ background: o.colourHex }}
                  aria-hidden="true"
                />
                <span>{o.label}</span>
                <Price amountMinor={o.salePriceMinor} currency={o.currency} size="sm" />
              </RadioCard>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="skuId" value={skuId} />
      )}
      <Button
        type="submit"
        size="xl"
        pending={pending}
        pendingLabel="Reserving…"
        className="w-full sm:w-auto"
      >
        Buy now
      </Button>
      <p aria-live="assertive" role="status" className="min-h-5 text-sm font-medium text-accent-700">
        {state && !state.ok ? state.message : null}
      </p>
    </form>
  );
}
