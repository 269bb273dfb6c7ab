import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/**
 * The one labelled form field, in three controls (input, select, text area) and a date-time input: the label is
 * tied to the control, a hint and the error text are wired through `aria-describedby`, and a field with errors
 * is `aria-invalid`. The control's id is `field-<name>` unless an `id` is given.
 */

interface FieldProps {
  label: ReactNode;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
}

function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  return (
    [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined
  );
}

// 16 px text on small screens keeps phones from zooming into the field on focus.
const CONTROL_CLASS =
  "w-full rounded-lg border border-ink-300 bg-white px-3 py-2 text-base text-ink-900 shadow-xs disabled:bg-ink-50 aria-[invalid=true]:border-accent-600 focus:border-accent-500 sm:text-sm";
/** Only inputs and text areas: `:read-only` also matches every select. */
const READ_ONLY_CLASS = "read-only:bg-ink-50 read-only:text-ink-600";

function FieldShell({
  id,
  label,
  hint,
  errors,
  children,
}: Omit<FieldProps, "name"> & { id: string; children: ReactNode }) {
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

function controlProps(id: string, { name, errors, hint }: FieldProps) {
  return {
    id,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy(id, errors, hint),
  };
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;
type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">;
type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

/** The shell around one control: the three fields below differ only in the element they draw. */
function ControlField({
  as: Control,
  label,
  name,
  errors,
  hint,
  ...control
}: (InputProps | SelectProps | TextAreaProps) & { as: "input" | "select" | "textarea" }) {
  const id = control.id ?? `field-${name}`;
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors}>
      <Control
        {...controlProps(id, { label, name, errors, hint })}
        className={Control === "select" ? CONTROL_CLASS : `${CONTROL_CLASS} ${READ_ONLY_CLASS}`}
        {...(control as object)}
      />
    </FieldShell>
  );
}

export function InputField(props: InputProps) {
  return <ControlField as="input" {...props} />;
}

/** A select; `options` are listed after `children` (a "Choose…" placeholder option, say). */
export function SelectField({
  children,
  options = [],
  ...props
}: SelectProps & {
  children?: ReactNode;
  options?: readonly { value: string; label: ReactNode }[];
}) {
  return (
    <ControlField as="select" {...props}>
      {children}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </ControlField>
  );
}

export function TextAreaField(props: TextAreaProps) {
  return <ControlField as="textarea" {...props} />;
}

/** A `datetime-local` input whose label names the store's zone: the value is a wall-clock time there. */
export function DateTimeField({
  label,
  zone,
  ...input
}: Omit<FieldProps, "label"> & { label: string; zone: string } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "name" | "type"
  >) {
  return (
    <InputField
      label={
        <>
          {label} <span className="font-normal text-ink-500">({zone})</span>
        </>
      }
      type="datetime-local"
      {...input}
    />
  );
}
