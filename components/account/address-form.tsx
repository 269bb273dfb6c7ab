"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
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
  const { v, field, formProps } = useEchoedForm(state, initial);
  // A required text input bound to its value and errors, with the browser's shipping autofill token.
  const text = (name: string, autofill: string, maxLength: number) => ({
    ...field(name),
    autoComplete: `shipping ${autofill}`,
    maxLength,
    required: true,
  });
  return (
    <form {...formProps(formAction)} className="space-y-4" data-testid="address-form">
      {addressId ? <input type="hidden" name="addressId" value={addressId} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField label="Recipient" {...text("recipientName", "name", ADDRESS_LIMITS.recipientName)} />
        <InputField
          label="Mobile number"
          {...text("mobile", "tel-national", 20)}
          type="tel"
          inputMode="tel"
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
        <InputField label="City" {...text("city", "address-level2", ADDRESS_LIMITS.place)} />
        <InputField label="District" {...text("district", "address-level3", ADDRESS_LIMITS.place)} />
      </div>
      <InputField
        label="Street address"
        {...text("street", "street-address", ADDRESS_LIMITS.street)}
        hint="Street and number, building, flat or room."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField label="Postcode" {...text("postcode", "postal-code", 6)} inputMode="numeric" />
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
