"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { echoedForm, FormMessage, keepWhatWasTyped } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { ADDRESS_LIMITS, PROVINCES } from "@/lib/addresses/rules";

/**
 * Add or edit one delivery address. The fields follow how a mainland Chinese address is written on a parcel:
 * who, their mobile, then province → city → district → street, and the postcode. A refused save keeps what was
 * typed and says what to fix next to each field.
 */
export function AddressForm({
  action,
  initial,
  addressId,
  next,
  submitLabel,
}: {
  action: FormAction<object>;
  initial: Record<string, string>;
  addressId?: string;
  /** Where to go after saving (a same-origin path, checked again on the server). */
  next?: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<object>, FormData>(action, null);
  const { v, field } = echoedForm(state, initial);
  return (
    <form
      action={formAction}
      onSubmit={keepWhatWasTyped(formAction)}
      className="space-y-4"
      noValidate
      data-testid="address-form"
    >
      {addressId ? <input type="hidden" name="addressId" value={addressId} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          label="Recipient"
          {...field("recipientName")}
          autoComplete="shipping name"
          maxLength={ADDRESS_LIMITS.recipientName}
          required
        />
        <InputField
          label="Mobile number"
          {...field("mobile")}
          type="tel"
          inputMode="tel"
          autoComplete="shipping tel-national"
          maxLength={20}
          required
          hint="The courier texts this number before delivery."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Province" {...field("province")} autoComplete="shipping address-level1" required>
          <option value="">Choose…</option>
          {PROVINCES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <InputField
          label="City"
          {...field("city")}
          autoComplete="shipping address-level2"
          maxLength={ADDRESS_LIMITS.place}
          required
        />
        <InputField
          label="District"
          {...field("district")}
          autoComplete="shipping address-level3"
          maxLength={ADDRESS_LIMITS.place}
          required
        />
      </div>
      <InputField
        label="Street address"
        {...field("street")}
        autoComplete="shipping street-address"
        maxLength={ADDRESS_LIMITS.street}
        required
        hint="Street and number, building, flat or room."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField
          label="Postcode"
          {...field("postcode")}
          inputMode="numeric"
          autoComplete="shipping postal-code"
          maxLength={6}
          required
        />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="isDefault"
          defaultChecked={v("isDefault") === "on" || v("isDefault") === "true"}
          className="size-4 accent-accent-600"
        />
        Use as my default delivery address
      </label>
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Saving…" className="w-full sm:w-auto">
        {submitLabel}
      </Button>
    </form>
  );
}
