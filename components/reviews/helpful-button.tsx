"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/action";
import type { HelpfulVote } from "@/lib/reviews/types";

function peopleFound(count: number): string {
  if (count === 0) return "";
  return count === 1
    ? "1 person found this helpful"
    : `${count.toLocaleString("en")} people found this helpful`;
}

/**
 * A review's helpful count and the visitor's own vote, as a toggle button. The count and whether this visitor voted
 * come from the answer once they press it; before that, from the shared page and /api/me.
 */
export function HelpfulButton({
  action,
  reviewId,
  count,
  voted,
  canVote,
}: {
  action: FormAction<HelpfulVote>;
  reviewId: number;
  count: number;
  voted: boolean;
  /** False for the author's own review. */
  canVote: boolean;
}) {
  const [state, dispatch, pending] = useActionState<ActionState<HelpfulVote>, FormData>(action, null);
  const answered = state?.ok ? state : null;
  const pressed = answered ? answered.helpful : voted;
  const shown = answered ? answered.helpfulCount : count;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-600">
      {shown > 0 ? <span data-testid="helpful-count">{peopleFound(shown)}</span> : null}
      {canVote ? (
        <form action={dispatch}>
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="helpful" value={pressed ? "no" : "yes"} />
          <button
            type="submit"
            aria-pressed={pressed}
            aria-disabled={pending || undefined}
            onClick={(event) => {
              if (pending) event.preventDefault();
            }}
            className={`rounded-full border px-3 py-1 text-xs font-medium transition ${
              pressed
                ? "border-emerald-300 bg-emerald-50 text-emerald-800"
                : "border-ink-200 text-ink-700 hover:border-ink-400"
            }`}
          >
            {pressed ? "✓ Helpful" : "Helpful"}
          </button>
        </form>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-accent-700">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
