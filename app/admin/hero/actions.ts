"use server";

import { z } from "zod";
import { actionsFor, anyFormFields } from "@/lib/action";
import { env } from "@/lib/env";
import { HERO_TAG } from "@/lib/hero/cached";
import { removeHeroEntry, saveHeroEntry } from "@/lib/hero/schedule";

/*
 * The hero schedule's commands, as declarations: marketers only, the lib/hero writer (entry + audit in one
 * transaction) as the work, and the cached homepage hero expired so the change shows at once, without a redeploy.
 */

const marketerAction = actionsFor({ caller: "marketer" });

export const saveHeroEntryAction = marketerAction({
  name: "saveHeroEntry",
  input: anyFormFields,
  run: ({ input, caller, db, now }) =>
    saveHeroEntry(db, { actor: caller, raw: input, timeZone: env.STORE_TIMEZONE, now }),
  tags: () => [HERO_TAG],
  redirectTo: (out) => `/admin/hero?day=${out.storeDay}&status=saved`,
  echoValues: true,
  renewRequestKey: true,
});

export const removeHeroEntryAction = marketerAction({
  name: "removeHeroEntry",
  input: z.object({ entryId: z.string().default("") }),
  run: ({ input, caller, db }) => removeHeroEntry(db, { actor: caller, entryId: Number(input.entryId) }),
  tags: () => [HERO_TAG],
  redirectTo: (out) => (out.storeDay ? `/admin/hero?day=${out.storeDay}&status=removed` : "/admin/hero"),
});
