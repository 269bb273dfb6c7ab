import { type FormEvent, type ReactNode, startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonLook } from "@/components/ui/button-class";
import type { ActionState, FormAction } from "@/lib/action";

/*
 * What a form shows after its server action answered: the values it keeps (echoed back on a refusal, never
 * passwords), the errors per field, and the message line. Shared by the console's and the shop's forms.
 */

/**
 * A form's values and field errors after a submit: what the server echoed back when it refused (so the form keeps
 * what was typed), else the initial values. `field(name)` binds one input to both. A field's error goes away as
 * soon as the person edits that field (put `onInput` on the form: it hears every field), and every error of the
 * next answer shows again.
 */
export function useEchoedForm(
  state: { ok: boolean; values?: Record<string, string>; fieldErrors?: Record<string, string[]> } | null,
  initial: Record<string, string>,
) {
  const [edited, setEdited] = useState<{ answer: typeof state; names: ReadonlySet<string> }>({
    answer: state,
    names: new Set(),
  });
  // A new answer starts with nothing edited (state adjusted while rendering, React's pattern for derived resets).
  const names = edited.answer === state ? edited.names : new Set<string>();
  if (edited.answer !== state) setEdited({ answer: state, names });
  const refused = state && !state.ok ? state : null;
  const values = refused?.values ?? initial;
  const errors: Record<string, string[] | undefined> = Object.fromEntries(
    Object.entries(refused?.fieldErrors ?? {}).filter(([name]) => !names.has(name)),
  );
  const v = (name: string) => values[name] ?? "";
  const field = (name: string) => ({ name, defaultValue: v(name), errors: errors[name] });
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name !== "string" || !refused?.fieldErrors?.[name] || names.has(name)) return;
    setEdited({ answer: state, names: new Set([...names, name]) });
  };
  /**
   * The `<form>`'s own props: post to the action without React's reset (keepWhatWasTyped), hear every field's
   * edit, and leave validation to the server, whose sentences the fields show. Spread it first:
   * `<form {...formProps(formAction)} className="…">`.
   */
  const formProps = (dispatch: (formData: FormData) => void) => ({
    action: dispatch,
    onSubmit: keepWhatWasTyped(dispatch),
    onInput,
    noValidate: true,
  });
  return { v, errors, field, onInput, formProps };
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

/**
 * A form's submit button with its answer (FormMessage) beside it, wrapping under it on a narrow screen.
 * `className` adds to the row (a grid span).
 */
export function SubmitRow({
  state,
  pending,
  pendingLabel,
  variant,
  size,
  className,
  children,
}: {
  state: { ok: boolean; message?: string } | null;
  pending: boolean;
  pendingLabel: string;
  className?: string;
  children: ReactNode;
} & Pick<ButtonLook, "variant" | "size">) {
  return (
    <div
      className={
        className ? `flex flex-wrap items-center gap-3 ${className}` : "flex flex-wrap items-center gap-3"
      }
    >
      <Button type="submit" variant={variant} size={size} pending={pending} pendingLabel={pendingLabel}>
        {children}
      </Button>
      <FormMessage state={state} />
    </div>
  );
}

/**
 * Submits a form to its action without React's automatic reset afterwards. React 19 resets a `<form action>`
 * once the action settles, which puts selects back on their placeholder while the rest of the form (built from
 * the chosen product) stays: a refused submit must leave everything as typed, except passwords, which are
 * cleared as they are sent (a password is never kept, on the page or in the server's answer). Without JavaScript
 * the form still posts through its `action`.
 */
export function keepWhatWasTyped(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    for (const input of event.currentTarget.querySelectorAll<HTMLInputElement>("input[type=password]")) {
      input.value = "";
    }
    startTransition(() => dispatch(formData));
  };
}

/**
 * One action state for a group of command forms: each form posts a `command` field naming one of `actions` (an
 * unknown one does nothing), so the answer to the last command stays on screen after the page re-renders with
 * the next command's form.
 */
export function useCommandActions<Command extends string, T extends object>(
  actions: Record<Command, FormAction<T>>,
) {
  return useActionState<ActionState<T>, FormData>((prev, formData) => {
    const command = formData.get("command");
    const action =
      typeof command === "string" && Object.hasOwn(actions, command) ? actions[command as Command] : null;
    return action ? action(prev, formData) : Promise.resolve(prev);
  }, null);
}
