"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type DataColumn, DataTable } from "@/components/ui/data-table";
import { DateTimeField, InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage, SubmitRow, useEchoedForm } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { BETA_LIMITS } from "@/lib/beta/rules";

/** The console's "open a beta" form: the version, seats, token price, points cost, window and prompt. */
export function OpenBetaForm<T extends object>({
  action,
  skus,
  initial,
  requestKey,
  zone,
}: {
  action: FormAction<T>;
  skus: { value: string; label: string }[];
  initial: Record<string, string>;
  requestKey: string;
  zone: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, initial);
  return (
    <form
      {...formProps(formAction)}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      data-testid="open-beta-form"
    >
      <input type="hidden" name="requestKey" value={state?.nextRequestKey ?? requestKey} />
      <div className="sm:col-span-2">
        <SelectField label="Version fans buy" {...field("skuId")} options={skus}>
          <option value="">Choose a product and version…</option>
        </SelectField>
      </div>
      <div className="sm:col-span-2">
        <InputField label="Beta name" {...field("title")} maxLength={BETA_LIMITS.title.max} />
      </div>
      <InputField label="Seats" {...field("seats")} type="number" inputMode="numeric" min={1} />
      <InputField
        label="Token price"
        {...field("tokenPrice")}
        inputMode="decimal"
        hint="Below Stripe's minimum charge it is paid in points instead (1 point = 0.01)."
      />
      <InputField
        label="Points cost"
        {...field("pointsCost")}
        type="number"
        inputMode="numeric"
        min={0}
        hint="Taken from the fan's points when they buy."
      />
      <div className="hidden sm:block" />
      <DateTimeField label="Applications open" zone={zone} {...field("opensAt")} />
      <DateTimeField label="Applications close" zone={zone} {...field("closesAt")} />
      <div className="sm:col-span-2">
        <TextAreaField
          label="What applicants must write about"
          {...field("prompt")}
          rows={3}
          maxLength={BETA_LIMITS.prompt.max}
        />
      </div>
      <SubmitRow
        state={state}
        pending={pending}
        pendingLabel="Opening…"
        size="console"
        className="sm:col-span-2"
      >
        Open beta
      </SubmitRow>
    </form>
  );
}

export interface ApplicantRow {
  id: string;
  name: string;
  email: string;
  lifetimePoints: string;
  appliedAt: string;
  statement: string;
  status: string;
  canPick: boolean;
}

/** The applicants, in the rule's order, with a tick box for each one still waiting; selects the ticked ones. */
export function ApplicantsForm<T extends { message: string }>({
  action,
  betaId,
  rows,
  seatsLeft,
}: {
  action: FormAction<T>;
  betaId: string;
  rows: ApplicantRow[];
  seatsLeft: number;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const columns: DataColumn<ApplicantRow>[] = [
    {
      header: "Select",
      hideHeader: true,
      cell: (a) =>
        a.canPick ? (
          <input
            type="checkbox"
            name={`pick:${a.id}`}
            aria-label={`Select ${a.name}`}
            className="size-4 accent-accent-600"
          />
        ) : null,
    },
    {
      header: "Applicant",
      rowHeader: true,
      cell: (a) => (
        <>
          <span className="block font-semibold">{a.name}</span>
          <span className="block text-xs text-ink-500 break-all">{a.email}</span>
        </>
      ),
    },
    { header: "Lifetime points", numeric: true, cell: (a) => a.lifetimePoints },
    { header: "Applied", cell: (a) => <span className="text-xs whitespace-nowrap">{a.appliedAt}</span> },
    {
      header: "Statement",
      cell: (a) => <p className="max-w-md text-sm whitespace-pre-line">{a.statement}</p>,
    },
    { header: "Status", cell: (a) => <span className="text-sm whitespace-nowrap">{a.status}</span> },
  ];
  return (
    <form action={formAction} className="space-y-3" data-testid="applicants-form">
      <input type="hidden" name="betaId" value={betaId} />
      <DataTable
        caption="Applicants, highest lifetime points first, then the earliest application"
        rows={rows}
        rowKey={(a) => a.id}
        rowProps={(a) => ({ className: "align-top", "data-testid": "applicant-row", "data-email": a.email })}
        minWidth="52rem"
        columns={columns}
        empty={<p className="p-4 text-sm text-ink-600">Nobody has applied yet.</p>}
      />
      {rows.some((r) => r.canPick) ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" size="console" pending={pending} pendingLabel="Selecting…">
            Select ticked applicants
          </Button>
          <span className="text-sm text-ink-600">
            {seatsLeft.toLocaleString("en-US")} {seatsLeft === 1 ? "seat" : "seats"} left to fill
          </span>
          <FormMessage state={state} />
        </div>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}

/** A fan's application: their statement, bounded, once. */
export function ApplyForm<T extends { message: string }>({
  action,
  betaId,
  prompt,
}: {
  action: FormAction<T>;
  betaId: string;
  prompt: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, { statement: "" });
  return (
    <form {...formProps(formAction)} className="space-y-3" data-testid="apply-form">
      <input type="hidden" name="betaId" value={betaId} />
      <TextAreaField
        label={prompt}
        {...field("statement")}
        id={`statement-${betaId}`}
        rows={4}
        maxLength={BETA_LIMITS.statement.max}
        hint={`${BETA_LIMITS.statement.min}–${BETA_LIMITS.statement.max} characters. One application per account.`}
      />
      <SubmitRow state={state} pending={pending} pendingLabel="Sending…">
        Apply
      </SubmitRow>
    </form>
  );
}

/** A selected fan's one purchase. */
export function BuySeatForm<T extends object>({
  action,
  betaId,
  label,
}: {
  action: FormAction<T>;
  betaId: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3" data-testid="buy-seat-form">
      <input type="hidden" name="betaId" value={betaId} />
      <Button type="submit" variant="primary" pending={pending} pendingLabel="Reserving…">
        {label}
      </Button>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
