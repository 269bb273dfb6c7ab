"use server";

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { authSecret } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { fcodesCsv } from "@/lib/fcodes/codes";
import { giveFcode, issueFcodeBatch } from "@/lib/fcodes/commands";
import { issueBatchForm } from "@/lib/fcodes/rules";
import { ok } from "@/lib/result";
import { formatStoreDateTime } from "@/lib/store-time";

/**
 * Issues a batch of F-codes (lib/fcodes): the codes come back once, in this answer, with their CSV; the database
 * keeps only their hashes. Marketers only; audited.
 */
export const issueFcodeBatchAction = defineAction({
  name: "issueFcodeBatch",
  caller: "marketer",
  input: issueBatchForm,
  run: async ({ input, caller, db, now }) => {
    const issued = await issueFcodeBatch(db, { actor: caller, input, now, timeZone: env.STORE_TIMEZONE });
    if (!issued.ok) return issued;
    const csv = fcodesCsv(
      issued.codes.map((code) => ({
        code,
        batch: input.label,
        validUntil: formatStoreDateTime(issued.validUntil, env.STORE_TIMEZONE),
      })),
    );
    return ok({
      codes: issued.codes,
      csv,
      message: `${issued.codes.length} F-codes issued. Copy them or download the CSV now: they are not shown again.`,
      nextRequestKey: randomUUID(),
    });
  },
  tags: () => ["sales"],
  echoValues: true,
  renewRequestKey: true,
});

/** Gives one code to a fan by email: it shows on their account page and an "F-code received" mail goes out. */
export const giveFcodeAction = defineAction({
  name: "giveFcode",
  caller: "marketer",
  input: z.strictObject({
    code: z.string().trim().min(1, { error: "Paste a code from the batch's CSV." }).max(40),
    email: z.email({ error: "Enter the fan's email address." }).max(320),
  }),
  run: async ({ input, caller, db, now }) => {
    const given = await giveFcode(db, {
      actor: caller,
      code: input.code,
      email: input.email,
      now,
      secret: authSecret,
    });
    if (!given.ok) return given;
    return ok({
      message: `Given to ${given.email}. They'll find it in their mail and on their account page.`,
    });
  },
  echoValues: true,
  refresh: true,
});
