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
