"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage, useCommandActions, useEchoedForm } from "@/components/ui/form-state";
import type { FormAction } from "@/lib/action";
import { MAX_RETURN_NOTE_LENGTH } from "@/lib/limits";
import type { ReturnView } from "@/lib/returns/queries";

type Done = { message: string };
type Command = "approve" | "refuse" | "receive";

/**
 * The console's answer to a return: Approve (refunds the order) or Refuse (with a reason the buyer reads), then
 * Mark received when the parcel is back. One action state for all three, so an answer stays on screen after the
 * page re-renders with the next step.
 */
export function ReturnCommands({
  ret,
  actions,
}: {
  ret: Pick<ReturnView, "id" | "commands">;
  actions: Record<Command, FormAction<Done>>;
}) {
  const [state, dispatch, pending] = useCommandActions(actions);
  const [refusing, setRefusing] = useState(false);
  const { field, formProps } = useEchoedForm(state, { refusalReason: "" });
  const can = (command: Command) => ret.commands.includes(command);
  return (
    <div className="space-y-3">
      {can("approve") && !refusing ? (
        <form action={dispatch} className="flex flex-wrap gap-2">
          <input type="hidden" name="returnId" value={ret.id} />
          <input type="hidden" name="command" value="approve" />
          <Button type="submit" size="console" pending={pending} pendingLabel="Approving…">
            Approve and refund
          </Button>
          <Button variant="secondary" size="console" onClick={() => setRefusing(true)}>
            Refuse…
          </Button>
        </form>
      ) : null}
      {can("refuse") && refusing ? (
        <form {...formProps(dispatch)} className="space-y-3">
          <input type="hidden" name="returnId" value={ret.id} />
          <input type="hidden" name="command" value="refuse" />
          <TextAreaField
            label="Why are you refusing it?"
            rows={3}
            maxLength={MAX_RETURN_NOTE_LENGTH}
            hint="The buyer reads this on their order page and in a mail."
            {...field("refusalReason")}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" size="console" pending={pending} pendingLabel="Refusing…">
              Refuse return
            </Button>
            <Button variant="secondary" size="console" onClick={() => setRefusing(false)}>
              Back
            </Button>
          </div>
        </form>
      ) : null}
      {can("receive") ? (
        <form action={dispatch} className="space-y-2">
          <input type="hidden" name="returnId" value={ret.id} />
          <input type="hidden" name="command" value="receive" />
          <p className="text-sm text-ink-600">When the parcel is back, its units go back on sale.</p>
          <Button type="submit" size="console" pending={pending} pendingLabel="Saving…">
            Mark received
          </Button>
        </form>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
