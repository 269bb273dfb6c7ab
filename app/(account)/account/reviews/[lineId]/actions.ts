"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/limits";
import { reviewTags } from "@/lib/reviews/cached";
import { editReview, writeReview } from "@/lib/reviews/commands";

/*
 * The buyer's review of one order line. Ownership, payment and the one-per-line rule are checked in lib/reviews;
 * a text field may be as long as the request Next accepts, so a very long review reaches the rule and is refused
 * with its own sentence ("Keep your review to 2,000 characters; this one has 100,000") rather than the form
 * reader's. A change expires that one product's page and reviews, never the catalogue.
 */

const reviewFields = {
  rating: z.string().max(8).default(""),
  title: z.string().default(""),
  body: z.string().default(""),
};

export const writeReviewAction = defineAction({
  name: "writeReview",
  caller: "user",
  input: z.object({ orderLineId: z.coerce.number().int().default(0), ...reviewFields }),
  maxValueLength: SERVER_ACTION_BODY_LIMIT_BYTES,
  run: ({ input, caller, db, now }) =>
    writeReview(db, { userId: caller.id, orderLineId: input.orderLineId, raw: input, now }),
  tags: (out) => reviewTags(out),
  echoValues: true,
  redirectTo: (out) => `/account/reviews/${out.orderLineId}?saved=new`,
});

export const editReviewAction = defineAction({
  name: "editReview",
  caller: "user",
  input: z.object({ reviewId: z.coerce.number().int().default(0), ...reviewFields }),
  maxValueLength: SERVER_ACTION_BODY_LIMIT_BYTES,
  run: ({ input, caller, db, now }) =>
    editReview(db, { userId: caller.id, reviewId: input.reviewId, raw: input, now }),
  tags: (out) => reviewTags(out),
  echoValues: true,
  redirectTo: (out) => `/account/reviews/${out.orderLineId}?saved=edit`,
});
