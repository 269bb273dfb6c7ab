"use client";

import { type ReactNode, useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage, useEchoedForm } from "@/components/ui/form-state";
import { Stars } from "@/components/ui/stars";
import type { ActionState, FormAction } from "@/lib/action";
import { MAX_REVIEW_HIDE_REASON_LENGTH } from "@/lib/limits";
import type { ConsoleReview } from "@/lib/reviews/queries";
import { formatStoreDateTime } from "@/lib/store-time";
import { TextLink } from "./ui";

/** Hide a review, saying why (its author reads the reason on their order; the audit log keeps it). */
export function HideReviewForm<T extends { message: string }>({
  action,
  reviewId,
}: {
  action: FormAction<T>;
  reviewId: number;
}) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const { field, formProps } = useEchoedForm(state, { reason: "" });
  const id = useId();
  return (
    <form {...formProps(dispatch)} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <TextAreaField
        id={`${id}-reason`}
        label="Reason for hiding"
        rows={2}
        maxLength={MAX_REVIEW_HIDE_REASON_LENGTH}
        hint="The author reads this."
        {...field("reason")}
      />
      <Button type="submit" variant="danger" size="console" pending={pending} pendingLabel="Hiding…">
        Hide review
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** Show a hidden review again. */
export function ShowReviewForm<T extends { message: string }>({
  action,
  reviewId,
}: {
  action: FormAction<T>;
  reviewId: number;
}) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(action, null);
  return (
    <form action={dispatch} className="space-y-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <Button type="submit" variant="secondary" size="console" pending={pending} pendingLabel="Showing…">
        Show again
      </Button>
      <FormMessage state={state} />
    </form>
  );
}

/** The console's reviews: each with its product, author and state, and Hide (with a reason) or Show again. */
export function ReviewsTable<H extends { message: string }, S extends { message: string }>({
  rows,
  timeZone,
  hideAction,
  showAction,
  empty,
}: {
  rows: ConsoleReview[];
  timeZone: string;
  hideAction: FormAction<H>;
  showAction: FormAction<S>;
  empty: ReactNode;
}) {
  return (
    <DataTable
      caption="Reviews"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({
        className: "align-top",
        "data-testid": "console-review",
        "data-review-id": String(r.id),
      })}
      empty={empty}
      columns={[
        {
          header: "Review",
          rowHeader: true,
          cell: (r) => (
            <div className="max-w-xl">
              <span className="flex flex-wrap items-center gap-2">
                <Stars rating={r.rating} size={14} />
                <span className="font-semibold text-ink-900">{r.title}</span>
              </span>
              <span className="mt-1 block text-sm whitespace-pre-line text-ink-700">
                {r.body.length > 400 ? `${r.body.slice(0, 400)}…` : r.body}
              </span>
              <span className="mt-1 block text-xs text-ink-500">
                <TextLink href={`/products/${r.productSlug}?tab=reviews`}>{r.productName}</TextLink>
                {r.variantLabel ? ` · ${r.variantLabel}` : ""} · {r.authorName}
                {r.authorEmail ? ` (${r.authorEmail})` : ""} · {formatStoreDateTime(r.createdAt, timeZone)}
                {r.editedAt ? " · edited" : ""} · {r.verified ? "Verified purchase" : "Demo review"}
                {r.helpfulCount > 0 ? ` · ${r.helpfulCount} helpful` : ""}
              </span>
            </div>
          ),
        },
        {
          header: "Visibility",
          className: "w-72",
          cell: (r) =>
            r.hiddenAt ? (
              <div className="space-y-2 text-sm">
                <p>
                  <span className="font-semibold text-ink-900">Hidden</span>
                  {r.hiddenBy ? ` by ${r.hiddenBy}` : ""}, {formatStoreDateTime(r.hiddenAt, timeZone)}:{" "}
                  {r.hiddenReason}
                </p>
                <ShowReviewForm action={showAction} reviewId={r.id} />
              </div>
            ) : (
              <HideReviewForm action={hideAction} reviewId={r.id} />
            ),
        },
      ]}
    />
  );
}
