"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { AddressLabel, type AddressView } from "@/components/account/address-card";
import { Button } from "@/components/ui/button";
import { RadioCard } from "@/components/ui/radio-card";
import type { FormAction } from "@/lib/action";
import { formatMoney } from "@/lib/money";
import type { CartClub } from "@/lib/points/checkout";
import { MINOR_UNITS_PER_POINT } from "@/lib/points/rules";

export type CheckoutAddress = AddressView & { id: string; isDefault: boolean };

const ADD_ADDRESS = "/account/addresses/new?next=%2Fcart";

/**
 * Where to deliver, then Checkout: the fan's addresses with the default chosen (the order keeps a copy of the
 * one chosen and Stripe is told it), or a way to add the first one. Without an address there is nothing to pay.
 */
export function CheckoutButton({
  disabled,
  startCheckout,
  addresses,
  club = null,
}: {
  disabled: boolean;
  startCheckout: FormAction<{ url: string }>;
  addresses: CheckoutAddress[];
  club?: CartClub | null;
}) {
  const [state, action, pending] = useActionState(startCheckout, null);
  const legendId = useId();
  const pointsId = useId();
  const pointsHintId = useId();
  const pointsError = state && !state.ok ? state.fieldErrors?.points?.[0] : undefined;
  const noAddress = addresses.length === 0;
  return (
    <form action={action} className="mt-5">
      <fieldset aria-labelledby={legendId} className="space-y-2">
        <legend id={legendId} className="text-sm font-semibold">
          Deliver to
        </legend>
        {noAddress ? (
          <p className="rounded-xl border border-dashed border-ink-300 bg-white p-3 text-sm text-ink-700">
            We need a delivery address before you pay.{" "}
            <Link href={ADD_ADDRESS} className="font-semibold text-accent-700 underline underline-offset-4">
              Add a delivery address
            </Link>
          </p>
        ) : (
          <>
            {addresses.map((a) => (
              <RadioCard
                key={a.id}
                name="addressId"
                value={a.id}
                defaultChecked={a.isDefault}
                className="gap-3 bg-white p-3"
                inputClassName="mt-1"
              >
                <AddressLabel address={a} />
              </RadioCard>
            ))}
            <Link
              href={ADD_ADDRESS}
              className="inline-block text-sm text-ink-600 underline underline-offset-4"
            >
              Use a new address
            </Link>
          </>
        )}
      </fieldset>
      {club && club.balance > 0 ? (
        <div className="mt-4">
          <label htmlFor={pointsId} className="text-sm font-semibold">
            Use Kite points
          </label>
          <input type="hidden" name="expectedBalance" value={club.balance} />
          <input
            id={pointsId}
            name="points"
            type="number"
            inputMode="numeric"
            min={0}
            max={club.maxPoints}
            step={1}
            defaultValue={0}
            aria-describedby={pointsHintId}
            aria-invalid={pointsError ? true : undefined}
            className="mt-1 block w-full rounded-xl border border-ink-300 bg-white px-3 py-2 tabular-nums focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-600"
          />
          <p id={pointsHintId} className={`mt-1 text-xs ${pointsError ? "text-accent-700" : "text-ink-600"}`}>
            {pointsError ??
              `You have ${club.balance.toLocaleString("en")} points; use up to ${club.maxPoints.toLocaleString("en")} here (100 points = ${formatMoney(100 * MINOR_UNITS_PER_POINT, club.currency)}).`}
          </p>
        </div>
      ) : null}
      <Button
        type="submit"
        size="lg"
        disabled={disabled || noAddress}
        pending={pending}
        pendingLabel="Holding your items…"
        className="mt-4 w-full"
      >
        Checkout
      </Button>
      <p aria-live="polite" role="status" className="mt-2 min-h-5 text-sm text-accent-700">
        {state && !state.ok ? state.message : null}
      </p>
    </form>
  );
}
