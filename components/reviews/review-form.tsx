"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { InputField, TextAreaField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import type { ActionState, FormAction } from "@/lib/action";
import { MAX_REVIEW_BODY_LENGTH, MAX_REVIEW_TITLE_LENGTH, MIN_REVIEW_BODY_LENGTH } from "@/lib/limits";

const RATING_WORDS = ["", "Poor", "Not great", "OK", "Good", "Excellent"] as const;

/**
 * A buyer's review of one purchase: stars, a title and the text, plain text only. Writes a new review (`target`
 * is the order line) or changes the buyer's own (`target` is the review, with its current values).
 */
export function ReviewForm<T extends { message: string }>({
  action,
  target,
  initial,
}: {
  action: FormAction<T>;
  target: { name: "orderLineId" | "reviewId"; value: number };
  initial?: { rating: number; title: string; body: string };
}) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { v, errors, field, formProps } = useEchoedForm(state, {
    rating: initial ? String(initial.rating) : "",
    title: initial?.title ?? "",
    body: initial?.body ?? "",
  });
  const ratingErrors = errors.rating;
  return (
    <form {...formProps(dispatch)} className="space-y-5">
      <input type="hidden" name={target.name} value={target.value} />
      <fieldset aria-describedby={ratingErrors ? "rating-error" : undefined}>
        <legend className="text-sm font-medium text-ink-800">Your rating</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {[1, 2, 3, 4, 5].map((n) => (
            <label
              key={`${n}:${v("rating")}`}
              className="relative flex cursor-pointer items-center gap-1.5 rounded-full border border-ink-200 px-3 py-1.5 text-sm text-ink-800 has-checked:border-amber-500 has-checked:bg-amber-50 has-focus-visible:outline-2 has-focus-visible:outline-accent-500"
            >
              <input
                type="radio"
                name="rating"
                value={n}
                defaultChecked={v("rating") === String(n)}
                className="sr-only"
                aria-invalid={ratingErrors ? true : undefined}
              />
              <span aria-hidden="true" className="text-amber-500">
                {"★".repeat(n)}
              </span>
              <span>
                {n} {n === 1 ? "star" : "stars"}
                <span className="sr-only">: {RATING_WORDS[n]}</span>
              </span>
            </label>
          ))}
        </div>
        {ratingErrors ? (
          <p id="rating-error" className="mt-1 text-sm text-accent-700">
            {ratingErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <InputField
        label="Title"
        maxLength={MAX_REVIEW_TITLE_LENGTH}
        hint="One line that sums it up."
        autoComplete="off"
        {...field("title")}
      />
      <TextAreaField
        label="Your review"
        rows={6}
        hint={`Plain text, ${MIN_REVIEW_BODY_LENGTH}–${MAX_REVIEW_BODY_LENGTH.toLocaleString("en")} characters: what you use it for, what you like, what you'd change.`}
        {...field("body")}
      />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        {target.name === "reviewId" ? "Save changes" : "Post review"}
      </Button>
      <FormMessage state={state} />
    </form>
  );
}
