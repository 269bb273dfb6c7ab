"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";

/**
 * Leaving a sale's waitlist: the first press asks (saying what is given up: the place in line, or the unit held
 * right now), the second sends. Focus moves to the question and back to the button when the fan stays.
 */
export function WaitlistLeave<T extends object>({
  saleId,
  slug,
  holdsUnit,
  leave,
}: {
  saleId: string;
  slug: string;
  /** The fan holds an offer: leaving gives the unit to the next fan in line at once. */
  holdsUnit: boolean;
  leave: FormAction<T>;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(leave, null);
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Focus follows the step: to the question when it opens, back to the button when the fan stays.
    if (confirming) question.current?.focus();
    else if (asked.current) opener.current?.focus();
    asked.current ||= confirming;
  }, [confirming]);
  return (
    <form action={formAction} className="space-y-2 border-t border-ink-100 pt-4" data-testid="waitlist-leave">
      <input type="hidden" name="saleId" value={saleId} />
      <input type="hidden" name="slug" value={slug} />
      {confirming ? (
        <div role="group" aria-labelledby={questionId} className="space-y-3">
          <p id={questionId} className="text-sm font-semibold" tabIndex={-1} ref={question}>
            {holdsUnit
              ? "Leave the waitlist? The unit held for you goes to the next fan in line right away."
              : "Leave the waitlist? You lose your place in line."}{" "}
            This can't be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="sm" pending={pending} pendingLabel="Leaving…">
              Yes, leave the waitlist
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Stay in line
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={opener} variant="secondary" size="sm" onClick={() => setConfirming(true)}>
          Leave the waitlist…
        </Button>
      )}
      <FormMessage state={state} />
    </form>
  );
}
