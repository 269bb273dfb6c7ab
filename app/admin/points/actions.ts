"use server";

import { defineAction } from "@/lib/action";
import { adjustPoints, adjustPointsForm } from "@/lib/points/adjust";
import { ok } from "@/lib/result";

/** A marketer adjusts a fan's points with a reason (lib/points/adjust.ts): ledger entry and audit, or nothing. */
export const adjustPointsAction = defineAction({
  name: "adjustPoints",
  caller: "marketer",
  input: adjustPointsForm,
  run: async ({ input, caller, db }) => {
    const adjusted = await adjustPoints(db, { actor: caller, input });
    if (!adjusted.ok) return adjusted;
    return ok({
      message: `Done: ${adjusted.email} now has ${adjusted.balance.toLocaleString("en-US")} points.`,
    });
  },
  echoValues: true,
  refresh: true,
  renewRequestKey: true,
});
