"use server";

import { z } from "zod";
import { defineAction } from "@/lib/action";
import { setHelpfulVote } from "@/lib/reviews/commands";

/**
 * "Helpful" on a review: a state (yes / no), so a double click or a second tab changes nothing. It expires no
 * cache tag: votes come in far more often than reviews, and a product page re-rendered per vote would undo its
 * cache under a crowd. The voter sees the new count at once from the answer; everyone else within the reviews'
 * cache lifetime (lib/reviews/cached.ts).
 */
export const voteHelpfulAction = defineAction({
  name: "voteHelpful",
  caller: "user",
  callerMessage: "Sign in to mark reviews helpful.",
  input: z.object({
    reviewId: z.coerce.number().int().default(0),
    helpful: z.enum(["yes", "no"]).default("yes"),
  }),
  run: ({ input, caller, db }) =>
    setHelpfulVote(db, { userId: caller.id, reviewId: input.reviewId, helpful: input.helpful === "yes" }),
});
