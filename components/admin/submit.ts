import { type FormEvent, startTransition } from "react";

/**
 * Submits a form to its action without React's automatic reset afterwards. React 19 resets a `<form action>`
 * once the action settles, which puts selects back on their placeholder while the rest of the form (built from
 * the chosen product) stays: a refused submit must leave everything as typed. Without JavaScript the form still
 * posts through its `action`.
 */
export function keepWhatWasTyped(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}

/**
 * A console form's values and field errors after a submit: what the server echoed back when it refused (so the
 * form keeps what was typed), else the initial values. `field(name)` binds one input to both.
 */
export function echoedForm(
  state: { ok: boolean; values?: Record<string, string>; fieldErrors?: Record<string, string[]> } | null,
  initial: Record<string, string>,
) {
  const refused = state && !state.ok ? state : null;
  const values = refused?.values ?? initial;
  const errors = refused?.fieldErrors ?? {};
  const v = (name: string) => values[name] ?? "";
  const field = (name: string) => ({ name, defaultValue: v(name), errors: errors[name] });
  return { v, errors, field };
}
