import Link from "next/link";
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** The console's building blocks: white surfaces, ink neutrals, the accent only for primary actions. */

export const buttonStyles = {
  primary:
    "inline-flex items-center justify-center gap-2 rounded-lg bg-accent-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-accent-700 disabled:cursor-not-allowed disabled:opacity-60",
  secondary:
    "inline-flex items-center justify-center gap-2 rounded-lg border border-ink-300 bg-white px-4 py-2 text-sm font-medium text-ink-800 hover:border-ink-400 hover:bg-ink-50 disabled:cursor-not-allowed disabled:opacity-60",
  danger:
    "inline-flex items-center justify-center gap-2 rounded-lg border border-accent-200 bg-white px-4 py-2 text-sm font-semibold text-accent-700 hover:border-accent-500 hover:bg-accent-50 disabled:cursor-not-allowed disabled:opacity-60",
  link: "font-medium text-accent-700 underline-offset-2 hover:underline",
} as const;

export function PageHeader({
  title,
  description,
  actions,
  eyebrow,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-col gap-4 border-b border-ink-200 pb-5 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {eyebrow ? <div className="mb-1 text-sm text-ink-500">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-ink-900">{title}</h1>
        {description ? <div className="mt-1 max-w-3xl text-sm text-ink-600">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({
  title,
  titleId,
  actions,
  children,
  className = "",
  as: Tag = "section",
}: {
  title?: string;
  titleId?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  as?: "section" | "div";
}) {
  return (
    <Tag
      aria-labelledby={title && titleId ? titleId : undefined}
      className={`rounded-xl border border-ink-200 bg-white shadow-[0_1px_2px_rgba(0,0,0,0.04)] ${className}`}
    >
      {title ? (
        <div className="flex items-center justify-between gap-3 border-b border-ink-100 px-5 py-3">
          <h2 id={titleId} className="text-base font-semibold text-ink-900">
            {title}
          </h2>
          {actions}
        </div>
      ) : null}
      <div className="p-5">{children}</div>
    </Tag>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="rounded-xl border border-dashed border-ink-300 bg-ink-50 px-6 py-10 text-center">
      <p className="font-semibold text-ink-800">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-md text-sm text-ink-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

const stateStyles = {
  live: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  sold_out: "bg-ink-900 text-white ring-ink-900",
  registration_open: "bg-sky-50 text-sky-800 ring-sky-600/20",
  upcoming: "bg-amber-50 text-amber-800 ring-amber-600/20",
  draft: "bg-white text-ink-600 ring-ink-300 ring-dashed",
  ended: "bg-ink-100 text-ink-600 ring-ink-200",
} as const;

const stateLabels = {
  live: "Live",
  sold_out: "Sold out",
  registration_open: "Registration open",
  upcoming: "Upcoming",
  draft: "Draft",
  ended: "Ended",
} as const;

export type ConsoleState = keyof typeof stateStyles;

export function SaleStateBadge({ state }: { state: ConsoleState }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${stateStyles[state]}`}
      data-testid="sale-state"
      data-state={state}
    >
      {state === "live" ? (
        <span className="h-1.5 w-1.5 rounded-full bg-emerald-500" aria-hidden="true" />
      ) : null}
      {stateLabels[state]}
    </span>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={buttonStyles.link}>
      {children}
    </Link>
  );
}

/** The result of a form, announced politely; errors in the accent colour, successes in green. */
export function FormMessage({ state }: { state: { ok: boolean; message?: string } | null }) {
  return (
    <p aria-live="polite" role="status" className="min-h-5 text-sm" data-testid="form-message">
      {state ? (
        state.ok ? (
          <span className="font-medium text-emerald-700">{state.message}</span>
        ) : (
          <span className="font-medium text-accent-700">{state.message}</span>
        )
      ) : null}
    </p>
  );
}

function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  return (
    [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined
  );
}

const controlClass =
  "w-full rounded-lg border border-ink-300 bg-white px-3 py-2 text-sm text-ink-900 shadow-xs disabled:bg-ink-50 aria-[invalid=true]:border-accent-600 focus:border-accent-500";
/** Only inputs and text areas: `:read-only` also matches every select. */
const readOnlyClass = "read-only:bg-ink-50 read-only:text-ink-600";

function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[] | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-accent-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function InputField({
  label,
  name,
  errors,
  hint,
  ...input
}: {
  label: ReactNode;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const id = input.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`${controlClass} ${readOnlyClass}`}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  children,
  ...select
}: {
  label: ReactNode;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  const id = select.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={controlClass}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  ...area
}: {
  label: ReactNode;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const id = area.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`${controlClass} ${readOnlyClass}`}
        {...area}
      />
    </FieldShell>
  );
}

/** A `datetime-local` input whose label names the store's zone: the value is a wall-clock time there. */
export function DateTimeField({
  label,
  name,
  zone,
  errors,
  hint,
  ...input
}: {
  label: string;
  name: string;
  zone: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "type">) {
  return (
    <InputField
      label={
        <>
          {label} <span className="font-normal text-ink-500">({zone})</span>
        </>
      }
      name={name}
      type="datetime-local"
      errors={errors}
      hint={hint}
      {...input}
    />
  );
}

export function Stat({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="rounded-xl border border-ink-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium tracking-wide text-ink-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-ink-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {detail ? <dd className="mt-0.5 text-xs text-ink-500">{detail}</dd> : null}
    </div>
  );
}
