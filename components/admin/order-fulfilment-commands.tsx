"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FormMessage, useCommandActions, useEchoedForm } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { CARRIERS, MAX_TRACKING_INPUT_LENGTH } from "@/lib/fulfilment/carriers";
import type { FulfilmentStep } from "@/lib/fulfilment/rules";

type Done = { message: string };

const CARRIER_OPTIONS = CARRIERS.map(({ code, name }) => (
  <option key={code} value={code}>
    {name}
  </option>
));
type Command = "pack" | "ship" | "deliver";
type Dispatch = (formData: FormData) => void;

/** One button that takes one step (packed, delivered). */
function StepForm({
  dispatch,
  pending,
  orderId,
  command,
  label,
  description,
}: {
  dispatch: Dispatch;
  pending: boolean;
  orderId: string;
  command: Command;
  label: string;
  description: string;
}) {
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="command" value={command} />
      <p className="text-sm text-ink-600">{description}</p>
      <Button type="submit" size="console" pending={pending} pendingLabel="Saving…">
        {label}
      </Button>
    </form>
  );
}

/** Carrier and tracking number → shipped; a refusal keeps what was typed and says what to fix. */
function ShipForm({
  dispatch,
  pending,
  state,
  orderId,
}: {
  dispatch: Dispatch;
  pending: boolean;
  state: ActionState<Done>;
  orderId: string;
}) {
  const { field, formProps } = useEchoedForm(state, { carrier: "", trackingNumber: "" });
  return (
    <form {...formProps(dispatch)} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="command" value="ship" />
      <p className="text-sm text-ink-600">Hand the parcel to a carrier, then record its tracking number.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Carrier" {...field("carrier")}>
          <option value="">Choose a carrier…</option>
          {CARRIER_OPTIONS}
        </SelectField>
        <InputField
          {...field("trackingNumber")}
          label="Tracking number"
          maxLength={MAX_TRACKING_INPUT_LENGTH}
          spellCheck={false}
          autoComplete="off"
          hint="8–30 letters and digits, as printed on the waybill."
        />
      </div>
      <Button type="submit" size="console" pending={pending} pendingLabel="Shipping…">
        Mark shipped
      </Button>
    </form>
  );
}

/**
 * What the console can do next with an order, one step at a time. One action state for all three commands, so
 * the answer to a step stays on screen after the page re-renders with the next step's form.
 */
export function OrderFulfilmentCommands({
  orderId,
  step,
  paid,
  actions,
}: {
  orderId: string;
  step: FulfilmentStep;
  paid: boolean;
  actions: Record<Command, FormAction<Done>>;
}) {
  const [state, dispatch, pending] = useCommandActions(actions);
  const common = { dispatch, pending, orderId };
  let next: ReactNode;
  if (step === "unfulfilled") {
    next = paid ? (
      <StepForm
        {...common}
        command="pack"
        label="Mark packed"
        description="The units are picked and boxed."
      />
    ) : (
      <p className="text-sm text-ink-600">Only a paid order can be packed and shipped.</p>
    );
  } else if (step === "packed") {
    next = <ShipForm {...common} state={state} />;
  } else if (step === "shipped") {
    next = (
      <StepForm
        {...common}
        command="deliver"
        label="Mark delivered"
        description="The carrier reports the parcel signed for."
      />
    );
  } else {
    next = <p className="text-sm text-ink-600">Delivered: nothing left to do for this order.</p>;
  }
  return (
    <div className="space-y-2">
      {next}
      <FormMessage state={state} />
    </div>
  );
}
