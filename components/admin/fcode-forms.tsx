"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { DateTimeField, InputField, SelectField } from "@/components/ui/field";
import { SubmitRow, useEchoedForm } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

export interface FcodeTargetOption {
  value: string;
  label: string;
  free: number;
}

/**
 * Issues a batch: which sale and version, how many codes, how many units to set aside, when the codes work, and
 * what happens to unused units afterwards. On success the codes are shown here once, with their CSV to download:
 * the store keeps only their hashes.
 */
export function IssueFcodesForm<T extends { message: string; codes: string[]; csv: string }>({
  action,
  targets,
  initial,
  requestKey,
  zone,
}: {
  action: FormAction<T>;
  targets: FcodeTargetOption[];
  initial: Record<string, string>;
  requestKey: string;
  zone: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, initial);
  const issued = state?.ok ? state : null;
  // Each issue is one batch: a refused or finished submit hands the form a fresh one-time key.
  const key = state?.nextRequestKey ?? requestKey;
  return (
    <div className="space-y-4">
      <form
        {...formProps(formAction)}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        data-testid="issue-fcodes-form"
      >
        <input type="hidden" name="requestKey" value={key} />
        <div className="sm:col-span-2">
          <SelectField label="Sale and version" {...field("target")}>
            <option value="">Choose a sale and version…</option>
            {targets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label} · {t.free.toLocaleString("en-US")} free
              </option>
            ))}
          </SelectField>
        </div>
        <div className="sm:col-span-2">
          <InputField
            label="Batch name"
            {...field("label")}
            hint="For you: who the codes are for."
            maxLength={80}
          />
        </div>
        <InputField label="Codes" {...field("codeCount")} type="number" inputMode="numeric" min={1} />
        <InputField
          label="Units set aside"
          {...field("quota")}
          type="number"
          inputMode="numeric"
          min={1}
          hint="Taken from the sale's free units now; at most one per code."
        />
        <DateTimeField label="Valid from" zone={zone} {...field("validFrom")} />
        <DateTimeField label="Valid until" zone={zone} {...field("validUntil")} />
        <div className="sm:col-span-2">
          <SelectField label="After the codes expire, unused units" {...field("atExpiry")}>
            <option value="return_to_sale">Go back to the sale's public stock</option>
            <option value="keep_in_quota">Stay set aside in the F-code quota</option>
          </SelectField>
        </div>
        <SubmitRow
          state={state}
          pending={pending}
          pendingLabel="Issuing…"
          size="console"
          className="sm:col-span-2"
        >
          Issue codes
        </SubmitRow>
      </form>
      {issued ? (
        <section
          aria-labelledby="issued-codes-title"
          className="rounded-xl border border-amber-300 bg-amber-50 p-4"
          data-testid="issued-codes"
        >
          <h3 id="issued-codes-title" className="font-semibold text-ink-900">
            {issued.codes.length} new codes: shown only now
          </h3>
          <p className="mt-1 text-sm text-ink-700">
            The store keeps only a fingerprint of each code. Download the CSV or copy them before you leave
            this page.
          </p>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(issued.csv)}`}
            download="kite-fcodes.csv"
            className={buttonClass({ variant: "secondary", size: "console", className: "mt-3" })}
          >
            Download CSV
          </a>
          <label htmlFor="issued-codes-list" className="mt-3 block text-sm font-medium text-ink-800">
            Codes
          </label>
          <textarea
            id="issued-codes-list"
            readOnly
            rows={Math.min(10, issued.codes.length)}
            value={issued.codes.join("\n")}
            className="mt-1 w-full rounded-lg border border-ink-300 bg-white px-3 py-2 font-mono text-sm"
          />
        </section>
      ) : null}
    </div>
  );
}

/** Gives one code (pasted from the CSV) to a fan by their account's email. */
export function GiveFcodeForm<T extends { message: string }>({ action }: { action: FormAction<T> }) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, { code: "", email: "" });
  return (
    <form
      {...formProps(formAction)}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      data-testid="give-fcode-form"
    >
      <InputField
        label="Code"
        {...field("code")}
        autoComplete="off"
        spellCheck={false}
        placeholder="XXXX-XXXX-XXXX-XXXX"
      />
      <InputField label="Fan's email" {...field("email")} type="email" autoComplete="off" />
      <SubmitRow
        state={state}
        pending={pending}
        pendingLabel="Giving…"
        variant="secondary"
        size="console"
        className="sm:col-span-2"
      >
        Give code
      </SubmitRow>
    </form>
  );
}
