"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import { RadioCard } from "@/components/ui/radio-card";
import { useVisitor } from "@/components/visitor/visitor-provider";
import type { FormAction } from "@/lib/action";
import { useOptionalLiveSale } from "./live-sale";

/**
 * Register, with the version the fan chooses when the sale has more than one (optional: changeable until the
 * start, and Buy now is then preselected with it).
 */
export function RegisterForm({
  saleId,
  register,
  label = "Register",
  options = [],
}: {
  saleId: string;
  register: FormAction<{ message: string }>;
  label?: string;
  /** The sale's versions; with more than one the fan may choose theirs now. */
  options?: SaleSkuOption[];
}) {
  const [state, action, pending] = useActionState(register, null);
  const { refresh } = useVisitor();
  const live = useOptionalLiveSale();
  const refreshFigures = live?.refreshSoon;
  const [skuId, setSkuId] = useState<number | null>(null);
  // The page is shared from cache: the fan's new state comes from /api/me and the new count from the figures
  // endpoint, not from re-rendering it.
  useEffect(() => {
    if (!state?.ok) return;
    refresh();
    refreshFigures?.();
  }, [state, refresh, refreshFigures]);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="saleId" value={saleId} />
      {options.length > 1 ? (
        <VersionRadios
          legend="Choose your version"
          hint="Optional now, and you can change it until the sale starts."
          options={options}
          value={skuId}
          onChange={setSkuId}
        />
      ) : null}
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

/**
 * The sale's versions as one accessible radio group (a fieldset named by its legend): colour swatch, colour and
 * storage, sale price. One column of full-width cards on a phone, a wrapping row from `sm` up.
 */
export function VersionRadios({
  legend,
  hint,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: string;
  options: SaleSkuOption[];
  value: number | null;
  onChange: (skuId: number) => void;
}) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hint ? hintId : undefined}>
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mb-2 text-sm text-ink-600">
          {hint}
        </p>
      ) : null}
      <div className="grid gap-2 sm:flex sm:flex-wrap">
        {options.map((o) => (
          <RadioCard
            key={o.skuId}
            name="skuId"
            value={o.skuId}
            checked={value === o.skuId}
            onChange={() => onChange(o.skuId)}
            className="min-h-11 items-center gap-2 px-3 py-2 text-sm"
          >
            <span
              className="h-3 w-3 shrink-0 rounded-full border border-ink-300"
              style={{ background: o.colourHex }}
              aria-hidden="true"
            />
            <span>{o.label}</span>
            <Price
              amountMinor={o.salePriceMinor}
              currency={o.currency}
              size="sm"
              className="ml-auto sm:ml-0"
            />
          </RadioCard>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A registered fan's version before the start: what they chose (or that they have not yet) and a Change button
 * that opens the choice in place; saved through `change`, the fan's state is read again from /api/me.
 */
export function VersionChoice({
  saleId,
  options,
  chosenSkuId,
  change,
}: {
  saleId: string;
  options: SaleSkuOption[];
  chosenSkuId: number | null;
  change: FormAction<{ message: string }>;
}) {
  const [state, action, pending] = useActionState(change, null);
  const { refresh } = useVisitor();
  const [editing, setEditing] = useState(false);
  const chosen = options.find((o) => o.skuId === chosenSkuId) ?? null;
  const [skuId, setSkuId] = useState<number | null>(chosen?.skuId ?? null);
  const headingId = useId();
  useEffect(() => {
    if (!state?.ok) return;
    setEditing(false);
    refresh();
  }, [state, refresh]);
  if (options.length < 2) return null;
  return (
    <div className="space-y-3 rounded-xl bg-ink-50 p-4" data-testid="version-choice">
      <p id={headingId} className="text-sm">
        {chosen ? (
          <>
            <span className="text-ink-600">Your version: </span>
            <strong>{chosen.label}</strong>{" "}
            <Price amountMinor={chosen.salePriceMinor} currency={chosen.currency} size="sm" />
          </>
        ) : (
          <span className="text-ink-700">
            You haven't chosen a version yet: choose now and buying is one click.
          </span>
        )}
      </p>
      {editing ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="saleId" value={saleId} />
          <VersionRadios
            legend="Choose your version"
            hint="You can change it until the sale starts."
            options={options}
            value={skuId}
            onChange={setSkuId}
          />
          <div className="flex flex-wrap gap-2">
            <Button
              type="submit"
              size="sm"
              pending={pending}
              pendingLabel="Saving…"
              disabled={skuId === null}
            >
              Save version
            </Button>
            <Button type="button" size="sm" variant="quiet" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button
          size="sm"
          variant="secondary"
          aria-describedby={headingId}
          onClick={() => {
            setSkuId(chosen?.skuId ?? null);
            setEditing(true);
          }}
        >
          {chosen ? "Change" : "Choose version"}
        </Button>
      )}
      <p aria-live="polite" role="status" className="text-sm">
        {state ? state.ok ? state.message : <span className="text-accent-700">{state.message}</span> : null}
      </p>
    </div>
  );
}

/** Buy now: one press reserves one unit. The request key makes a double click return the same reservation. */
export function BuyForm({
  saleId,
  options,
  reserve,
  chosenSkuId = null,
}: {
  saleId: string;
  options: SaleSkuOption[];
  reserve: FormAction<{ holdId: string }>;
  /** The version the fan chose at registration: preselected, so buying is one click. */
  chosenSkuId?: number | null;
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
  const initial = options.find((o) => o.skuId === chosenSkuId) ?? options[0];
  const [skuId, setSkuId] = useState(initial?.skuId ?? 0);
  return (
    <form action={submit} className="space-y-4">
      <input type="hidden" name="saleId" value={saleId} />
      {options.length > 1 ? (
        <VersionRadios
          legend="Choose your variant"
          {...(chosenSkuId !== null && initial?.skuId === chosenSkuId
            ? { hint: "The version you chose when you registered is selected." }
            : {})}
          options={options}
          value={skuId}
          onChange={setSkuId}
        />
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
