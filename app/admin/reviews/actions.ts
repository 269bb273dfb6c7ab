"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { reviewTags } from "@/lib/reviews/cached";
import { hideReview, showReview } from "@/lib/reviews/commands";

const reviewId = z.coerce.number().int().default(0);

/** Hides a review with a reason its author reads (audited in lib); that product's page and reviews are expired. */
export const hideReviewAction = defineAction({
  name: "hideReview",
  caller: "marketer",
  input: z.object({ reviewId, reason: z.string().default("") }),
  run: ({ input, caller, db, now }) => hideReview(db, { actor: caller, ...input, now }),
  tags: (out) => reviewTags(out),
  echoValues: true,
  refresh: true,
});

/** Shows a hidden review again (audited in lib). */
export const showReviewAction = defineAction({
  name: "showReview",
  caller: "marketer",
  input: z.object({ reviewId }),
  run: ({ input, caller, db, now }) => showReview(db, { actor: caller, reviewId: input.reviewId, now }),
  tags: (out) => reviewTags(out),
  refresh: true,
});
