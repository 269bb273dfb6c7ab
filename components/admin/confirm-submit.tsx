"use client";

import { type ReactNode, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

/**
 * The submit button of a command that can't be undone: the first press only asks, the second (the danger
 * button) sends, and the secondary one steps back.
 */
export function ConfirmSubmit({
  ask,
  confirm,
  cancel,
  pending,
  pendingLabel,
}: {
  ask: ReactNode;
  confirm: ReactNode;
  cancel: ReactNode;
  pending: boolean;
  pendingLabel: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="danger" size="console" onClick={() => setConfirming(true)}>
        {ask}
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" variant="danger" size="console" pending={pending} pendingLabel={pendingLabel}>
        {confirm}
      </Button>
      <Button variant="secondary" size="console" onClick={() => setConfirming(false)}>
        {cancel}
      </Button>
    </div>
  );
}

/**
 * A whole form for a command that can't be undone: the id it acts on (hidden fields), what it will do (children),
 * the asking button, and the answer announced beneath.
 */
export function ConfirmForm<T extends { message: string }>({
  action,
  hidden,
  children,
  ...labels
}: {
  action: FormAction<T>;
  hidden: Record<string, string | number>;
  children?: ReactNode;
} & Omit<Parameters<typeof ConfirmSubmit>[0], "pending">) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <ConfirmSubmit {...labels} pending={pending} />
      <FormMessage state={state} />
    </form>
  );
}
