"use client";

import { type ReactNode, useActionState } from "react";
import { CurrentPasswordField, NewPasswordFields } from "@/components/auth/password-fields";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import { TextLink } from "@/components/ui/text-link";
import type { FormAction } from "@/lib/action";
import { MAX_DISPLAY_NAME_LENGTH } from "@/lib/limits";

type MessageAction = FormAction<{ message: string }>;

/** One settings card: a heading, a line about it, its form. */
export function SettingsSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl border border-ink-100 p-5 sm:p-6">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 mb-4 text-sm text-ink-600">{intro}</p>
      {children}
    </section>
  );
}

export function ProfileForm({
  name,
  save,
}: {
  name: string;
  save: FormAction<{ name: string; message: string }>;
}) {
  const [state, formAction, pending] = useActionState(save, null);
  const { field, formProps } = useEchoedForm(state, { name });
  return (
    <form {...formProps(formAction)} className="space-y-4">
      <InputField
        label="Display name"
        autoComplete="name"
        required
        maxLength={MAX_DISPLAY_NAME_LENGTH}
        {...field("name")}
      />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save name
      </Button>
    </form>
  );
}

/** Passwords are never echoed: after any answer the fields are empty (React resets the form). */
export function PasswordForm({ change }: { change: MessageAction }) {
  const [state, formAction, pending] = useActionState(change, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <CurrentPasswordField id="password-current" errors={errors.currentPassword} />
      <NewPasswordFields name="newPassword" errors={errors} />
      <FormMessage state={state} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" pending={pending} pendingLabel="Changing…">
          Change password
        </Button>
        <TextLink href="/forgot-password" className="text-sm">
          Forgot your current password?
        </TextLink>
      </div>
    </form>
  );
}

export function EmailForm({ change }: { change: FormAction<{ message: string; newEmail: string }> }) {
  const [state, formAction, pending] = useActionState(change, null);
  const { field, errors, formProps } = useEchoedForm(state, {});
  return (
    <form {...formProps(formAction)} className="space-y-4">
      <InputField label="New email" type="email" autoComplete="email" required {...field("email")} />
      <CurrentPasswordField id="email-current-password" errors={errors.currentPassword} />
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Sending…">
        Send confirmation link
      </Button>
    </form>
  );
}
