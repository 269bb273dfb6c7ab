"use server";

import { z } from "zod";
import { actionsFor } from "@/lib/action";
import { applyToBeta, buyBetaUnit } from "@/lib/beta/commands";
import { applyToBetaForm } from "@/lib/beta/rules";
import { env } from "@/lib/env";
import { getOrigin } from "@/lib/http";
import { getStripe } from "@/lib/payments/stripe";
import { ok } from "@/lib/result";

const SIGN_IN = "/sign-in?callbackUrl=/account/betas";
const fanAction = actionsFor({ caller: "user", signInTo: SIGN_IN });

/** A fan applies to a beta with a statement: once per account, inside the window (lib/beta checks). */
export const applyToBetaAction = fanAction({
  name: "applyToBeta",
  input: applyToBetaForm,
  run: async ({ input, caller, db, now }) => {
    const applied = await applyToBeta(db, {
      userId: caller.id,
      betaId: input.betaId,
      statement: input.statement,
      now,
    });
    return applied.ok ? ok({ message: "Application sent. We'll mail you the result." }) : applied;
  },
  echoValues: true,
  refresh: true,
});

/**
 * A selected fan buys their unit: to Stripe's page when the token price is paid by card, else straight to the
 * order, already paid in points. Only the caller's own application counts (no id of theirs is taken from the form).
 */
export const buyBetaUnitAction = fanAction({
  name: "buyBetaUnit",
  input: z.strictObject({ betaId: z.uuid({ error: "That beta is unknown. Reload the page." }) }),
  run: async ({ input, caller, db, now }) =>
    buyBetaUnit(
      { db, stripe: getStripe() },
      {
        userId: caller.id,
        email: caller.email,
        betaId: input.betaId,
        now,
        holdMinutes: env.HOLD_MINUTES,
        origin: await getOrigin(),
      },
    ),
  redirectTo: (out) => out.url,
});
