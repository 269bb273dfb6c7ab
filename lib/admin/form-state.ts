/**
 * What the console's forms get back from their actions (useActionState). Failures echo the submitted text
 * fields so the form can show what was typed next to the errors (no field here is a secret); `nextRequestKey`
 * replaces a form's one-time key after it has been used.
 */
export type AdminFormState =
  | null
  | { ok: true; message: string; nextRequestKey?: string }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
      nextRequestKey?: string;
    };

export type AdminFormAction = (prev: AdminFormState, formData: FormData) => Promise<AdminFormState>;
