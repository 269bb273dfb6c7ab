"use client";

import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import { useVisitor } from "@/components/visitor/visitor-provider";
import type { ActionState, FormAction } from "@/lib/action";
import { CONTACT_HONEYPOT_FIELD, CONTACT_LIMITS, CONTACT_TOPICS } from "@/lib/contact/rules";

type Sent = { messageId: string | null; email: string };

/** A one-time key for this form, made in the browser: the page is shared by everyone, so it cannot carry one. */
function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The contact form on /help/contact. The page is cached and the same for everyone, so nothing here comes from the
 * server's HTML: a signed-in fan's name and email are filled in from /api/me once it answers (only into empty
 * fields), and the one-time key that makes a double submit write one message is made on the first submit.
 */
export function ContactForm({ action }: { action: FormAction<Sent> }) {
  const [state, formAction, pending] = useActionState<ActionState<Sent>, FormData>(action, null);
  const [dismissed, setDismissed] = useState<ActionState<Sent>>(null);
  const [formKey, setFormKey] = useState(0);
  const requestKey = useRef<string | null>(null);
  const sent = state?.ok && state !== dismissed ? state : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    requestKey.current ??= newRequestKey();
    formData.set("requestKey", requestKey.current);
    startTransition(() => formAction(formData));
  }

  function writeAnother() {
    requestKey.current = null;
    setDismissed(state);
    setFormKey((k) => k + 1);
  }

  if (sent) return <Confirmation email={sent.email} onAnother={writeAnother} />;
  return (
    <ContactFields
      key={formKey}
      state={state?.ok ? null : state}
      pending={pending}
      action={formAction}
      onSubmit={submit}
      focusFirst={formKey > 0}
    />
  );
}

function ContactFields({
  state,
  pending,
  action,
  onSubmit,
  focusFirst,
}: {
  state: ActionState<Sent>;
  pending: boolean;
  action: (formData: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  focusFirst: boolean;
}) {
  const { field, onInput } = useEchoedForm(state, {});
  const form = useRef<HTMLFormElement>(null);
  const { visitor } = useVisitor();
  const user = visitor?.user ?? null;

  useEffect(() => {
    if (!user || !form.current) return;
    for (const [name, value] of [
      ["name", user.name],
      ["email", user.email],
    ] as const) {
      const input = form.current.elements.namedItem(name);
      if (input instanceof HTMLInputElement && input.value === "") input.value = value;
    }
  }, [user]);

  useEffect(() => {
    if (focusFirst) form.current?.querySelector<HTMLElement>("input:not([tabindex='-1'])")?.focus();
  }, [focusFirst]);

  return (
    <form
      ref={form}
      action={action}
      onSubmit={onSubmit}
      onInput={onInput}
      noValidate
      className="max-w-2xl space-y-4 rounded-2xl border border-ink-200 p-5 sm:p-6"
      data-testid="contact-form"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          label="Your name"
          {...field("name")}
          autoComplete="name"
          maxLength={CONTACT_LIMITS.name}
          required
        />
        <InputField
          label="Email"
          {...field("email")}
          type="email"
          autoComplete="email"
          maxLength={CONTACT_LIMITS.email}
          required
          hint="We answer here, within 24 hours."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="What is it about?" {...field("topic")} required options={CONTACT_TOPICS}>
          <option value="">Choose…</option>
        </SelectField>
        <InputField
          label={
            <>
              Order number <span className="font-normal text-ink-500">(optional)</span>
            </>
          }
          {...field("orderReference")}
          autoComplete="off"
          maxLength={64}
          hint="The 8 characters after “Order” on your order page."
        />
      </div>
      <TextAreaField
        label="Your message"
        {...field("message")}
        rows={6}
        minLength={CONTACT_LIMITS.message.min}
        maxLength={CONTACT_LIMITS.message.max}
        required
        hint={`${CONTACT_LIMITS.message.min}–${CONTACT_LIMITS.message.max.toLocaleString("en")} characters. For a fault, say what happens and since when.`}
      />
      {/* Hidden from sight, keyboard and screen readers; only bots fill it (lib/contact/messages.ts). */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="field-website">Leave this empty</label>
        <input
          id="field-website"
          name={CONTACT_HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
        />
      </div>
      <FormMessage state={state} />
      <Button type="submit" pending={pending} pendingLabel="Sending…" className="w-full sm:w-auto">
        Send message
      </Button>
    </form>
  );
}

function Confirmation({ email, onAnother }: { email: string; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      role="status"
      className="max-w-2xl rounded-2xl border border-emerald-200 bg-emerald-50 p-5 sm:p-6"
      data-testid="contact-sent"
    >
      <h3 ref={heading} tabIndex={-1} className="text-lg font-semibold text-emerald-900 outline-none">
        Thanks, we have your message
      </h3>
      <p className="mt-2 leading-relaxed break-words text-emerald-900">
        A real person will answer at <strong className="font-semibold">{email}</strong> within 24 hours,
        usually much sooner.
      </p>
      <Button variant="secondary" size="sm" className="mt-4" onClick={onAnother}>
        Write another message
      </Button>
    </div>
  );
}
