"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { CONTACT_TRANSITIONS, type ContactStatus } from "@/lib/contact/rules";

const TRANSITION_LABELS: Record<ContactStatus, string> = {
  answered: "Mark answered",
  closed: "Close",
  new: "Open again",
};

/**
 * The status commands of one message: the moves allowed from the status shown (new → answered → closed, or open
 * again). The form sends the status it was drawn with, so a change someone else made meanwhile is refused.
 */
export function ContactStatusForm<T extends { message: string }>({
  action,
  messageId,
  status,
}: {
  action: FormAction<T>;
  messageId: string;
  status: ContactStatus;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const moves = CONTACT_TRANSITIONS[status];
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="messageId" value={messageId} />
      <input type="hidden" name="from" value={status} />
      <div className="flex flex-wrap gap-2">
        {moves.map((to, i) => (
          <Button
            key={to}
            type="submit"
            name="to"
            value={to}
            variant={i === 0 ? "primary" : "secondary"}
            size="console"
            pending={pending}
          >
            {TRANSITION_LABELS[to]}
          </Button>
        ))}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
