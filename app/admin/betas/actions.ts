"use server";

import { z } from "zod";
import { actionsFor, anyFormFields } from "@/lib/action";
import {
  type BetaDecision,
  declineRemaining,
  openBeta,
  selectApplicants,
  selectByRule,
} from "@/lib/beta/commands";
import { openBetaForm } from "@/lib/beta/rules";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { ok, type Result } from "@/lib/result";

/** The console's beta commands (lib/beta): marketers only, each audited. */
const marketerAction = actionsFor({ caller: "marketer" });

const betaIdField = z.strictObject({ betaId: z.uuid({ error: "That beta is unknown. Reload the page." }) });

export const openBetaAction = marketerAction({
  name: "openBeta",
  input: openBetaForm,
  run: async ({ input, caller, db, now }) => {
    const opened = await openBeta(db, { actor: caller, input, now, timeZone: env.STORE_TIMEZONE });
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
    const selected = await selectApplicants(db, { actor: caller, betaId, applicationIds, now });
    if (!selected.ok) return selected;
    return ok({ message: `${selected.selected} selected: each gets a “you're in” mail.` });
  },
  refresh: true,
});

/** A decision on the applicants still waiting (lib/beta, once applications have closed), said in a sentence. */
const betaDecision = <R extends object>(
  name: string,
  decide: (db: Db, decision: BetaDecision) => Promise<Result<R>>,
  said: (done: R) => string,
) =>
  marketerAction({
    name,
    input: betaIdField,
    run: async ({ input, caller, db, now }) => {
      const done = await decide(db, { actor: caller, betaId: input.betaId, now });
      return done.ok ? ok({ message: said(done) }) : done;
    },
    refresh: true,
  });

export const selectByRuleAction = betaDecision(
  "selectBetaByRule",
  selectByRule,
  (done) => `${done.selected} selected by the rule: each gets a “you're in” mail.`,
);

export const declineRemainingAction = betaDecision(
  "declineBetaRemaining",
  declineRemaining,
  (done) => `${done.declined} applicants told they weren't selected this time.`,
);
