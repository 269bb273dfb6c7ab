"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { AddressLabel, type AddressView } from "@/components/account/address-card";
import { Button } from "@/components/ui/button";
import { RadioCard } from "@/components/ui/radio-card";
import type { FormAction } from "@/lib/action";

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
}: {
  disabled: boolean;
  startCheckout: FormAction<{ url: string }>;
  addresses: CheckoutAddress[];
}) {
  const [state, action, pending] = useActionState(startCheckout, null);
  const legendId = useId();
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
