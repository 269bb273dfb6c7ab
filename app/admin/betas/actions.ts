"use server";

import { z } from "zod";
import { actionsFor, anyFormFields } from "@/lib/action";
import { declineRemaining, openBeta, selectApplicants, selectByRule } from "@/lib/beta/commands";
import { openBetaForm } from "@/lib/beta/rules";
import { env } from "@/lib/env";
import { ok } from "@/lib/result";

/** The console's beta commands (lib/beta): marketers only, each audited. */
const marketerAction = actionsFor({ caller: "marketer" });

const betaIdField = z.strictObject({ betaId: z.uuid({ error: "That beta is unknown. Reload the page." }) });

export const openBetaAction = marketerAction({
  name: "openBeta",
  input: openBetaForm,
  run: async ({ input, caller, db, now }) => {
    const opened = await openBeta(db, {
      actor: { id: caller.id, email: caller.email },
      input,
      now,
      timeZone: env.STORE_TIMEZONE,
    });
    return opened.ok ? ok({ betaId: opened.betaId, message: "Beta opened." }) : opened;
  },
  redirectTo: (out) => `/admin/betas/${out.betaId}`,
  echoValues: true,
  renewRequestKey: true,
});

/** Ticked applicants arrive as `pick:<application id>` fields (a form may tick hundreds). */
export const selectApplicantsAction = marketerAction({
  name: "selectApplicants",
  input: anyFormFields,
  run: async ({ input, caller, db, now }) => {
    const betaId = input.betaId ?? "";
    const applicationIds = Object.keys(input)
      .filter((k) => k.startsWith("pick:"))
      .map((k) => k.slice(5));
    const selected = await selectApplicants(db, {
      actor: { id: caller.id, email: caller.email },
      betaId,
      applicationIds,
      now,
    });
    if (!selected.ok) return selected;
    return ok({ message: `${selected.selected} selected: each gets a “you're in” mail.` });
  },
  refresh: true,
});

export const selectByRuleAction = marketerAction({
  name: "selectBetaByRule",
  input: betaIdField,
  run: async ({ input, caller, db, now }) => {
    const selected = await selectByRule(db, {
      actor: { id: caller.id, email: caller.email },
      betaId: input.betaId,
      now,
    });
    if (!selected.ok) return selected;
    return ok({ message: `${selected.selected} selected by the rule: each gets a “you're in” mail.` });
  },
  refresh: true,
});

export const declineRemainingAction = marketerAction({
  name: "declineBetaRemaining",
  input: betaIdField,
  run: async ({ input, caller, db, now }) => {
    const declined = await declineRemaining(db, {
      actor: { id: caller.id, email: caller.email },
      betaId: input.betaId,
      now,
    });
    if (!declined.ok) return declined;
    return ok({ message: `${declined.declined} applicants told they weren't selected this time.` });
  },
  refresh: true,
});
